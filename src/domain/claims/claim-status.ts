// The claim workflow: draft → pending → approved, or returned with a comment and resubmitted; withdrawn by
// its owner any time before approval.
//
// Why approved is final: an approved claim has a ledger entry; correcting it is a reversing entry
// (ledger-builders.ts), never a status change that would leave the ledger and the claim disagreeing.
import { DomainError } from '../errors.js';
import { applyTransition, availableEvents, type Actor, type TransitionRule } from '../state-machine.js';

export const CLAIM_STATUSES = ['draft', 'pending', 'approved', 'returned', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type ClaimEvent =
  | { readonly type: 'submit' }
  | { readonly type: 'approve' }
  | { readonly type: 'return'; readonly comment: string }
  | { readonly type: 'resubmit' }
  | { readonly type: 'withdraw' };

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimEvent['type'], readonly TransitionRule<ClaimStatus>[]>> = {
  submit: [{ from: ['draft'], to: 'pending', by: ['owner'] }],
  approve: [{ from: ['pending'], to: 'approved', by: ['reviewer'] }],
  return: [{ from: ['pending'], to: 'returned', by: ['reviewer'] }],
  resubmit: [{ from: ['returned'], to: 'pending', by: ['owner'] }],
  withdraw: [{ from: ['draft', 'pending', 'returned'], to: 'withdrawn', by: ['owner'] }],
};

/** The status after `event`, or a DomainError (INVALID_TRANSITION, ACTOR_NOT_ALLOWED, REASON_REQUIRED). */
export function nextClaimStatus(status: ClaimStatus, event: ClaimEvent, actor: Actor): ClaimStatus {
  const next = applyTransition('claim', CLAIM_TRANSITIONS, status, event.type, actor);
  // The member must be told what to fix (product.md §4 审诺 and the same for claims).
  if (event.type === 'return' && event.comment.trim() === '') {
    throw new DomainError('REASON_REQUIRED', 'returning a claim needs a comment');
  }
  return next;
}

export function claimEventsFor(status: ClaimStatus, actor: Actor): ClaimEvent['type'][] {
  return availableEvents(CLAIM_TRANSITIONS, status, actor);
}
