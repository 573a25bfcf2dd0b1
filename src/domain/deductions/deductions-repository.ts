// Queries on deductions and objections, and their mapping to the plain views the services return.
import type { Deduction, Objection, Prisma } from '../../generated/prisma/client.js';
import type { Hundredths } from '../points.js';
import type { LocalDate } from '../periods/local-date.js';
import type { BasicCode } from '../rules/rules-schema.js';
import { fromDbDate, toHundredthsFromDb, toQuantity, type DbClient } from '../shared/db.js';

export interface DeductionView {
  readonly id: number;
  readonly memberId: number;
  readonly branchId: number;
  readonly ruleCode: string;
  readonly itemCode: BasicCode;
  readonly occurrences: number;
  /** Magnitude taken, positive hundredths; the ledger entry carries it negated. */
  readonly points: Hundredths;
  readonly occurredOn: LocalDate;
  readonly reason: string;
  readonly status: 'active' | 'reversed';
  readonly objectionDeadline: Date;
  readonly createdById: number;
  readonly createdAt: Date;
}

export interface ObjectionView {
  readonly id: number;
  readonly deductionId: number;
  readonly memberId: number;
  readonly text: string;
  readonly status: 'open' | 'upheld' | 'rejected';
  readonly resolverId: number | null;
  readonly resolution: string | null;
  readonly resolvedAt: Date | null;
  readonly createdAt: Date;
}

export function toDeductionView(row: Deduction): DeductionView {
  return {
    id: row.id,
    memberId: row.memberId,
    branchId: row.branchId,
    ruleCode: row.ruleCode,
    itemCode: row.itemCode,
    occurrences: toQuantity(row.quantity),
    points: toHundredthsFromDb(row.points),
    occurredOn: fromDbDate(row.occurredOn),
    reason: row.reason,
    status: row.status === 'ACTIVE' ? 'active' : 'reversed',
    objectionDeadline: row.objectionDeadline,
    createdById: row.createdById,
    createdAt: row.createdAt,
  };
}

export function toObjectionView(row: Objection): ObjectionView {
  return {
    id: row.id,
    deductionId: row.deductionId,
    memberId: row.memberId,
    text: row.text,
    status: row.status.toLowerCase() as ObjectionView['status'],
    resolverId: row.resolverId,
    resolution: row.resolution,
    resolvedAt: row.resolvedAt,
    createdAt: row.createdAt,
  };
}

/** Inserts unless the idempotency key exists; returns the deduction holding the key. */
export async function insertDeduction(db: DbClient, data: Prisma.DeductionCreateManyInput): Promise<{ row: Deduction; created: boolean }> {
  const [row] = await db.deduction.createManyAndReturn({ data: [data], skipDuplicates: true });
  if (row) return { row, created: true };
  const existing = await db.deduction.findUnique({ where: { idempotencyKey: data.idempotencyKey } });
  if (!existing) throw new Error('deduction insert skipped without an existing idempotency key');
  return { row: existing, created: false };
}

/** Inserts the objection unless one is already OPEN for the deduction (partial unique index). */
export async function insertObjection(db: DbClient, data: Prisma.ObjectionCreateManyInput): Promise<{ row: Objection; created: boolean }> {
  const [row] = await db.objection.createManyAndReturn({ data: [data], skipDuplicates: true });
  if (row) return { row, created: true };
  const open = await db.objection.findFirst({ where: { deductionId: data.deductionId, status: 'OPEN' } });
  if (!open) throw new Error('objection insert skipped without an open objection');
  return { row: open, created: false };
}

export function openObjections(db: DbClient, branchId: number | undefined, limit: number): Promise<Objection[]> {
  return db.objection.findMany({
    where: { status: 'OPEN', ...(branchId === undefined ? {} : { deduction: { branchId } }) },
    orderBy: { id: 'asc' },
    take: limit,
  });
}
