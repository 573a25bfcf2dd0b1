// Queries on the points ledger: idempotent appends, the per-member lock that serialises point changes,
// and the reads scores are computed from.
//
// SERIALISATION. Every write that depends on a member's ledger (an approval checking caps, a deduction,
// a reversal, a veto, an adjustment) first takes `lockMember`: a row lock on the member. Two approvals of
// different claims of one member therefore run one after the other, and the second sees the first's
// entry when it computes the cap room. FOR NO KEY UPDATE, not FOR UPDATE: it still lets other
// transactions insert rows that reference the member (their foreign-key check takes FOR KEY SHARE), so
// recording a claim never waits for an approval.
import type { Prisma } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import type { LocalDate } from '../periods/local-date.js';
import { toDbDate, type DbClient, type Tx } from '../shared/db.js';
import type { PersonRole } from '../access/actor.js';
import type { LedgerRow } from './ledger-mapper.js';

export interface LockedMember {
  readonly id: number;
  readonly branchId: number;
  readonly role: PersonRole;
  readonly status: 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE';
}

/** Locks the member's row until the transaction ends; NOT_FOUND when there is no such member. */
export async function lockMember(tx: Tx, memberId: number): Promise<LockedMember> {
  const rows = await tx.$queryRaw<{ id: number; branch_id: number; role: PersonRole; status: LockedMember['status'] }[]>`
    SELECT id, branch_id, role::text AS role, status::text AS status
    FROM members WHERE id = ${memberId} FOR NO KEY UPDATE`;
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND', 'no such member', { memberId });
  return { id: row.id, branchId: row.branch_id, role: row.role, status: row.status };
}

export interface AppendResult {
  readonly row: LedgerRow;
  /** False when the business key existed: the same effect was already written, and this is it. */
  readonly created: boolean;
}

/**
 * Inserts the entry unless its business key exists (ON CONFLICT DO NOTHING, which keeps the transaction
 * usable where a unique violation would abort it), and returns the entry that holds the key.
 */
export async function appendEntry(tx: Tx, data: Prisma.LedgerEntryCreateManyInput): Promise<AppendResult> {
  const [row] = await tx.ledgerEntry.createManyAndReturn({ data: [data], skipDuplicates: true });
  if (row) return { row, created: true };
  const existing = await tx.ledgerEntry.findUnique({ where: { businessKey: data.businessKey } });
  if (existing) return { row: existing, created: false };
  // Another one-per-cause index (one credit per claim, one entry per deduction or veto, one reversal per
  // entry) holds the effect under a different key, e.g. one written by the demo loader.
  throw new DomainError('ALREADY_HANDLED', 'this effect is already in the ledger', { businessKey: data.businessKey });
}

export function findEntry(db: DbClient, id: number): Promise<LedgerRow | null> {
  return db.ledgerEntry.findUnique({ where: { id } });
}

export function findEntryByKey(db: DbClient, businessKey: string): Promise<LedgerRow | null> {
  return db.ledgerEntry.findUnique({ where: { businessKey } });
}

/** A member's entries dated in [from, to] (uses the (member_id, occurred_on) index). */
export function memberEntries(db: DbClient, memberId: number, from: LocalDate, to: LocalDate): Promise<LedgerRow[]> {
  return db.ledgerEntry.findMany({
    where: { memberId, occurredOn: { gte: toDbDate(from), lte: toDbDate(to) } },
    orderBy: { id: 'asc' },
  });
}

/** Entries of several members dated in [from, to]: one query for a whole branch board. */
export function entriesOfMembers(db: DbClient, memberIds: readonly number[], from: LocalDate, to: LocalDate): Promise<LedgerRow[]> {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db.ledgerEntry.findMany({
    where: { memberId: { in: [...memberIds] }, occurredOn: { gte: toDbDate(from), lte: toDbDate(to) } },
    orderBy: { id: 'asc' },
  });
}

/** Every entry dated in [from, to], optionally of one branch as recorded on the entry (indicators). */
export function entriesBetween(db: DbClient, from: LocalDate, to: LocalDate, branchId?: number): Promise<LedgerRow[]> {
  return db.ledgerEntry.findMany({
    where: {
      occurredOn: { gte: toDbDate(from), lte: toDbDate(to) },
      ...(branchId === undefined ? {} : { branchId }),
    },
    orderBy: { id: 'asc' },
  });
}

export interface HistoryRow extends LedgerRow {
  readonly claim: { id: number; description: string; activityCode: string } | null;
  readonly deduction: { id: number; reason: string; ruleCode: string; status: 'ACTIVE' | 'REVERSED' } | null;
  readonly vetoProposal: { id: number; vetoItem: 'X1' | 'X2' | 'X3'; status: string } | null;
  readonly reversedBy: { id: number } | null;
}

/** A member's latest entries with what caused them, newest first. */
export function memberHistory(db: DbClient, memberId: number, limit: number, beforeId?: number): Promise<HistoryRow[]> {
  return db.ledgerEntry.findMany({
    where: { memberId, ...(beforeId === undefined ? {} : { id: { lt: beforeId } }) },
    orderBy: { id: 'desc' },
    take: limit,
    include: {
      claim: { select: { id: true, description: true, activityCode: true } },
      deduction: { select: { id: true, reason: true, ruleCode: true, status: true } },
      vetoProposal: { select: { id: true, vetoItem: true, status: true } },
      reversedBy: { select: { id: true } },
    },
  });
}
