// Read-side helpers over a list of ledger entries: what was reversed, what still stands, what falls in a window.
//
// Why: reversals net out in sums by themselves, but flags (is there a veto? any deduction this month?)
// must ignore an entry that a later reversal cancelled.
import type { LocalDate } from '../periods/local-date.js';
import type { LedgerEntry } from './ledger-entry.js';

/** Ids of entries that some reversal in the list cancels. */
export function reversedEntryIds(entries: readonly LedgerEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) if (entry.cause === 'reversal' && entry.reversesEntryId) ids.add(entry.reversesEntryId);
  return ids;
}

/** Entries that still stand: not reversals themselves and not cancelled by one. */
export function standingEntries(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const reversed = reversedEntryIds(entries);
  return entries.filter((entry) => entry.cause !== 'reversal' && !reversed.has(entry.id));
}

/** Entries whose Shanghai date lies in [from, to], both inclusive. */
export function entriesBetween(entries: readonly LedgerEntry[], from: LocalDate, to: LocalDate): LedgerEntry[] {
  return entries.filter((entry) => entry.occurredOn >= from && entry.occurredOn <= to);
}
