// Card actions of the annual evaluation: the entry form (one member's scores), the template button and
// the admin's finalise button. Permissions and the year lock are the domain's (evaluation services).
import { z } from 'zod';
import { formatPoints, parsePoints, type Hundredths } from '../../domain/points.js';
import { evaluationFinalisedCard } from '../cards/evaluation-cards.js';
import { branchEvaluationCardFor } from '../evaluation-views.js';
import { t } from '../messages/index.js';
import { UserFacingError } from '../user-error.js';
import type { ActionDefinition } from './action.js';

const e = t.evaluation;
const yearBranch = z.object({ y: z.coerce.number().int().min(2000).max(2100), b: z.coerce.number().int().positive() });

/** An optional score field: empty keeps what is stored; anything else must be 0–100 with two decimals at most. */
const scoreField = z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFKC').trim() : v), z.string().max(10).optional()).transform((v, ctx): Hundredths | undefined => {
  if (v === undefined || v === '') return undefined;
  try {
    return parsePoints(v);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a score' });
    return z.NEVER;
  }
});

const entryForm = z.object({
  member: z.coerce.number().int().positive(),
  democratic: scoreField, mass: scoreField, political: scoreField, jobSkill: scoreField, performance: scoreField,
});

export const evaluationEnterAction: ActionDefinition = {
  action: 'evaluation.enter',
  run: async ({ actor, input, services }) => {
    const { y: year, b: branchId } = yearBranch.parse(input.value);
    const parsed = entryForm.safeParse(input.formValue ?? {});
    if (!parsed.success) throw new UserFacingError(e.invalidScore);
    const f = parsed.data;
    const member = await services.db.member.findUnique({ where: { id: f.member }, select: { name: true, branchId: true } });
    if (!member || member.branchId !== branchId) throw new UserFacingError(t.common.errors.notFound);
    const scores = { democratic: f.democratic, mass: f.mass, political: f.political, jobSkill: f.jobSkill, performance: f.performance };
    const given = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== undefined));
    const { preview } = await services.domain.evaluation.enterScores(actor, { memberId: f.member, year, ...given });
    const card = await branchEvaluationCardFor({ db: services.db, domain: services.domain }, actor, branchId, year);
    // With one score still missing, say what it takes for 优秀 (the preview's lowest reaching value).
    const needed = preview.needed?.byGrade.excellent;
    const hint = preview.needed && needed !== null && needed !== undefined ? e.neededForExcellent(preview.needed.component === 'mass' ? e.massShort : e.democraticShort, formatPoints(needed)) : '';
    return { toast: { type: 'success', content: `${e.saved(member.name)}${hint}` }, card };
  },
};

export const evaluationTemplateAction: ActionDefinition = {
  action: 'evaluation.template',
  run: async ({ actor, input, services }) => {
    const { y: year, b: branchId } = yearBranch.parse(input.value);
    if (actor.role !== 'ADMIN' && !(actor.role === 'SECRETARY' && actor.branchId === branchId)) throw new UserFacingError(e.notManager);
    const receiver = { type: 'open_id' as const, id: actor.openId };
    await services.jobs.botFile({ kind: 'evaluation-template', key: input.key, actorMemberId: actor.memberId, receiver, year, branchId });
    return { toast: { type: 'info', content: e.templateQueued } };
  },
};

export const evaluationFinalizeAction: ActionDefinition = {
  action: 'evaluation.finalize',
  run: async ({ actor, input, services }) => {
    const { y: year } = z.object({ y: z.coerce.number().int().min(2000).max(2100) }).parse(input.value);
    // The overview card showed who is missing and the dialog asked: finalising leaves them without a grade.
    const summary = await services.domain.evaluationYear.finalizeYear(actor, year, { allowIncomplete: true });
    const branches = new Map((await services.db.branch.findMany({ select: { id: true, name: true } })).map((b) => [b.id, b.name]));
    return { toast: { type: 'success', content: e.finalizedTitle(year) }, card: evaluationFinalisedCard(summary, branches) };
  },
};

export const evaluationActions: readonly ActionDefinition[] = [evaluationEnterAction, evaluationTemplateAction, evaluationFinalizeAction];
