// The "six up, two down" report: period-over-period change per branch with each indicator's direction.
import { describe, expect, it } from 'vitest';
import { buildIndicatorReport, compareIndicators, type BranchPeriodFigures } from '../../../../src/domain/indicators/indicator-report.js';
import { figuresFromLedger } from '../../../../src/domain/indicators/ledger-figures.js';
import { buildReversal, buildVetoEntry } from '../../../../src/domain/ledger/ledger-builders.js';
import { parsePeriodKey } from '../../../../src/domain/periods/period-key.js';
import { RULES_2026, approveAll, claimOf, deduction, meta } from '../fixtures.js';

const previous: BranchPeriodFigures = {
  participationPercent: 6000, claims: 40, approvedPoints: 5000, hazardsHandled: 30,
  pledgeFulfilmentPercent: 5000, volunteerHours: 12000, deductions: 5, vetoes: 1,
};
const better: BranchPeriodFigures = {
  participationPercent: 7500, claims: 48, approvedPoints: 6000, hazardsHandled: 45,
  pledgeFulfilmentPercent: 6000, volunteerHours: 15000, deductions: 2, vetoes: 0,
};

describe('compareIndicators', () => {
  it('marks rises as improvements for the six and falls as improvements for the two', () => {
    const changes = compareIndicators(better, previous);
    expect(changes.map((c) => [c.key, c.trend, c.outcome])).toEqual([
      ['participationPercent', 'up', 'improved'], ['claims', 'up', 'improved'], ['approvedPoints', 'up', 'improved'],
      ['hazardsHandled', 'up', 'improved'], ['pledgeFulfilmentPercent', 'up', 'improved'], ['volunteerHours', 'up', 'improved'],
      ['deductions', 'down', 'improved'], ['vetoes', 'down', 'improved'],
    ]);
    expect(changes.find((c) => c.key === 'claims')).toMatchObject({ change: 8, changePercent: 2000 });
    expect(changes.find((c) => c.key === 'vetoes')).toMatchObject({ change: -1, changePercent: -10000 });
  });

  it('marks the opposite moves as worse and no move as unchanged', () => {
    const changes = compareIndicators(previous, better);
    expect(changes.every((c) => c.outcome === 'worsened')).toBe(true);
    expect(compareIndicators(previous, previous).every((c) => c.outcome === 'unchanged' && c.trend === 'flat')).toBe(true);
  });

  it('gives no percentage against a zero base', () => {
    const fromZero = compareIndicators({ ...previous, vetoes: 1 }, { ...previous, vetoes: 0 }).find((c) => c.key === 'vetoes');
    expect(fromZero).toMatchObject({ change: 1, changePercent: null, outcome: 'worsened' });
  });

  it('rejects negative or fractional figures', () => {
    expect(() => compareIndicators({ ...better, claims: -1 }, previous)).toThrow(expect.objectContaining({ code: 'INVALID_SCORE' }));
    expect(() => compareIndicators({ ...better, claims: 1.5 }, previous)).toThrow(expect.objectContaining({ code: 'INVALID_SCORE' }));
  });
});

describe('buildIndicatorReport', () => {
  it('summarises each branch, sorted by id', () => {
    const report = buildIndicatorReport([
      { branchId: 'b2', current: { ...better, vetoes: 1 }, previous },
      { branchId: 'b1', current: better, previous },
    ]);
    expect(report.map((r) => [r.branchId, r.improved, r.worsened, r.sixUp, r.twoDown])).toEqual([
      ['b1', 8, 0, true, true],
      ['b2', 7, 0, true, false],
    ]);
  });
});

describe('figuresFromLedger', () => {
  it('derives the ledger figures from standing entries only', () => {
    const claims = approveAll([
      claimOf('V2-HAZARD', 3, '2026-03-02', { memberId: 'm1' }),
      claimOf('V2-HAZARD', 2, '2026-03-09', { memberId: 'm2' }),
      claimOf('V1-TALK', 1, '2026-03-10', { memberId: 'm2' }),
      claimOf('V1-TALK', 1, '2026-04-01', { memberId: 'm3' }), // next month
    ]);
    const reversal = buildReversal(claims[1]!, claims, { ...meta(), reason: '误报' });
    const veto = buildVetoEntry(RULES_2026, { memberId: 'm4', branchId: 'b1', vetoCode: 'X2', occurredOn: '2026-03-15' }, meta());
    const entries = [...claims, reversal, deduction('B2-DUES', '2026-03-20', 1, 'm3'), veto];
    const figures = figuresFromLedger(entries, parsePeriodKey('2026-03'), { memberCount: 4, pledgeFulfilmentPercent: 5000, volunteerHours: 800 });
    expect(figures).toEqual({
      participationPercent: 5000, claims: 2, approvedPoints: 150 + 200, hazardsHandled: 3,
      pledgeFulfilmentPercent: 5000, volunteerHours: 800, deductions: 1, vetoes: 1,
    });
  });
});
