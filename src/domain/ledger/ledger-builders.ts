// Builders for ledger entries other than capped claims: reversals, admin adjustments, deductions, vetoes.
//
// Why builders: each cause has invariants (a reversal mirrors its original exactly, an adjustment has a
// reason, a deduction is priced by the rules in force on the fault's date); building entries only here
// keeps every writer honest. Ids and timestamps are passed in, so the functions stay pure.
import { DomainError } from '../errors.js';
import { toHundredths, type Hundredths } from '../points.js';
import { parseLocalDate, type LocalDate } from '../periods/local-date.js';
import { findDeduction } from '../rules/rules-lookup.js';
import { rulesVersionId, type BasicCode, type RoleCode, type RulesDefinition, type VetoCode } from '../rules/rules-schema.js';
import { assertRulesGovern } from '../rules/select-version.js';
import { parseLedgerEntry, type LedgerEntry } from './ledger-entry.js';
import { reversedEntryIds } from './ledger-queries.js';

/** What the caller supplies for any new entry: identity and clock, from outside the domain. */
export interface EntryMeta {
  readonly id: string;
  readonly createdAt: Date;
}

export interface MemberRef {
  readonly memberId: string;
  readonly branchId: string;
}

/**
 * The entry that cancels `original`: same member, item, activity and date (so the correction lands in the
 * period the original counted in and frees exactly the cap room it took), opposite points.
 * A reversal cannot itself be reversed — re-credit with a new claim or an adjustment instead — and an
 * entry is reversed at most once; `ledger` is the member's entries so that can be checked.
 */
export function buildReversal(
  original: LedgerEntry,
  ledger: readonly LedgerEntry[],
  meta: EntryMeta & { readonly reason: string },
): LedgerEntry {
  if (original.cause === 'reversal') {
    throw new DomainError('NOT_REVERSIBLE', 'a reversal cannot be reversed', { entryId: original.id });
  }
  if (reversedEntryIds(ledger).has(original.id)) {
    throw new DomainError('ALREADY_REVERSED', 'this entry has already been reversed', { entryId: original.id });
  }
  requireReason(meta.reason);
  return parseLedgerEntry({
    ...original,
    id: meta.id,
    createdAt: meta.createdAt,
    cause: 'reversal',
    pointsCredited: -original.pointsCredited + 0,
    pointsRequested: -original.pointsRequested + 0,
    capNote: undefined,
    reversesEntryId: original.id,
    reason: meta.reason.trim(),
  });
}

function requireReason(reason: string | undefined): void {
  if (!reason || reason.trim() === '') throw new DomainError('REASON_REQUIRED', 'a reason is required');
}

/** An admin's manual correction of a basic or vanguard item; the reason is mandatory and kept. */
export function buildAdjustment(
  rules: RulesDefinition,
  input: MemberRef & {
    readonly itemCode: BasicCode | RoleCode;
    readonly activityCode?: string;
    readonly points: Hundredths;
    readonly occurredOn: LocalDate;
    readonly reason: string;
  },
  meta: EntryMeta,
): LedgerEntry {
  requireReason(input.reason);
  assertRulesGovern(rules, input.occurredOn);
  return parseLedgerEntry({
    ...meta,
    memberId: input.memberId,
    branchId: input.branchId,
    year: parseLocalDate(input.occurredOn).year,
    rulesVersion: rulesVersionId(rules),
    cause: 'adjustment',
    itemCode: input.itemCode,
    activityCode: input.activityCode,
    pointsCredited: input.points,
    pointsRequested: input.points,
    occurredOn: input.occurredOn,
    reason: input.reason.trim(),
  });
}

/** A deduction priced by the rules in force on the fault's date: occurrences × the rule's points, negative. */
export function buildDeduction(
  rules: RulesDefinition,
  input: MemberRef & {
    readonly deductionCode: string;
    readonly occurrences: number;
    readonly occurredOn: LocalDate;
    readonly sourceId?: string;
    readonly reason?: string;
  },
  meta: EntryMeta,
): LedgerEntry {
  assertRulesGovern(rules, input.occurredOn);
  const rule = findDeduction(rules, input.deductionCode);
  if (!Number.isInteger(input.occurrences) || input.occurrences < 1 || input.occurrences > 1000) {
    throw new DomainError('INVALID_QUANTITY', 'occurrences must be a whole number from 1 to 1000', {
      occurrences: input.occurrences,
    });
  }
  const points = -toHundredths(rule.points) * input.occurrences;
  return parseLedgerEntry({
    ...meta,
    memberId: input.memberId,
    branchId: input.branchId,
    year: rules.year,
    rulesVersion: rulesVersionId(rules),
    cause: 'deduction',
    itemCode: rule.item,
    deductionCode: rule.code,
    quantity: input.occurrences,
    pointsCredited: points,
    pointsRequested: points,
    occurredOn: input.occurredOn,
    sourceId: input.sourceId,
    reason: input.reason,
  });
}

/** The entry a *confirmed* veto writes; proposals and rejections write nothing (see veto/veto-case.ts). */
export function buildVetoEntry(
  rules: RulesDefinition,
  input: MemberRef & { readonly vetoCode: VetoCode; readonly occurredOn: LocalDate; readonly sourceId?: string; readonly reason?: string },
  meta: EntryMeta,
): LedgerEntry {
  assertRulesGovern(rules, input.occurredOn);
  return parseLedgerEntry({
    ...meta,
    memberId: input.memberId,
    branchId: input.branchId,
    year: rules.year,
    rulesVersion: rulesVersionId(rules),
    cause: 'veto',
    itemCode: input.vetoCode,
    pointsCredited: 0,
    pointsRequested: 0,
    occurredOn: input.occurredOn,
    sourceId: input.sourceId,
    reason: input.reason,
  });
}
