// `党员之星 [年份]` (admin): the year's candidates from the rules engine, per branch, with the button that
// confirms them all and announces them to every member and every bound branch group.
import type { StarCandidate } from '../../domain/stars/stars-service.js';
import { starsCandidatesCard, type CandidateRow } from '../cards/stars-cards.js';
import { currentYear } from '../evaluation-views.js';
import { t } from '../messages/index.js';
import type { BotServices } from '../services.js';
import { UserFacingError } from '../user-error.js';
import type { ActionDefinition } from '../actions/action.js';
import { evaluationNoticeCard } from '../cards/evaluation-cards.js';
import type { Actor } from '../actor.js';
import type { CommandDefinition } from './command.js';
import { privately, yearAndRest } from './evaluation.command.js';
import { z } from 'zod';

async function candidateRows(services: BotServices, candidates: readonly StarCandidate[], year: number): Promise<CandidateRow[]> {
  const chosen = candidates.filter((c) => c.candidate);
  const branches = new Map((await services.db.branch.findMany({ select: { id: true, name: true } })).map((b) => [String(b.id), b.name]));
  const confirmed = new Set((await services.db.star.findMany({ where: { periodKey: String(year) }, select: { memberId: true } })).map((s) => String(s.memberId)));
  return chosen.map((c) => ({ branch: branches.get(c.branchId) ?? '', name: c.name, rank: c.rank ?? 0, confirmed: confirmed.has(c.memberId) }));
}

async function candidatesCard(services: BotServices, actor: Actor, year: number) {
  const candidates = await services.domain.stars.candidates(actor, year);
  const rows = await candidateRows(services, candidates, year);
  return starsCandidatesCard({ year, candidates: rows, excluded: candidates.length - rows.length });
}

export const starsCommand: CommandDefinition<'stars'> = {
  name: 'stars',
  aliases: ['党员之星', '评星', 'stars'],
  menuKeys: ['stars'],
  run: async (context) => {
    const { actor, args, services } = context;
    if (actor.role !== 'ADMIN') throw new UserFacingError(t.stars.adminOnly);
    const { year } = yearAndRest(args, currentYear(services.now(), services.timeZone));
    return privately(context, await candidatesCard(services, actor, year));
  },
};

export const starsConfirmAction: ActionDefinition = {
  action: 'stars.confirm',
  run: async ({ actor, input, services }) => {
    if (actor.role !== 'ADMIN') throw new UserFacingError(t.stars.adminOnly);
    const { y: year } = z.object({ y: z.coerce.number().int().min(2000).max(2100) }).parse(input.value);
    const candidates = (await services.domain.stars.candidates(actor, year)).filter((c) => c.candidate);
    const memberIds: number[] = [];
    for (const c of candidates) {
      await services.domain.stars.confirm(actor, { memberId: Number(c.memberId), year });
      memberIds.push(Number(c.memberId));
    }
    if (memberIds.length > 0) await services.jobs.botFile({ kind: 'stars-announce', key: input.key, year, memberIds });
    return {
      toast: { type: 'success', content: t.stars.announcedTitle },
      card: evaluationNoticeCard(t.stars.announcedTitle, t.stars.announced(memberIds.length), 'green'),
    };
  },
};
