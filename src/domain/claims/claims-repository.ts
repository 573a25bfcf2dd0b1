// Queries on claims and their mapping to the plain `ClaimView` the services return.
//
// Status changes are compare-and-set (`updateClaimIf`): the update names the status it expects, so a
// withdrawal racing an approval cannot both succeed; the loser sees zero rows and says "already handled".
import type { Claim, ClaimStatus as DbClaimStatus, Prisma } from '../../generated/prisma/client.js';
import type { Hundredths } from '../points.js';
import type { LocalDate } from '../periods/local-date.js';
import type { RoleCode } from '../rules/rules-schema.js';
import type { ClaimStatus } from './claim-status.js';
import { fromDbDate, toDbDate, toHundredthsFromDb, toQuantity, type DbClient, type Tx } from '../shared/db.js';

export interface ClaimView {
  readonly id: number;
  readonly memberId: number;
  readonly branchId: number;
  readonly rulesVersionId: number;
  readonly roleCode: RoleCode;
  readonly activityCode: string;
  readonly activityDate: LocalDate;
  readonly quantity: number;
  readonly description: string;
  readonly status: ClaimStatus;
  readonly submittedAt: Date | null;
  readonly reviewerId: number | null;
  readonly reviewedAt: Date | null;
  /** The reviewer's comment on the last return (kept after a resubmission, so the member sees what to fix). */
  readonly reviewComment: string | null;
  /** What the member was shown before review; the ledger entry holds what was credited. */
  readonly estimatedPoints: Hundredths | null;
  readonly revision: number;
  readonly createdAt: Date;
}

export const toDbStatus = (status: ClaimStatus) => status.toUpperCase() as DbClaimStatus;

export function toClaimView(row: Claim): ClaimView {
  return {
    id: row.id,
    memberId: row.memberId,
    branchId: row.branchId,
    rulesVersionId: row.rulesVersionId,
    roleCode: row.roleCode,
    activityCode: row.activityCode,
    activityDate: fromDbDate(row.activityDate),
    quantity: toQuantity(row.quantity),
    description: row.description,
    status: row.status.toLowerCase() as ClaimStatus,
    submittedAt: row.submittedAt,
    reviewerId: row.reviewerId,
    reviewedAt: row.reviewedAt,
    reviewComment: row.reviewComment,
    estimatedPoints: row.estimatedPoints === null ? null : toHundredthsFromDb(row.estimatedPoints),
    revision: row.revision,
    createdAt: row.createdAt,
  };
}

/** How a likely duplicate is recognised: the same words, whatever the width, case and spacing. */
export function normaliseDescription(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function findClaim(db: DbClient, id: number): Promise<Claim | null> {
  return db.claim.findUnique({ where: { id } });
}

export function findClaimByKey(db: DbClient, idempotencyKey: string): Promise<Claim | null> {
  return db.claim.findUnique({ where: { idempotencyKey } });
}

/** Inserts unless the idempotency key exists; returns the claim holding the key. */
export async function insertClaim(db: DbClient, data: Prisma.ClaimCreateManyInput): Promise<{ row: Claim; created: boolean }> {
  const [row] = await db.claim.createManyAndReturn({ data: [data], skipDuplicates: true });
  if (row) return { row, created: true };
  const existing = await findClaimByKey(db, data.idempotencyKey);
  if (!existing) throw new Error('claim insert skipped without an existing idempotency key');
  return { row: existing, created: false };
}

/** The member's live claims of one activity on one day (index claims(member_id, activity_code, activity_date)). */
export function sameDayClaims(db: DbClient, memberId: number, activityCode: string, date: LocalDate): Promise<Claim[]> {
  return db.claim.findMany({
    where: { memberId, activityCode, activityDate: toDbDate(date), status: { not: 'WITHDRAWN' } },
    orderBy: { id: 'asc' },
  });
}

/** Locks the claim row for the rest of the transaction and returns it as it is now. */
export async function lockClaim(tx: Tx, id: number): Promise<Claim | null> {
  await tx.$queryRaw`SELECT id FROM claims WHERE id = ${id} FOR UPDATE`;
  return findClaim(tx, id);
}

/** Compare-and-set: applies `data` only while the claim is in `from`; returns the new row or null. */
export async function updateClaimIf(db: DbClient, id: number, from: ClaimStatus, data: Prisma.ClaimUncheckedUpdateManyInput): Promise<Claim | null> {
  const { count } = await db.claim.updateMany({ where: { id, status: toDbStatus(from) }, data });
  return count === 1 ? findClaim(db, id) : null;
}

export interface PendingClaimRow extends Claim {
  readonly member: { readonly name: string; readonly role: 'MEMBER' | 'SECRETARY' | 'ADMIN' };
  readonly evidence: readonly { readonly id: number; readonly imageKey: string; readonly duplicateOfId: number | null }[];
}

/** Pending claims matching `where`, oldest submission first. */
export function pendingClaims(db: DbClient, where: Prisma.ClaimWhereInput, limit: number): Promise<PendingClaimRow[]> {
  return db.claim.findMany({
    where: { ...where, status: 'PENDING' },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    take: limit,
    include: {
      member: { select: { name: true, role: true } },
      evidence: { select: { id: true, imageKey: true, duplicateOfId: true }, orderBy: { id: 'asc' } },
    },
  });
}

export function memberClaims(db: DbClient, memberId: number, limit: number, statuses?: readonly ClaimStatus[]): Promise<Claim[]> {
  return db.claim.findMany({
    where: { memberId, ...(statuses ? { status: { in: statuses.map(toDbStatus) } } : {}) },
    orderBy: { id: 'desc' },
    take: limit,
  });
}
