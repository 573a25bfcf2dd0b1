// Shared builders for domain tests: default rules, approved claims and ledger entries with terse inputs.
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';
import { RulesDefinition, type RulesDefinitionInput } from '../../../src/domain/rules/rules-schema.js';
import { buildDeduction, type EntryMeta } from '../../../src/domain/ledger/ledger-builders.js';
import type { LedgerEntry } from '../../../src/domain/ledger/ledger-entry.js';
import { creditClaim, type ApprovedClaim } from '../../../src/domain/scoring/credit-claims.js';

export const RULES_2026 = buildDefaultRules(2026);
export const RULES_2027 = buildDefaultRules(2027);

/** Default rules of `year` with a change applied to a deep copy of the raw input, then re-validated. */
export function rulesWith(year: number, change: (input: RulesDefinitionInput) => void): RulesDefinition {
  const input = structuredClone(buildDefaultRules(year)) as RulesDefinitionInput;
  change(input);
  return RulesDefinition.parse(input);
}

let sequence = 0;
/** A fresh entry id and a fixed clock: the domain never makes its own. */
export function meta(id?: string): EntryMeta {
  sequence += 1;
  return { id: id ?? `e${sequence}`, createdAt: new Date('2026-12-01T00:00:00Z') };
}

export function claimOf(
  activityCode: string,
  quantity: number,
  occurredOn: string,
  extra: Partial<ApprovedClaim> = {},
): ApprovedClaim {
  return {
    claimId: extra.claimId ?? `c-${activityCode}-${occurredOn}-${quantity}-${sequence++}`,
    memberId: 'm1',
    branchId: 'b1',
    submittedAt: new Date(`${occurredOn}T04:00:00Z`),
    activityCode,
    quantity,
    occurredOn,
    ...extra,
  };
}

/** Credits claims one at a time (approval order = array order) onto `ledger`, returning the grown ledger. */
export function approveAll(
  claims: readonly ApprovedClaim[],
  ledger: readonly LedgerEntry[] = [],
  versions: readonly RulesDefinition[] = [RULES_2026],
): LedgerEntry[] {
  const running = [...ledger];
  for (const claim of claims) running.push(creditClaim(versions, claim, running, meta()).entry);
  return running;
}

export function deduction(code: string, occurredOn: string, occurrences = 1, memberId = 'm1'): LedgerEntry {
  return buildDeduction(RULES_2026, { memberId, branchId: 'b1', deductionCode: code, occurrences, occurredOn }, meta());
}
