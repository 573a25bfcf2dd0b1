// Turns approved claims into ledger entries: picks the rules version of the activity's date, applies caps,
// and for a batch of approvals fixes the order (activity date, then submission time, then claim id).
//
// Why here and not in a service: the order rule and the pricing must be the same in the bot's preview,
// the approval service and the tests; the service only adds the transaction and the unique claim id.
import { parseLocalDate } from '../periods/local-date.js';
import type { EntryMeta } from '../ledger/ledger-builders.js';
import { parseLedgerEntry, type LedgerEntry } from '../ledger/ledger-entry.js';
import { rulesVersionId, type RulesDefinition } from '../rules/rules-schema.js';
import { selectVersion } from '../rules/select-version.js';
import { applyCaps, type CapOutcome, type ClaimToCredit } from './apply-caps.js';

export interface ApprovedClaim extends ClaimToCredit {
  readonly claimId: string;
  readonly branchId: string;
  /** When the member submitted it; the second sort key of a batch. */
  readonly submittedAt: Date;
}

export interface CreditedClaim {
  readonly entry: LedgerEntry;
  readonly outcome: CapOutcome;
}

/** Batch order: activity date, then submission time, then claim id (total, so ties cannot depend on input order). */
export function compareApprovalOrder(a: ApprovedClaim, b: ApprovedClaim): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1;
  const bySubmission = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (bySubmission !== 0) return bySubmission;
  return a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0;
}

/** Credits one approved claim against the member's ledger with the version in force on its date. */
export function creditClaim(
  versions: readonly RulesDefinition[],
  claim: ApprovedClaim,
  ledger: readonly LedgerEntry[],
  meta: EntryMeta,
): CreditedClaim {
  const rules = selectVersion(versions, claim.occurredOn);
  const outcome = applyCaps(rules, claim, ledger);
  const entry = parseLedgerEntry({
    ...meta,
    memberId: claim.memberId,
    branchId: claim.branchId,
    year: parseLocalDate(claim.occurredOn).year,
    rulesVersion: rulesVersionId(rules),
    cause: 'claim',
    itemCode: outcome.roleCode,
    activityCode: outcome.activityCode,
    quantity: claim.quantity,
    pointsCredited: outcome.credited,
    pointsRequested: outcome.requested,
    capNote: outcome.binding,
    occurredOn: claim.occurredOn,
    sourceId: claim.claimId,
  });
  return { entry, outcome };
}

/**
 * Credits a batch in the documented order, each claim seeing the entries of the ones before it.
 * `metaFor` supplies the new entry's id and timestamp (from outside: the domain makes no ids or clocks).
 */
export function creditClaimsInOrder(
  versions: readonly RulesDefinition[],
  claims: readonly ApprovedClaim[],
  ledger: readonly LedgerEntry[],
  metaFor: (claim: ApprovedClaim) => EntryMeta,
): CreditedClaim[] {
  const running = [...ledger];
  const results: CreditedClaim[] = [];
  for (const claim of [...claims].sort(compareApprovalOrder)) {
    const credited = creditClaim(versions, claim, running, metaFor(claim));
    running.push(credited.entry);
    results.push(credited);
  }
  return results;
}
