// Property-based invariants of caps and scores over random ledgers and random approval orders.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAdjustment, buildDeduction, buildReversal, buildVetoEntry } from '../../../../src/domain/ledger/ledger-builders.js';
import type { LedgerEntry } from '../../../../src/domain/ledger/ledger-entry.js';
import { firstDayOf, formatPeriodKey, lastDayOf, monthPeriod, parsePeriodKey, quarterPeriod, yearPeriod, type Period } from '../../../../src/domain/periods/period-key.js';
import { daysInMonth, formatLocalDate } from '../../../../src/domain/periods/local-date.js';
import type { RulesDefinition } from '../../../../src/domain/rules/rules-schema.js';
import { toHundredths } from '../../../../src/domain/points.js';
import { creditClaim, creditClaimsInOrder, type ApprovedClaim } from '../../../../src/domain/scoring/credit-claims.js';
import { scorePeriod } from '../../../../src/domain/scoring/score-period.js';
import { RULES_2026, rulesWith } from '../fixtures.js';

const ACTIVITY_CODES = RULES_2026.vanguard.roles.flatMap((r) => r.activities.map((a) => a.code));

const dateIn2026 = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ month, day }) => formatLocalDate({ year: 2026, month, day: Math.min(day, daysInMonth(2026, month)) }));

const claimArb = fc.record({
  activityCode: fc.constantFrom(...ACTIVITY_CODES),
  quantity: fc.integer({ min: 1, max: 12 }),
  occurredOn: dateIn2026,
});

/** Claims with ids fixed by position, so a permutation reorders the same claims. */
const claimsArb = (max: number) =>
  fc.array(claimArb, { minLength: 1, maxLength: max }).map((list) =>
    list.map(
      (c, i): ApprovedClaim => ({
        ...c,
        quantity: c.activityCode === 'V3-SAVING' ? c.quantity * 5000 : c.quantity,
        claimId: `c${String(i).padStart(3, '0')}`,
        memberId: 'm1',
        branchId: 'b1',
        submittedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      }),
    ),
  );

/** Rules with random caps (so that every cap, including the vanguard total, gets to bind). */
const rulesArb = fc
  .record({
    roleCaps: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 4, maxLength: 4 }),
    totalCap: fc.integer({ min: 2, max: 40 }),
    hazardCap: fc.integer({ min: 1, max: 6 }),
    talkCap: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  })
  .map(({ roleCaps, totalCap, hazardCap, talkCap }) =>
    rulesWith(2026, (r) => {
      r.vanguard.yearlyTotalCap = totalCap;
      r.vanguard.roles.forEach((role, i) => { role.yearlyCap = roleCaps[i] ?? 10; });
      r.vanguard.roles[1]!.activities[0]!.monthlyCap = hazardCap;
      r.vanguard.roles[0]!.activities[0]!.monthlyCap = talkCap;
    }),
  );

function approveInOrder(rules: RulesDefinition, claims: readonly ApprovedClaim[]): LedgerEntry[] {
  const ledger: LedgerEntry[] = [];
  claims.forEach((claim, i) => ledger.push(creditClaim([rules], claim, ledger, { id: `e${i}`, createdAt: new Date(0) }).entry));
  return ledger;
}

function assertWithinCaps(rules: RulesDefinition, ledger: readonly LedgerEntry[]): void {
  const sum = (filter: (e: LedgerEntry) => boolean) => ledger.filter(filter).reduce((total, e) => total + e.pointsCredited, 0);
  for (const role of rules.vanguard.roles) {
    expect(sum((e) => e.itemCode === role.code)).toBeLessThanOrEqual(toHundredths(role.yearlyCap));
    for (const activity of role.activities) {
      if (activity.monthlyCap === undefined) continue;
      for (let month = 1; month <= 12; month += 1) {
        const prefix = `2026-${String(month).padStart(2, '0')}-`;
        expect(sum((e) => e.activityCode === activity.code && e.occurredOn.startsWith(prefix))).toBeLessThanOrEqual(toHundredths(activity.monthlyCap));
      }
    }
  }
  expect(sum(() => true)).toBeLessThanOrEqual(toHundredths(rules.vanguard.yearlyTotalCap));
  for (const e of ledger) {
    expect(e.pointsCredited).toBeGreaterThanOrEqual(0);
    expect(e.pointsCredited).toBeLessThanOrEqual(e.pointsRequested);
  }
}

const total = (ledger: readonly LedgerEntry[]) => ledger.reduce((sum, e) => sum + e.pointsCredited, 0);

describe('caps under any approval order (property)', () => {
  it('never credits above a cap, and credits the same total, whatever the order', () => {
    fc.assert(
      fc.property(rulesArb, claimsArb(25).chain((claims) => fc.tuple(fc.constant(claims), fc.shuffledSubarray(claims, { minLength: claims.length }))), (rules, [claims, reordered]) => {
        const inOrder = approveInOrder(rules, claims);
        const shuffled = approveInOrder(rules, reordered);
        assertWithinCaps(rules, inOrder);
        assertWithinCaps(rules, shuffled);
        expect(total(shuffled)).toBe(total(inOrder));
      }),
      { numRuns: 200 },
    );
  });

  it('credits a batch identically whatever order it arrives in', () => {
    fc.assert(
      fc.property(rulesArb, claimsArb(15).chain((claims) => fc.tuple(fc.constant(claims), fc.shuffledSubarray(claims, { minLength: claims.length }))), (rules, [claims, reordered]) => {
        const credit = (batch: readonly ApprovedClaim[]) =>
          creditClaimsInOrder([rules], batch, [], (c) => ({ id: `e-${c.claimId}`, createdAt: new Date(0) })).map((r) => [r.entry.sourceId, r.entry.pointsCredited]);
        expect(credit(reordered)).toEqual(credit(claims));
      }),
      { numRuns: 100 },
    );
  });
});

type Operation =
  | { kind: 'claim'; activityCode: string; quantity: number; occurredOn: string }
  | { kind: 'deduction'; code: string; occurrences: number; occurredOn: string }
  | { kind: 'adjustment'; itemCode: 'B1' | 'B2' | 'B3' | 'V1' | 'V2' | 'V3' | 'V4'; points: number; occurredOn: string }
  | { kind: 'veto'; code: 'X1' | 'X2' | 'X3'; occurredOn: string }
  | { kind: 'reverse'; pick: number };

/** A random ledger of every cause, built through the real builders so each entry is valid. */
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  claimArb.map((c) => ({ kind: 'claim' as const, ...c })),
  fc.record({
    kind: fc.constant('deduction' as const),
    code: fc.constantFrom(...RULES_2026.deductions.map((d) => d.code)),
    occurrences: fc.integer({ min: 1, max: 8 }),
    occurredOn: dateIn2026,
  }),
  fc.record({
    kind: fc.constant('adjustment' as const),
    itemCode: fc.constantFrom('B1', 'B2', 'B3', 'V1', 'V2', 'V3', 'V4' as const),
    points: fc.integer({ min: -3000, max: 3000 }).filter((p) => p !== 0),
    occurredOn: dateIn2026,
  }),
  fc.record({ kind: fc.constant('veto' as const), code: fc.constantFrom('X1', 'X2', 'X3' as const), occurredOn: dateIn2026 }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
);

function buildLedger(operations: readonly Operation[]): LedgerEntry[] {
  const ledger: LedgerEntry[] = [];
  const member = { memberId: 'm1', branchId: 'b1' };
  operations.forEach((op, i) => {
    const meta = { id: `e${i}`, createdAt: new Date(0) };
    switch (op.kind) {
      case 'claim': {
        const claim = { ...member, claimId: `c${i}`, submittedAt: new Date(0), ...op };
        ledger.push(creditClaim([RULES_2026], claim, ledger, meta).entry);
        break;
      }
      case 'deduction':
        ledger.push(buildDeduction(RULES_2026, { ...member, deductionCode: op.code, occurrences: op.occurrences, occurredOn: op.occurredOn }, meta));
        break;
      case 'adjustment':
        ledger.push(buildAdjustment(RULES_2026, { ...member, itemCode: op.itemCode, points: op.points, occurredOn: op.occurredOn, reason: 'property' }, meta));
        break;
      case 'veto':
        ledger.push(buildVetoEntry(RULES_2026, { ...member, vetoCode: op.code, occurredOn: op.occurredOn }, meta));
        break;
      case 'reverse': {
        const reversed = new Set(ledger.map((e) => e.reversesEntryId));
        const candidates = ledger.filter((e) => e.cause !== 'reversal' && !reversed.has(e.id));
        const target = candidates[op.pick % Math.max(candidates.length, 1)];
        if (target) ledger.push(buildReversal(target, ledger, { ...meta, reason: 'property' }));
        break;
      }
    }
  });
  return ledger;
}

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((m) => monthPeriod(2026, m)),
  fc.integer({ min: 1, max: 4 }).map((q) => quarterPeriod(2026, q)),
  fc.constant(yearPeriod(2026)),
);
const ledgerArb = fc.array(operationArb, { maxLength: 60 }).map(buildLedger);

describe('scores over any ledger (property)', () => {
  /** Scoring rules whose quotas and caps may add up to more than 100, so the final clamp matters. */
  const scoringRulesArb = fc
    .record({ quota: fc.integer({ min: 0, max: 50 }), roleCap: fc.integer({ min: 1, max: 30 }), totalCap: fc.integer({ min: 1, max: 80 }) })
    .map(({ quota, roleCap, totalCap }) =>
      rulesWith(2026, (r) => {
        for (const item of r.basic) item.yearlyQuota = quota;
        for (const role of r.vanguard.roles) role.yearlyCap = roleCap;
        r.vanguard.yearlyTotalCap = totalCap;
      }),
    );

  it('keeps the checklist score within 0–100', () => {
    fc.assert(
      fc.property(ledgerArb, periodArb, fc.oneof(fc.constant(RULES_2026), scoringRulesArb), (ledger, period, rules) => {
        const { standing } = scorePeriod(ledger, rules, period, { memberId: 'm1' });
        expect(standing.checklistScore).toBeGreaterThanOrEqual(0);
        expect(standing.checklistScore).toBeLessThanOrEqual(10000);
        expect(Number.isInteger(standing.checklistScore)).toBe(true);
        if (standing.vetoed) expect(standing.checklistScore).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a period total equal to the ledger sum of the period', () => {
    fc.assert(
      fc.property(ledgerArb, periodArb, (ledger, period) => {
        const { movement } = scorePeriod(ledger, RULES_2026, period, { memberId: 'm1' });
        const inPeriod = ledger.filter((e) => e.occurredOn >= firstDayOf(period) && e.occurredOn <= lastDayOf(period));
        expect(movement.total).toBe(inPeriod.reduce((sum, e) => sum + e.pointsCredited, 0));
        expect(Object.values(movement.byItem).reduce((a, b) => a + b, 0)).toBe(movement.total);
      }),
      { numRuns: 300 },
    );
  });

  it('adds months up to quarters and quarters up to the year', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const totalOf = (key: string) => scorePeriod(ledger, RULES_2026, parsePeriodKey(key), { memberId: 'm1' }).movement.total;
        const months = Array.from({ length: 12 }, (_, i) => totalOf(formatPeriodKey(monthPeriod(2026, i + 1))));
        const quarters = [1, 2, 3, 4].map((q) => totalOf(`2026-Q${q}`));
        expect(quarters).toEqual([0, 3, 6, 9].map((start) => months.slice(start, start + 3).reduce((a, b) => a + b, 0)));
        expect(totalOf('2026')).toBe(months.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 100 },
    );
  });
});
