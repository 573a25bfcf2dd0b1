// Ledger steps the services run inside their own transactions: read a member's year, write an entry by
// its business key, reverse an entry.
//
// Why separate from the ledger service: approvals, deductions, objections and vetoes each write their
// entry in the same transaction as their own status change and audit row, so they call these steps
// with their transaction client rather than going through another service's transaction.
import { buildReversal } from './ledger-builders.js';
import type { LedgerEntry } from './ledger-entry.js';
import { NEW_ENTRY_ID, toCreateInput, toDomainEntry, type EntryLink, type LedgerRow, type RulesLabelOf } from './ledger-mapper.js';
import { appendEntry, findEntryByKey, memberEntries } from './ledger-repository.js';
import { ledgerKeys } from './business-keys.js';
import { DomainError } from '../errors.js';
import { firstDayOf, lastDayOf, yearPeriod } from '../periods/period-key.js';
import type { StoredRules } from '../rules/rules-service.js';
import type { DbClient, Tx } from '../shared/db.js';

export function labelsOf(versions: readonly StoredRules[]): RulesLabelOf {
  const labels = new Map(versions.map((v) => [v.id, v.label]));
  return (id) => {
    const label = labels.get(id);
    if (label === undefined) throw new DomainError('RULES_NOT_FOUND', `no rules version with id ${id}`, { id });
    return label;
  };
}

export function rulesIdOf(versions: readonly StoredRules[], label: string): number {
  const found = versions.find((v) => v.label === label);
  if (!found) throw new DomainError('RULES_NOT_FOUND', `no rules version ${label}`, { label });
  return found.id;
}

/** Everything the member's caps and standing depend on for a year: the entries dated in it. */
export async function memberYearLedger(db: DbClient, memberId: number, year: number, labelOf: RulesLabelOf): Promise<LedgerEntry[]> {
  const period = yearPeriod(year);
  const rows = await memberEntries(db, memberId, firstDayOf(period), lastDayOf(period));
  return rows.map((row) => toDomainEntry(row, labelOf));
}

export interface WrittenEntry {
  readonly entry: LedgerEntry;
  /** False when the same effect was already written; `entry` is then the existing one. */
  readonly created: boolean;
}

export async function writeEntry(tx: Tx, entry: LedgerEntry, link: EntryLink, labelOf: RulesLabelOf): Promise<WrittenEntry> {
  const { row, created } = await appendEntry(tx, toCreateInput(entry, link));
  return { entry: toDomainEntry(row, labelOf), created };
}

export interface ReversalInput {
  readonly reason: string;
  readonly actorId: number | null;
  readonly now: Date;
  readonly labelOf: RulesLabelOf;
}

/**
 * Writes the reversal of `original` (key `reversal:<id>`), or returns the one already written. The caller
 * holds the member lock. Reversing a deduction's entry also marks the deduction REVERSED.
 */
export async function reverseEntry(tx: Tx, original: LedgerRow, input: ReversalInput): Promise<WrittenEntry> {
  const businessKey = ledgerKeys.reversal(original.id);
  const existing = await findEntryByKey(tx, businessKey);
  if (existing) return { entry: toDomainEntry(existing, input.labelOf), created: false };
  const priorReversal = await tx.ledgerEntry.findFirst({ where: { reversesEntryId: original.id } });
  const ledger = priorReversal ? [toDomainEntry(priorReversal, input.labelOf)] : [];
  const reversal = buildReversal(toDomainEntry(original, input.labelOf), ledger, {
    id: NEW_ENTRY_ID,
    createdAt: input.now,
    reason: input.reason,
  });
  const written = await writeEntry(
    tx,
    reversal,
    {
      rulesVersionId: original.rulesVersionId,
      businessKey,
      actorId: input.actorId,
      reversesEntryId: original.id,
      // The reversal stays linked to the original's record, so "what happened to claim 12" finds both.
      ...(original.claimId === null ? {} : { claimId: original.claimId }),
      ...(original.deductionId === null ? {} : { deductionId: original.deductionId }),
      ...(original.vetoProposalId === null ? {} : { vetoProposalId: original.vetoProposalId }),
    },
    input.labelOf,
  );
  if (original.cause === 'DEDUCTION' && original.deductionId !== null) {
    await tx.deduction.update({ where: { id: original.deductionId }, data: { status: 'REVERSED' } });
  }
  return written;
}
