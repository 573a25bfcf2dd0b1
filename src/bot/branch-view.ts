// Reads behind the 支部 card: the branch board this month, who has recorded nothing, pending claims and
// pledges, open objections. The domain services check the reader (a secretary reads their own branch only);
// the one query here runs after that check.
import { assertManagesBranch } from '../domain/access/actor.js';
import type { ObjectionView } from '../domain/deductions/deductions-repository.js';
import type { PendingClaim } from '../domain/claims/claim-review-service.js';
import { firstDayOf, lastDayOf } from '../domain/periods/period-key.js';
import { periodStart, periodEnd } from '../domain/periods/zoned-time.js';
import type { PledgeView } from '../domain/pledges/pledges-repository.js';
import { toDbDate } from '../domain/shared/db.js';
import type { BranchBoard } from '../domain/scoring/score-service.js';
import type { Actor } from './actor.js';
import { t } from './messages/index.js';
import { namesOf } from './people.js';
import { periodArg, type ChosenPeriod } from './period-arg.js';
import { catalogNames, rulesOfPeriod } from './points-view.js';
import type { BotServices } from './services.js';
import { UserFacingError } from './user-error.js';

export interface BranchView {
  readonly branch: { readonly id: number; readonly name: string };
  readonly chosen: ChosenPeriod;
  readonly board: BranchBoard;
  /** Board rows of members with no claim this month (by activity date or by when they recorded it). */
  readonly silent: readonly string[];
  readonly pendingClaims: readonly PendingClaim[];
  readonly pendingPledges: readonly (PledgeView & { readonly memberName: string })[];
  readonly objections: readonly (ObjectionView & { readonly memberName: string })[];
  readonly names: ReadonlyMap<string, string>;
}

/** Members (of `memberIds`) with at least one claim this month that is not a draft or withdrawn. */
async function membersWhoRecorded(services: BotServices, branchId: number, memberIds: readonly number[], chosen: ChosenPeriod): Promise<Set<number>> {
  const from = toDbDate(firstDayOf(chosen.period));
  const to = toDbDate(lastDayOf(chosen.period));
  const rows = await services.db.claim.findMany({
    where: {
      branchId,
      memberId: { in: [...memberIds] },
      status: { notIn: ['DRAFT', 'WITHDRAWN'] },
      OR: [
        { activityDate: { gte: from, lte: to } },
        { createdAt: { gte: periodStart(chosen.period, services.timeZone), lt: periodEnd(chosen.period, services.timeZone) } },
      ],
    },
    select: { memberId: true },
    distinct: ['memberId'],
  });
  return new Set(rows.map((r) => r.memberId));
}

export async function loadBranchView(services: BotServices, actor: Actor, branch: { id: number; name: string }): Promise<BranchView> {
  if (actor.role === 'MEMBER') throw new UserFacingError(t.points.branch.membersOnly);
  assertManagesBranch(actor, branch.id, 'read the branch view');
  const chosen = periodArg(services, '本月');
  await rulesOfPeriod(services, chosen.period);
  const board = await services.domain.scores.branchBoard(actor, branch.id, chosen.key);
  const recorded = await membersWhoRecorded(services, branch.id, board.rows.map((r) => r.memberId), chosen);
  const silent = board.rows.filter((r) => !recorded.has(r.memberId)).map((r) => r.name ?? '');
  const pendingClaims = await services.domain.claimReview.listPending(actor, { branchId: branch.id, limit: 200 });
  const pledges = (await services.domain.pledges.listPending(actor)).filter((p) => p.branchId === branch.id);
  const objections = await services.domain.deductions.listOpenObjections(actor, { branchId: branch.id, limit: 200 });
  const names = await namesOf(services.db, [...pledges.map((p) => p.memberId), ...objections.map((o) => o.memberId)]);
  const definitions = (await services.domain.rules.versions()).map((v) => v.definition);
  return {
    branch,
    chosen,
    board,
    silent,
    pendingClaims,
    pendingPledges: pledges.map((p) => ({ ...p, memberName: names.get(p.memberId) ?? '' })),
    objections: objections.map((o) => ({ ...o, memberName: names.get(o.memberId) ?? '' })),
    names: catalogNames(definitions),
  };
}
