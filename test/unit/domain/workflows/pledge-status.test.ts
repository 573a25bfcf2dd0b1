// The pledge workflow 定诺 → 审诺 → 亮诺 → 践诺 → 评诺, its window, and every illegal move.
import { describe, expect, it } from 'vitest';
import {
  PLEDGE_STATUSES,
  isPledgePublic,
  nextPledgeStatus,
  pledgeEventsFor,
  pledgeStage,
  type PledgeContext,
  type PledgeEvent,
  type PledgeStatus,
} from '../../../../src/domain/pledges/pledge-status.js';
import { isPledgeWindowOpen, pledgeWindowOf } from '../../../../src/domain/pledges/pledge-window.js';
import type { Actor } from '../../../../src/domain/state-machine.js';
import { RULES_2026, rulesWith } from '../fixtures.js';

const window = RULES_2026.pledgeWindow;
const ctx = (actor: Actor, on = '2026-01-15'): PledgeContext => ({ actor, on, pledgeYear: 2026, window });

const events: PledgeEvent[] = [
  { type: 'submit' }, { type: 'approve' }, { type: 'return', comment: '目标不够具体' }, { type: 'resubmit' },
  { type: 'recordProgress', percent: 40 }, { type: 'evaluate', verdict: 'partial' }, { type: 'withdraw' },
];
const actors: Actor[] = ['owner', 'reviewer', 'admin'];

/** The legal moves, written out independently of the implementation's table. */
const legal: Record<string, PledgeStatus> = {
  'draft submit owner': 'pending',
  'pending approve reviewer': 'approved',
  'pending approve admin': 'approved',
  'pending return reviewer': 'returned',
  'pending return admin': 'returned',
  'returned resubmit owner': 'pending',
  'approved recordProgress owner': 'inProgress',
  'inProgress recordProgress owner': 'inProgress',
  'approved evaluate reviewer': 'partial',
  'approved evaluate admin': 'partial',
  'inProgress evaluate reviewer': 'partial',
  'inProgress evaluate admin': 'partial',
  ...Object.fromEntries(
    ['draft', 'pending', 'returned'].flatMap((s) => actors.map((a) => [`${s} withdraw ${a}`, 'withdrawn' as PledgeStatus])),
  ),
  'approved withdraw reviewer': 'withdrawn',
  'approved withdraw admin': 'withdrawn',
  'inProgress withdraw reviewer': 'withdrawn',
  'inProgress withdraw admin': 'withdrawn',
};
const fromStatusAtAll = (status: PledgeStatus, event: string) => Object.keys(legal).some((k) => k.startsWith(`${status} ${event} `));

const cases = PLEDGE_STATUSES.flatMap((status) => events.flatMap((event) => actors.map((actor) => [status, event, actor] as const)));

describe('nextPledgeStatus', () => {
  it.each(cases)('%s + %o by %s', (status, event, actor) => {
    const expected = legal[`${status} ${event.type} ${actor}`];
    if (expected) {
      expect(nextPledgeStatus(status, event, ctx(actor))).toBe(expected);
    } else {
      const code = fromStatusAtAll(status, event.type) ? 'ACTOR_NOT_ALLOWED' : 'INVALID_TRANSITION';
      expect(() => nextPledgeStatus(status, event, ctx(actor))).toThrow(expect.objectContaining({ code }));
    }
  });

  it.each<['fulfilled' | 'partial' | 'unfulfilled']>([['fulfilled'], ['partial'], ['unfulfilled']])(
    'records the verdict %s',
    (verdict) => {
      expect(nextPledgeStatus('inProgress', { type: 'evaluate', verdict }, ctx('reviewer'))).toBe(verdict);
    },
  );

  it.each([[-1], [101], [33.3]])('rejects progress of %d%%', (percent) => {
    expect(() => nextPledgeStatus('approved', { type: 'recordProgress', percent }, ctx('owner'))).toThrow(
      expect.objectContaining({ code: 'INVALID_QUANTITY' }),
    );
  });

  it('needs a comment to return a pledge', () => {
    expect(() => nextPledgeStatus('pending', { type: 'return', comment: '' }, ctx('reviewer'))).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });

  it.each([
    ['2026-01-01', true], ['2026-02-28', true], ['2026-03-01', false], ['2025-12-31', false], ['2026-12-01', false],
  ])('submitting on %s: window open %s', (on, open) => {
    const submit = () => nextPledgeStatus('draft', { type: 'submit' }, ctx('owner', on));
    if (open) expect(submit()).toBe('pending');
    else expect(submit).toThrow(expect.objectContaining({ code: 'PLEDGE_WINDOW_CLOSED', details: expect.objectContaining({ opens: '2026-01-01', closes: '2026-02-28' }) }));
  });

  it('lets a returned pledge be resubmitted after the window', () => {
    expect(nextPledgeStatus('returned', { type: 'resubmit' }, ctx('owner', '2026-03-05'))).toBe('pending');
  });

  it('maps statuses to stages and to the public pledge wall', () => {
    expect(PLEDGE_STATUSES.map((s) => [s, pledgeStage(s), isPledgePublic(s)])).toEqual([
      ['draft', 'pledging', false], ['pending', 'pledging', false], ['approved', 'review', true], ['returned', 'review', false],
      ['inProgress', 'practice', true], ['fulfilled', 'assessment', true], ['partial', 'assessment', true],
      ['unfulfilled', 'assessment', true], ['withdrawn', 'withdrawn', false],
    ]);
  });

  it('lists the buttons each actor may press', () => {
    expect(pledgeEventsFor('inProgress', 'owner')).toEqual(['recordProgress']);
    expect(pledgeEventsFor('inProgress', 'reviewer')).toEqual(['evaluate', 'withdraw']);
  });
});

describe('pledge window', () => {
  it.each([
    [2026, '2026-02-28'], [2028, '2028-02-29'],
  ])('ends on the last day of February in %i', (year, closes) => {
    expect(pledgeWindowOf(year, window)).toEqual({ opens: `${year}-01-01`, closes });
  });

  it('follows a configured window, clamping 29 February in common years', () => {
    const custom = rulesWith(2026, (r) => { r.pledgeWindow = { start: { month: 1, day: 10 }, end: { month: 2, day: 29 } }; }).pledgeWindow;
    expect(pledgeWindowOf(2026, custom)).toEqual({ opens: '2026-01-10', closes: '2026-02-28' });
    expect(isPledgeWindowOpen('2026-01-09', 2026, custom)).toBe(false);
    expect(pledgeWindowOf(2028, custom).closes).toBe('2028-02-29');
  });
});
