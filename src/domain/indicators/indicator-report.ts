// The "six up, two down" (六升两降) report: per branch, how each indicator moved against the previous period.
//
// Why a table of indicators with a direction: the programme judges a branch by participation, claims,
// approved points, hazards handled, pledge fulfilment and volunteer hours going up, and deductions and
// vetoes going down; one table keeps the direction next to the figure so the report cannot flip one.
// Figures are exact integers (counts, or hundredths for points, hours and percentages).
import { DomainError } from '../errors.js';
import { divideRounded } from '../points.js';

export interface BranchPeriodFigures {
  /** Percentage in hundredths (85.23% = 8523). */
  readonly participationPercent: number;
  readonly claims: number;
  /** Hundredths of points. */
  readonly approvedPoints: number;
  readonly hazardsHandled: number;
  /** Percentage of pledges fulfilled, in hundredths. */
  readonly pledgeFulfilmentPercent: number;
  /** Hundredths of hours. */
  readonly volunteerHours: number;
  readonly deductions: number;
  readonly vetoes: number;
}

export type IndicatorKey = keyof BranchPeriodFigures;
export type Direction = 'higherIsBetter' | 'lowerIsBetter';

export const INDICATORS: readonly { readonly key: IndicatorKey; readonly direction: Direction }[] = [
  { key: 'participationPercent', direction: 'higherIsBetter' },
  { key: 'claims', direction: 'higherIsBetter' },
  { key: 'approvedPoints', direction: 'higherIsBetter' },
  { key: 'hazardsHandled', direction: 'higherIsBetter' },
  { key: 'pledgeFulfilmentPercent', direction: 'higherIsBetter' },
  { key: 'volunteerHours', direction: 'higherIsBetter' },
  { key: 'deductions', direction: 'lowerIsBetter' },
  { key: 'vetoes', direction: 'lowerIsBetter' },
];

export interface IndicatorChange {
  readonly key: IndicatorKey;
  readonly direction: Direction;
  readonly current: number;
  readonly previous: number;
  readonly change: number;
  /** Relative change in hundredths of a percent (+12.50% = 1250), rounded half up; null when previous is 0. */
  readonly changePercent: number | null;
  readonly trend: 'up' | 'down' | 'flat';
  readonly outcome: 'improved' | 'worsened' | 'unchanged';
}

export interface BranchIndicatorReport {
  readonly branchId: string;
  readonly changes: readonly IndicatorChange[];
  readonly improved: number;
  readonly worsened: number;
  /** All six higher-is-better indicators went up. */
  readonly sixUp: boolean;
  /** Both lower-is-better indicators went down. */
  readonly twoDown: boolean;
}

function assertFigures(figures: BranchPeriodFigures): void {
  for (const { key } of INDICATORS) {
    const value = figures[key];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DomainError('INVALID_SCORE', `indicator ${key} must be a non-negative integer`, { key, value });
    }
  }
}

export function compareIndicators(current: BranchPeriodFigures, previous: BranchPeriodFigures): IndicatorChange[] {
  assertFigures(current);
  assertFigures(previous);
  return INDICATORS.map(({ key, direction }) => {
    const change = current[key] - previous[key];
    const trend = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
    const better = direction === 'higherIsBetter' ? change > 0 : change < 0;
    return {
      key,
      direction,
      current: current[key],
      previous: previous[key],
      change,
      changePercent: previous[key] === 0 ? null : divideRounded(change * 100_00, previous[key]),
      trend,
      outcome: change === 0 ? 'unchanged' : better ? 'improved' : 'worsened',
    };
  });
}

export function buildIndicatorReport(
  branches: readonly { readonly branchId: string; readonly current: BranchPeriodFigures; readonly previous: BranchPeriodFigures }[],
): BranchIndicatorReport[] {
  return [...branches]
    .sort((a, b) => (a.branchId < b.branchId ? -1 : a.branchId > b.branchId ? 1 : 0))
    .map(({ branchId, current, previous }) => {
      const changes = compareIndicators(current, previous);
      const of = (direction: Direction) => changes.filter((c) => c.direction === direction);
      return {
        branchId,
        changes,
        improved: changes.filter((c) => c.outcome === 'improved').length,
        worsened: changes.filter((c) => c.outcome === 'worsened').length,
        sixUp: of('higherIsBetter').every((c) => c.outcome === 'improved'),
        twoDown: of('lowerIsBetter').every((c) => c.outcome === 'improved'),
      };
    });
}
