// `评议 [年份] [支部名]` (secretary/admin): the annual evaluation. A secretary sees their branch — composites,
// grades, the 优秀-share warning, the entry form and the template button; an admin sees the committee
// overview with the finalise button, or one branch by name. `评议 模板` sends the Excel template,
// `评议 调整 工号 民主分 群众分 原因` (admin) adjusts a finalised result with a reason.
import { assertAdmin, assertManagesBranch } from '../../domain/access/actor.js';
import { parsePoints } from '../../domain/points.js';
import { evaluationNoticeCard } from '../cards/evaluation-cards.js';
import { branchEvaluationCardFor, currentYear, evaluationOverviewCardFor } from '../evaluation-views.js';
import { t } from '../messages/index.js';
import type { Card } from '../cards/elements.js';
import { cardTo } from '../reply.js';
import type { BotServices } from '../services.js';
import { UserFacingError } from '../user-error.js';
import type { CommandContext, CommandDefinition, CommandResult } from './command.js';

const e = t.evaluation;

/** Splits a leading or trailing four-digit year off the arguments. */
export function yearAndRest(args: readonly string[], fallback: number): { year: number; rest: string[] } {
  const rest = [...args];
  const index = rest.findIndex((a) => /^20\d\d$/.test(a));
  const year = index >= 0 ? Number(rest.splice(index, 1)[0]) : fallback;
  return { year, rest };
}

export async function branchIdByName(services: BotServices, name: string): Promise<number> {
  const branch = await services.db.branch.findUnique({ where: { name }, select: { id: true } });
  if (!branch) throw new UserFacingError(e.unknownBranch(name));
  return branch.id;
}

/** Files with evaluations and scores are personal data: they go to the person who asked, never into a group. */
export function fileReceiver(context: Pick<CommandContext, 'actor'>) {
  return { type: 'open_id' as const, id: context.actor.openId };
}

/**
 * A card with members' scores asked for in a group chat goes to the asker privately; the group only hears
 * that it was sent (product.md §9: evaluations are sensitive, nothing readable by the wrong people).
 */
export function privately(context: Pick<CommandContext, 'actor' | 'input'>, reply: Card): CommandResult {
  if (context.input.kind !== 'text' || context.input.chatType !== 'group') return { reply };
  return { reply: evaluationNoticeCard(e.sentPrivatelyTitle, e.sentPrivately, 'green'), also: [cardTo({ to: 'open_id', id: context.actor.openId }, reply)] };
}

async function adjust(context: CommandContext, args: string[], year: number): Promise<CommandResult> {
  const { actor, services } = context;
  assertAdmin(actor, 'adjust an evaluation');
  const [employeeNo, democratic, mass, ...reason] = args;
  const scores = [democratic, mass].map((v) => {
    try {
      return v === undefined ? undefined : parsePoints(v);
    } catch {
      return undefined;
    }
  });
  if (!employeeNo || scores[0] === undefined || scores[1] === undefined || reason.length === 0) throw new UserFacingError(e.adjustUsage);
  const member = await services.db.member.findUnique({ where: { employeeNo }, select: { id: true, name: true } });
  if (!member) throw new UserFacingError(e.issues.unknownEmployee(employeeNo));
  const after = await services.domain.evaluation.adjust(actor, { memberId: member.id, year, democratic: scores[0], mass: scores[1], reason: reason.join(' ') });
  const composite = after.composite === null ? '' : (after.composite / 100).toFixed(2);
  return { reply: evaluationNoticeCard(e.adjustedTitle, e.adjusted(member.name, composite, after.grade ? (e.grades[after.grade] ?? '') : ''), 'green') };
}

export const evaluationCommand: CommandDefinition<'evaluation'> = {
  name: 'evaluation',
  aliases: ['评议', '年度评议', '年评比', 'evaluation'],
  menuKeys: ['evaluation'],
  run: async (context) => {
    const { actor, args, services } = context;
    if (actor.role === 'MEMBER') throw new UserFacingError(e.notManager);
    const { year, rest } = yearAndRest(args, currentYear(services.now(), services.timeZone));
    const [sub, ...more] = rest;
    if (sub === '调整' || sub === 'adjust') return adjust(context, more, year);
    if (sub === '模板' || sub === 'template') {
      const branchName = more.join(' ');
      const branchId = actor.role === 'ADMIN' ? (branchName ? await branchIdByName(services, branchName) : undefined) : actor.branchId;
      if (branchId !== undefined) assertManagesBranch(actor, branchId, 'download the evaluation template');
      await services.jobs.botFile({ kind: 'evaluation-template', key: context.input.key, actorMemberId: actor.memberId, receiver: fileReceiver(context), year, ...(branchId === undefined ? {} : { branchId }) });
      return { reply: evaluationNoticeCard(e.template, e.templateQueued, 'green') };
    }
    const deps = { db: services.db, domain: services.domain };
    if (actor.role === 'ADMIN') {
      if (rest.length === 0) return privately(context, await evaluationOverviewCardFor(deps, actor, year));
      return privately(context, await branchEvaluationCardFor(deps, actor, await branchIdByName(services, rest.join(' ')), year));
    }
    return privately(context, await branchEvaluationCardFor(deps, actor, actor.branchId, year));
  },
};
