// Claims are priced by the rule table and credited within caps, with a structured reason when capped.
import { describe, expect, it } from 'vitest';
import { buildAdjustment, buildReversal } from '../../../../src/domain/ledger/ledger-builders.js';
import type { LedgerEntry } from '../../../../src/domain/ledger/ledger-entry.js';
import { applyCaps } from '../../../../src/domain/scoring/apply-caps.js';
import { requestedPoints, wholeUnits } from '../../../../src/domain/scoring/claim-points.js';
import { compareApprovalOrder, creditClaimsInOrder } from '../../../../src/domain/scoring/credit-claims.js';
import { findActivity } from '../../../../src/domain/rules/rules-lookup.js';
import { RULES_2026, RULES_2027, approveAll, claimOf, meta, rulesWith } from '../fixtures.js';

const activity = (code: string) => findActivity(RULES_2026, code).activity;

describe('requestedPoints (before caps)', () => {
  it.each([
    ['V1-TALK', 1, 200], ['V1-ARTICLE', 3, 300], ['V1-EDUCATION', 2, 200],
    ['V2-HAZARD', 1, 50], ['V2-HAZARD', 3, 150], ['V2-TRAINING', 1, 200], ['V2-EMERGENCY', 2, 600],
    ['V3-SAVING', 10000, 100], ['V3-SAVING', 15000, 100], ['V3-SAVING', 9999.99, 0], ['V3-SAVING', 2_400_000, 24000],
    ['V3-IMPROVEMENT', 1, 200], ['V3-ENERGY', 1, 100],
    ['V4-PROBLEM', 1, 300], ['V4-INNOVATION', 2, 600], ['V4-MENTORING', 3, 300],
  ])('%s × %d = %d hundredths', (code, quantity, expected) => {
    expect(requestedPoints(activity(code), quantity)).toBe(expected);
  });

  it('divides exactly (0.3 of a 0.1 unit is 3 units, not 2.999…)', () => {
    expect(wholeUnits({ unitSize: 0.1 }, 0.3)).toBe(3);
  });

  it.each([[0], [-1], [0.001], [Number.NaN], [1e9]])('rejects quantity %d', (quantity) => {
    expect(() => requestedPoints(activity('V2-HAZARD'), quantity)).toThrow(expect.objectContaining({ code: 'INVALID_QUANTITY' }));
  });
});

describe('applyCaps', () => {
  it('credits in full below every cap, listing the caps checked', () => {
    const outcome = applyCaps(RULES_2026, claimOf('V2-HAZARD', 4, '2026-03-05'), []);
    expect(outcome).toMatchObject({ roleCode: 'V2', requested: 200, credited: 200 });
    expect(outcome.binding).toBeUndefined();
    expect(outcome.caps.map((c) => [c.kind, c.period, c.limit, c.used, c.remaining])).toEqual([
      ['activityMonthly', '2026-03', 500, 0, 500],
      ['roleYearly', '2026', 1000, 0, 1000],
      ['vanguardYearly', '2026', 4000, 0, 4000],
    ]);
  });

  it('credits only the remainder when the monthly cap is reached in the middle of a claim', () => {
    const ledger = approveAll([claimOf('V2-HAZARD', 8, '2026-03-02')]); // 4.00 of 5.00
    const outcome = applyCaps(RULES_2026, claimOf('V2-HAZARD', 6, '2026-03-20'), ledger); // asks 3.00
    expect(outcome.requested).toBe(300);
    expect(outcome.credited).toBe(100);
    expect(outcome.binding).toEqual({
      kind: 'activityMonthly', itemCode: 'V2', activityCode: 'V2-HAZARD', period: '2026-03', limit: 500, used: 400, remaining: 100,
    });
  });

  it('credits nothing once the monthly cap is full, and resets next month', () => {
    const ledger = approveAll([claimOf('V2-HAZARD', 10, '2026-03-02')]);
    expect(applyCaps(RULES_2026, claimOf('V2-HAZARD', 1, '2026-03-31'), ledger)).toMatchObject({ credited: 0, binding: { remaining: 0 } });
    expect(applyCaps(RULES_2026, claimOf('V2-HAZARD', 1, '2026-04-01'), ledger)).toMatchObject({ credited: 50 });
  });

  it('caps a role per year across activities and months', () => {
    const ledger = approveAll([claimOf('V4-PROBLEM', 2, '2026-02-01'), claimOf('V4-INNOVATION', 1, '2026-06-01')]); // 9.00
    const outcome = applyCaps(RULES_2026, claimOf('V4-MENTORING', 3, '2026-11-30'), ledger);
    expect(outcome).toMatchObject({ credited: 100, binding: { kind: 'roleYearly', itemCode: 'V4', limit: 1000, used: 900, remaining: 100 } });
  });

  it('caps a single huge claim at the role cap (2.4 million yuan saved)', () => {
    const outcome = applyCaps(RULES_2026, claimOf('V3-SAVING', 2_400_000, '2026-05-01'), []);
    expect(outcome).toMatchObject({ requested: 24000, credited: 1000, binding: { kind: 'roleYearly' } });
  });

  it('caps the vanguard total per year', () => {
    const rules = rulesWith(2026, (r) => { r.vanguard.yearlyTotalCap = 15; });
    const ledger = approveAll([claimOf('V1-TALK', 5, '2026-01-10'), claimOf('V4-PROBLEM', 1, '2026-02-10')], [], [rules]); // 13.00
    const outcome = applyCaps(rules, claimOf('V2-EMERGENCY', 1, '2026-03-10'), ledger);
    expect(outcome).toMatchObject({ credited: 200, binding: { kind: 'vanguardYearly', limit: 1500, used: 1300, remaining: 200 } });
  });

  it('names the narrowest cap when two bind equally', () => {
    const rules = rulesWith(2026, (r) => { r.vanguard.roles[1]!.yearlyCap = 5; });
    const outcome = applyCaps(rules, claimOf('V2-HAZARD', 20, '2026-03-10'), []);
    expect(outcome.binding?.kind).toBe('activityMonthly');
  });

  it('frees the room a reversed claim took', () => {
    const ledger = approveAll([claimOf('V2-HAZARD', 10, '2026-03-02')]);
    const reversal = buildReversal(ledger[0]!, ledger, { ...meta(), reason: '误报' });
    expect(applyCaps(RULES_2026, claimOf('V2-HAZARD', 4, '2026-03-25'), [...ledger, reversal])).toMatchObject({ credited: 200 });
  });

  it('counts adjustments on the role toward its cap', () => {
    const adjustment = buildAdjustment(RULES_2026, { memberId: 'm1', branchId: 'b1', itemCode: 'V1', points: 900, occurredOn: '2026-01-05', reason: '补录' }, meta());
    expect(applyCaps(RULES_2026, claimOf('V1-TALK', 1, '2026-02-01'), [adjustment])).toMatchObject({ credited: 100 });
  });

  it('ignores other members’ and other years’ entries', () => {
    const other = approveAll([claimOf('V2-HAZARD', 10, '2026-03-02', { memberId: 'm2' })]);
    const lastYear = approveAll([claimOf('V2-HAZARD', 10, '2025-03-02')], [], [rulesWith(2025, () => undefined)]);
    expect(applyCaps(RULES_2026, claimOf('V2-HAZARD', 2, '2026-03-05'), [...other, ...lastYear])).toMatchObject({ credited: 100 });
  });

  it('refuses rules that do not govern the activity date', () => {
    expect(() => applyCaps(RULES_2027, claimOf('V2-HAZARD', 2, '2026-12-31'), [])).toThrow(expect.objectContaining({ code: 'RULES_YEAR_MISMATCH' }));
    expect(() => applyCaps(RULES_2026, claimOf('V9-NONE', 2, '2026-03-05'), [])).toThrow(expect.objectContaining({ code: 'UNKNOWN_ACTIVITY' }));
  });
});

describe('order rule', () => {
  const march = [
    claimOf('V2-HAZARD', 6, '2026-03-20', { claimId: 'late', submittedAt: new Date('2026-03-20T02:00:00Z') }),
    claimOf('V2-HAZARD', 6, '2026-03-02', { claimId: 'early', submittedAt: new Date('2026-03-25T02:00:00Z') }),
  ];
  const creditedById = (entries: { sourceId?: string; pointsCredited: number }[]) =>
    Object.fromEntries(entries.map((e) => [e.sourceId, e.pointsCredited]));

  it('credits separate approvals first-approved-first, without revisiting the ledger', () => {
    expect(creditedById(approveAll(march))).toEqual({ late: 300, early: 200 });
    expect(creditedById(approveAll([...march].reverse()))).toEqual({ early: 300, late: 200 });
  });

  it('credits a batch by activity date whatever order it arrives in', () => {
    for (const batch of [march, [...march].reverse()]) {
      const results = creditClaimsInOrder([RULES_2026], batch, [], () => meta());
      expect(creditedById(results.map((r) => r.entry))).toEqual({ early: 300, late: 200 });
      expect(results.map((r) => r.entry.sourceId)).toEqual(['early', 'late']);
    }
  });

  it.each([
    ['activity date first', { occurredOn: '2026-03-01' }, { occurredOn: '2026-03-02' }],
    ['then submission time', { submittedAt: new Date('2026-03-02T00:00:00Z') }, { submittedAt: new Date('2026-03-02T00:00:01Z') }],
    ['then claim id', { claimId: 'a' }, { claimId: 'b' }],
  ])('orders by %s', (_name, first, second) => {
    const common = { occurredOn: '2026-03-02', submittedAt: new Date('2026-03-02T00:00:00Z'), claimId: 'same' };
    const a = claimOf('V2-HAZARD', 1, '2026-03-02', { ...common, ...first });
    const b = claimOf('V2-HAZARD', 1, '2026-03-02', { ...common, ...second });
    expect(compareApprovalOrder(a, b)).toBeLessThan(0);
    expect(compareApprovalOrder(b, a)).toBeGreaterThan(0);
  });

  it('records the cap note on a capped claim entry', () => {
    const [, second] = approveAll([claimOf('V2-HAZARD', 8, '2026-03-02'), claimOf('V2-HAZARD', 6, '2026-03-20')]) as [LedgerEntry, LedgerEntry];
    expect(second).toMatchObject({ cause: 'claim', pointsRequested: 300, pointsCredited: 100, quantity: 6, capNote: { kind: 'activityMonthly', remaining: 100 } });
  });
});
