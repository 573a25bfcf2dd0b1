// Builds the evaluation cards from the domain services: a branch's view (for its secretary or an admin)
// and the committee overview; shared by the command, the card actions and the upload job.
import type { ServiceActor } from '../domain/access/actor.js';
import type { DomainServices } from '../domain/services.js';
import type { DbClient } from '../domain/shared/db.js';
import { localDateOf } from '../domain/periods/zoned-time.js';
import { yearPeriod } from '../domain/periods/period-key.js';
import { branchEvaluationCard, evaluationOverviewCard, type BranchOverview } from './cards/evaluation-cards.js';
import type { Card } from './cards/elements.js';

export interface ViewDeps {
  readonly db: DbClient;
  readonly domain: DomainServices;
}

/** The year an evaluation command means by default: the current one in the party's time zone. */
export function currentYear(now: Date, timeZone: string): number {
  return Number(localDateOf(now, timeZone).slice(0, 4));
}

/**
 * Whom `actor` may score in a branch: a secretary the plain members of their own branch, an admin
 * everyone else; nobody themselves (the same rule as the domain's assertReviews).
 */
export async function scorableMembers(db: DbClient, actor: { memberId: number; role: string; branchId: number }, branchId?: number) {
  const roles = actor.role === 'ADMIN' ? undefined : ['MEMBER' as const];
  const branch = actor.role === 'ADMIN' ? branchId : actor.branchId;
  return db.member.findMany({
    where: { status: { not: 'INACTIVE' }, id: { not: actor.memberId }, ...(branch === undefined ? {} : { branchId: branch }), ...(roles ? { role: { in: roles } } : {}) },
    select: { id: true, name: true, employeeNo: true, branchId: true, branch: { select: { name: true } } },
    orderBy: [{ branchId: 'asc' }, { id: 'asc' }],
  });
}

export async function branchEvaluationCardFor(deps: ViewDeps, actor: ServiceActor & { memberId: number; role: string; branchId: number }, branchId: number, year: number): Promise<Card> {
  const view = await deps.domain.evaluation.branchEvaluation(actor, branchId, year);
  const branch = await deps.db.branch.findUniqueOrThrow({ where: { id: branchId }, select: { name: true } });
  const rules = await deps.domain.rules.forPeriod(yearPeriod(year));
  const scorable = (await scorableMembers(deps.db, actor, branchId)).map((m) => ({ memberId: m.id, name: m.name }));
  return branchEvaluationCard({ view, branchName: branch.name, weights: rules.definition.evaluation.weights, scorable });
}

export async function evaluationOverviewCardFor(deps: ViewDeps, actor: ServiceActor, year: number): Promise<Card> {
  const branches = await deps.db.branch.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  const overview: BranchOverview[] = [];
  let status: 'OPEN' | 'FINALIZED' = 'OPEN';
  for (const b of branches) {
    const view = await deps.domain.evaluation.branchEvaluation(actor, b.id, year);
    status = view.status;
    if (view.rows.length === 0) continue;
    overview.push({ name: b.name, members: view.rows.length, missing: view.missing, excellent: view.excellentCount, ...(view.warning ? { warning: view.warning } : {}) });
  }
  return evaluationOverviewCard({ year, status, branches: overview });
}
