// The claim workflow, every status × event × actor: legal moves succeed, all others are typed errors.
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, claimEventsFor, nextClaimStatus, type ClaimEvent, type ClaimStatus } from '../../../../src/domain/claims/claim-status.js';
import type { Actor } from '../../../../src/domain/state-machine.js';

const events: ClaimEvent[] = [
  { type: 'submit' }, { type: 'approve' }, { type: 'return', comment: '请补充照片' }, { type: 'resubmit' }, { type: 'withdraw' },
];
const actors: Actor[] = ['owner', 'reviewer', 'admin'];

/** The whole legal table, written out independently of the implementation's table. */
const legal: Record<string, ClaimStatus> = {
  'draft submit owner': 'pending',
  'pending approve reviewer': 'approved',
  'pending approve admin': 'approved',
  'pending return reviewer': 'returned',
  'pending return admin': 'returned',
  'returned resubmit owner': 'pending',
  'draft withdraw owner': 'withdrawn',
  'pending withdraw owner': 'withdrawn',
  'returned withdraw owner': 'withdrawn',
};
const moveIsLegalFromStatus = (status: ClaimStatus, event: string) =>
  Object.keys(legal).some((key) => key.startsWith(`${status} ${event} `));

const cases = CLAIM_STATUSES.flatMap((status) => events.flatMap((event) => actors.map((actor) => [status, event, actor] as const)));

describe('nextClaimStatus', () => {
  it.each(cases)('%s + %o by %s', (status, event, actor) => {
    const expected = legal[`${status} ${event.type} ${actor}`];
    if (expected) {
      expect(nextClaimStatus(status, event, actor)).toBe(expected);
    } else {
      const code = moveIsLegalFromStatus(status, event.type) ? 'ACTOR_NOT_ALLOWED' : 'INVALID_TRANSITION';
      expect(() => nextClaimStatus(status, event, actor)).toThrow(expect.objectContaining({ code }));
    }
  });

  it('needs a comment to return a claim', () => {
    expect(() => nextClaimStatus('pending', { type: 'return', comment: '  ' }, 'reviewer')).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });

  it('supports resubmission after a return, then approval', () => {
    let status: ClaimStatus = 'draft';
    status = nextClaimStatus(status, { type: 'submit' }, 'owner');
    status = nextClaimStatus(status, { type: 'return', comment: '数量有误' }, 'reviewer');
    status = nextClaimStatus(status, { type: 'resubmit' }, 'owner');
    status = nextClaimStatus(status, { type: 'approve' }, 'reviewer');
    expect(status).toBe('approved');
  });

  it('lists the buttons each actor may press', () => {
    expect(claimEventsFor('pending', 'reviewer')).toEqual(['approve', 'return']);
    expect(claimEventsFor('pending', 'owner')).toEqual(['withdraw']);
    expect(claimEventsFor('approved', 'admin')).toEqual([]);
  });
});
