// Queries on pledges and their progress, and the mapping between the stored (status, fulfilment) pair and
// the pure workflow's single status.
//
// Why a mapping: the table keeps 评诺's verdict in its own column (fulfilment) and 践诺 as progress rows,
// so APPROVED with progress is the workflow's `inProgress`, and APPROVED with a verdict is that verdict.
import type { Pledge, PledgeProgress, PledgeServes, PledgeStatus as DbPledgeStatus, Prisma } from '../../generated/prisma/client.js';
import type { LocalDate } from '../periods/local-date.js';
import { fromDbDate, type DbClient } from '../shared/db.js';
import type { PledgeStatus, PledgeVerdict } from './pledge-status.js';

export interface ProgressView {
  readonly id: number;
  readonly percent: number;
  readonly text: string;
  readonly imageKey: string | null;
  readonly createdAt: Date;
}

export interface PledgeView {
  readonly id: number;
  readonly memberId: number;
  readonly branchId: number;
  readonly year: number;
  readonly content: string;
  readonly serves: PledgeServes;
  readonly target: string;
  readonly dueOn: LocalDate;
  readonly status: PledgeStatus;
  readonly submittedAt: Date | null;
  readonly reviewerId: number | null;
  readonly reviewedAt: Date | null;
  readonly reviewComment: string | null;
  readonly verdict: PledgeVerdict | null;
  readonly evaluatorId: number | null;
  readonly evaluatedAt: Date | null;
  readonly evaluationComment: string | null;
  readonly revision: number;
  readonly latestProgress: ProgressView | null;
  readonly createdAt: Date;
}

export type PledgeRow = Pledge & { readonly progress: readonly PledgeProgress[] };

/** Include for reads: the latest progress note decides approved vs inProgress. */
export const withLatestProgress = { progress: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1 } } as const satisfies Prisma.PledgeInclude;

const VERDICTS: Record<Pledge['fulfilment'], PledgeVerdict | null> = {
  NONE: null,
  FULFILLED: 'fulfilled',
  PARTIAL: 'partial',
  UNFULFILLED: 'unfulfilled',
};

export function workflowStatus(row: PledgeRow): PledgeStatus {
  if (row.status !== 'APPROVED') return row.status.toLowerCase() as PledgeStatus;
  return VERDICTS[row.fulfilment] ?? (row.progress.length > 0 ? 'inProgress' : 'approved');
}

/** The stored status for a workflow status that the table keeps in `status` (verdicts live in fulfilment). */
export function storedStatus(status: PledgeStatus): DbPledgeStatus {
  if (status === 'inProgress' || status === 'fulfilled' || status === 'partial' || status === 'unfulfilled') return 'APPROVED';
  return status.toUpperCase() as DbPledgeStatus;
}

export function toVerdictColumn(verdict: PledgeVerdict): Pledge['fulfilment'] {
  return verdict.toUpperCase() as Pledge['fulfilment'];
}

function toProgressView(row: PledgeProgress): ProgressView {
  return { id: row.id, percent: row.percent, text: row.text, imageKey: row.imageKey, createdAt: row.createdAt };
}

export function toPledgeView(row: PledgeRow): PledgeView {
  const latest = row.progress[0];
  return {
    id: row.id, memberId: row.memberId, branchId: row.branchId, year: row.year, content: row.content, serves: row.serves,
    target: row.target, dueOn: fromDbDate(row.dueOn), status: workflowStatus(row), submittedAt: row.submittedAt,
    reviewerId: row.reviewerId, reviewedAt: row.reviewedAt, reviewComment: row.reviewComment, verdict: VERDICTS[row.fulfilment],
    evaluatorId: row.evaluatorId, evaluatedAt: row.evaluatedAt, evaluationComment: row.evaluationComment, revision: row.revision,
    latestProgress: latest ? toProgressView(latest) : null, createdAt: row.createdAt,
  };
}

export async function findPledge(db: DbClient, id: number): Promise<PledgeRow | null> {
  return db.pledge.findUnique({ where: { id }, include: withLatestProgress });
}

/** Compare-and-set on the stored (status, fulfilment): applies `data` only if the pledge is still `from`. */
export async function updatePledgeIf(db: DbClient, row: PledgeRow, data: Prisma.PledgeUncheckedUpdateManyInput): Promise<PledgeRow | null> {
  const { count } = await db.pledge.updateMany({ where: { id: row.id, status: row.status, fulfilment: row.fulfilment }, data });
  return count === 1 ? findPledge(db, row.id) : null;
}

export function listPledges(db: DbClient, where: Prisma.PledgeWhereInput, limit: number): Promise<PledgeRow[]> {
  return db.pledge.findMany({ where, include: withLatestProgress, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], take: limit });
}

export function progressOf(db: DbClient, pledgeId: number): Promise<PledgeProgress[]> {
  return db.pledgeProgress.findMany({ where: { pledgeId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}
