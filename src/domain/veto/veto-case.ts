// The one-vote veto (一票否决) workflow: a secretary or admin proposes, an admin confirms or rejects.
//
// Why the ledger only hears of confirmations: a proposal is an accusation, not a fact, so it must not
// touch anyone's score; a rejected proposal leaves no ledger trace at all. A confirmed veto writes one
// `veto` entry (no points; it zeroes the year's checklist score in scorePeriod); overturning it later is
// a reversal of that entry.
import { DomainError } from '../errors.js';
import { buildVetoEntry, type EntryMeta } from '../ledger/ledger-builders.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import type { LocalDate } from '../periods/local-date.js';
import type { RulesDefinition, VetoCode } from '../rules/rules-schema.js';
import { applyTransition, type Actor, type TransitionRule } from '../state-machine.js';

export type VetoStatus = 'proposed' | 'confirmed' | 'rejected';

export interface VetoCase {
  readonly id: string;
  readonly memberId: string;
  readonly branchId: string;
  readonly vetoCode: VetoCode;
  /** The Shanghai date of the conduct; decides the year vetoed. */
  readonly occurredOn: LocalDate;
  readonly status: VetoStatus;
}

export type VetoDecision = { readonly type: 'confirm'; readonly reason?: string } | { readonly type: 'reject'; readonly reason: string };

export const VETO_TRANSITIONS: Readonly<Record<VetoDecision['type'], readonly TransitionRule<VetoStatus>[]>> = {
  // Only an admin decides (product.md §9: secretaries propose, admins confirm).
  confirm: [{ from: ['proposed'], to: 'confirmed', by: ['admin'] }],
  reject: [{ from: ['proposed'], to: 'rejected', by: ['admin'] }],
};

export interface VetoOutcome {
  readonly case: VetoCase;
  /** Present only for a confirmation. */
  readonly entry?: LedgerEntry;
}

/** Applies an admin's decision; `rules` is the version in force on the conduct's date. */
export function decideVeto(
  vetoCase: VetoCase,
  decision: VetoDecision,
  actor: Actor,
  rules: RulesDefinition,
  meta: EntryMeta,
): VetoOutcome {
  // The table names only 'admin', so a secretary (reviewer) who proposed cannot also decide.
  const status = applyTransition('veto', VETO_TRANSITIONS, vetoCase.status, decision.type, actor);
  const decided: VetoCase = { ...vetoCase, status };
  if (decision.type === 'reject') {
    if (decision.reason.trim() === '') throw new DomainError('REASON_REQUIRED', 'rejecting a veto needs a reason');
    return { case: decided };
  }
  const entry = buildVetoEntry(
    rules,
    {
      memberId: vetoCase.memberId,
      branchId: vetoCase.branchId,
      vetoCode: vetoCase.vetoCode,
      occurredOn: vetoCase.occurredOn,
      sourceId: vetoCase.id,
      reason: decision.reason,
    },
    meta,
  );
  return { case: decided, entry };
}
