// The deterministic business keys of ledger entries: one key per effect, unique in the database.
//
// Why: writing the same effect twice (a double approval, a retried job, a re-delivered event) must be
// impossible by construction, not merely unlikely. The key names the cause, so a second write of the
// same effect hits the unique index and the writer returns the entry that is already there.
export const ledgerKeys = {
  /** The credit of an approved claim. A claim is approved once (approved is final), so no revision. */
  claim: (claimId: number) => `claim:${claimId}`,
  deduction: (deductionId: number) => `deduction:${deductionId}`,
  /** The entry of a confirmed veto. */
  veto: (vetoProposalId: number) => `veto:${vetoProposalId}`,
  /** The reversal of an entry: an entry is reversed at most once. */
  reversal: (entryId: number) => `reversal:${entryId}`,
  /** An admin adjustment, keyed by the request's id so a resubmitted form adjusts once. */
  adjustment: (requestId: string) => `adjustment:${requestId}`,
} as const;
