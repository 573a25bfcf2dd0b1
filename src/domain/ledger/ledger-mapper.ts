// Maps ledger rows to the pure engine's LedgerEntry and back.
//
// Why rows are mapped without re-running the zod schema: every row was built by the domain builders
// (which validate) and the database re-checks the invariants in SQL (integrity-checks.sql), so scoring
// thousands of rows per board need not pay for a second validation.
import type { LedgerCause as DbCause, Prisma } from '../../generated/prisma/client.js';
import type { CapNote, LedgerEntry } from './ledger-entry.js';
import { fromDbDate, toDbDate, toDbPoints, toHundredthsFromDb, toJson, toQuantity } from '../shared/db.js';

export type LedgerRow = Prisma.LedgerEntryGetPayload<object>;

/** rules_versions.id → `2026.1`. */
export type RulesLabelOf = (rulesVersionId: number) => string;

export function toDomainEntry(row: LedgerRow, labelOf: RulesLabelOf): LedgerEntry {
  const occurredOn = fromDbDate(row.occurredOn);
  const sourceId = row.claimId ?? row.deductionId ?? row.vetoProposalId;
  return {
    id: String(row.id),
    memberId: String(row.memberId),
    branchId: String(row.branchId),
    year: Number(occurredOn.slice(0, 4)),
    rulesVersion: labelOf(row.rulesVersionId),
    cause: row.cause.toLowerCase() as LedgerEntry['cause'],
    itemCode: row.itemCode,
    activityCode: row.activityCode ?? undefined,
    deductionCode: row.deductionCode ?? undefined,
    quantity: row.quantity === null ? undefined : toQuantity(row.quantity),
    pointsCredited: toHundredthsFromDb(row.points),
    pointsRequested: toHundredthsFromDb(row.requestedPoints),
    capNote: (row.capNote ?? undefined) as CapNote | undefined,
    occurredOn,
    reversesEntryId: row.reversesEntryId === null ? undefined : String(row.reversesEntryId),
    sourceId: sourceId === null ? undefined : String(sourceId),
    reason: row.reason ?? undefined,
    createdAt: row.createdAt,
  };
}

/** What ties a new entry to its cause's records, beyond what the pure entry holds. */
export interface EntryLink {
  readonly rulesVersionId: number;
  readonly businessKey: string;
  /** Null for the system. */
  readonly actorId: number | null;
  readonly claimId?: number;
  readonly deductionId?: number;
  readonly vetoProposalId?: number;
  readonly reversesEntryId?: number;
}

export function toCreateInput(entry: LedgerEntry, link: EntryLink): Prisma.LedgerEntryCreateManyInput {
  return {
    memberId: Number(entry.memberId),
    branchId: Number(entry.branchId),
    rulesVersionId: link.rulesVersionId,
    cause: entry.cause.toUpperCase() as DbCause,
    itemCode: entry.itemCode,
    activityCode: entry.activityCode ?? null,
    deductionCode: entry.deductionCode ?? null,
    quantity: entry.quantity === undefined ? null : String(entry.quantity),
    points: toDbPoints(entry.pointsCredited),
    requestedPoints: toDbPoints(entry.pointsRequested),
    capNote: entry.capNote === undefined ? undefined : toJson(entry.capNote),
    occurredOn: toDbDate(entry.occurredOn),
    periodMonth: entry.occurredOn.slice(0, 7),
    claimId: link.claimId ?? null,
    deductionId: link.deductionId ?? null,
    vetoProposalId: link.vetoProposalId ?? null,
    reversesEntryId: link.reversesEntryId ?? null,
    reason: entry.reason ?? null,
    actorId: link.actorId,
    businessKey: link.businessKey,
    createdAt: entry.createdAt,
  };
}

/** The id a not-yet-written entry carries through the pure builders; the database assigns the real one. */
export const NEW_ENTRY_ID = 'new';
