// The pledge workflow 定诺 → 审诺 → 亮诺 → 践诺 → 评诺 as a pure function over statuses.
//
// draft/pending are 定诺; approved (public on the pledge wall: 亮诺) or returned are 审诺; inProgress is
// 践诺; fulfilled/partial/unfulfilled are 评诺's verdicts. Submitting needs the pledge window open; a
// returned pledge may be resubmitted after the window, because it entered the process in time and the
// secretary's return may come on the last day. Before approval the owner may withdraw; after it, only a
// reviewer (the pledge is public and feeds the evaluation).
import { DomainError } from '../errors.js';
import type { LocalDate } from '../periods/local-date.js';
import type { PledgeWindow } from '../rules/rules-schema.js';
import { applyTransition, availableEvents, type Actor, type TransitionRule } from '../state-machine.js';
import { assertPledgeWindowOpen } from './pledge-window.js';

export const PLEDGE_STATUSES = [
  'draft', 'pending', 'approved', 'returned', 'inProgress', 'fulfilled', 'partial', 'unfulfilled', 'withdrawn',
] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
/** Stage codes: pledging = 定诺, review = 审诺 (approved is 亮诺), practice = 践诺, assessment = 评诺. */
export type PledgeStage = 'pledging' | 'review' | 'practice' | 'assessment' | 'withdrawn';
export type PledgeVerdict = 'fulfilled' | 'partial' | 'unfulfilled';

export type PledgeEvent =
  | { readonly type: 'submit' }
  | { readonly type: 'approve' }
  | { readonly type: 'return'; readonly comment: string }
  | { readonly type: 'resubmit' }
  | { readonly type: 'recordProgress'; readonly percent: number }
  | { readonly type: 'evaluate'; readonly verdict: PledgeVerdict }
  | { readonly type: 'withdraw' };

export const PLEDGE_TRANSITIONS: Readonly<Record<PledgeEvent['type'], readonly TransitionRule<PledgeStatus>[]>> = {
  submit: [{ from: ['draft'], to: 'pending', by: ['owner'] }],
  approve: [{ from: ['pending'], to: 'approved', by: ['reviewer'] }],
  return: [{ from: ['pending'], to: 'returned', by: ['reviewer'] }],
  resubmit: [{ from: ['returned'], to: 'pending', by: ['owner'] }],
  recordProgress: [{ from: ['approved', 'inProgress'], to: 'inProgress', by: ['owner'] }],
  // The verdict picks the target; the row only says who may judge and from where.
  evaluate: [{ from: ['approved', 'inProgress'], to: 'fulfilled', by: ['reviewer'] }],
  withdraw: [
    { from: ['draft', 'pending', 'returned'], to: 'withdrawn', by: ['owner', 'reviewer'] },
    { from: ['approved', 'inProgress'], to: 'withdrawn', by: ['reviewer'] },
  ],
};

export interface PledgeContext {
  readonly actor: Actor;
  /** The Shanghai date the action happens on (for the window check). */
  readonly on: LocalDate;
  /** The year the pledge is for, and that year's window from its rules. */
  readonly pledgeYear: number;
  readonly window: PledgeWindow;
}

export function nextPledgeStatus(status: PledgeStatus, event: PledgeEvent, ctx: PledgeContext): PledgeStatus {
  const target = applyTransition('pledge', PLEDGE_TRANSITIONS, status, event.type, ctx.actor);
  switch (event.type) {
    case 'submit':
      assertPledgeWindowOpen(ctx.on, ctx.pledgeYear, ctx.window);
      return target;
    case 'return':
      if (event.comment.trim() === '') throw new DomainError('REASON_REQUIRED', 'returning a pledge needs a comment');
      return target;
    case 'recordProgress':
      if (!Number.isInteger(event.percent) || event.percent < 0 || event.percent > 100) {
        throw new DomainError('INVALID_QUANTITY', 'progress is a whole percentage 0–100', { percent: event.percent });
      }
      return target;
    case 'evaluate':
      return event.verdict;
    default:
      return target;
  }
}

export function pledgeStage(status: PledgeStatus): PledgeStage {
  if (status === 'draft' || status === 'pending') return 'pledging';
  if (status === 'approved' || status === 'returned') return 'review';
  if (status === 'inProgress') return 'practice';
  if (status === 'withdrawn') return 'withdrawn';
  return 'assessment';
}

/** True once the pledge is approved and not withdrawn: shown on the branch's pledge wall (亮诺). */
export function isPledgePublic(status: PledgeStatus): boolean {
  return status !== 'draft' && status !== 'pending' && status !== 'returned' && status !== 'withdrawn';
}

export function pledgeEventsFor(status: PledgeStatus, actor: Actor): PledgeEvent['type'][] {
  return availableEvents(PLEDGE_TRANSITIONS, status, actor);
}
