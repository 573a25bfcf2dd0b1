// The ledger-derived half of a branch's indicator figures for a period: participation, claims, approved
// points, hazards handled, deductions and vetoes. Pledge fulfilment and volunteer hours come from their
// own records and are passed in.
//
// Why standing entries only: a reversed claim or deduction did not happen as far as the report is concerned.
import { DomainError } from '../errors.js';
import { divideRounded, sumHundredths, toHundredths } from '../points.js';
import { firstDayOf, lastDayOf, type Period } from '../periods/period-key.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { entriesBetween, standingEntries } from '../ledger/ledger-queries.js';
import type { BranchPeriodFigures } from './indicator-report.js';

export interface LedgerFigureOptions {
  /** Active members of the branch in the period (the participation denominator). */
  readonly memberCount: number;
  /** Activity whose quantities count as hazards handled (default catalog: V2-HAZARD). */
  readonly hazardActivityCode?: string;
  readonly pledgeFulfilmentPercent: number;
  readonly volunteerHours: number;
}

export function figuresFromLedger(entries: readonly LedgerEntry[], period: Period, options: LedgerFigureOptions): BranchPeriodFigures {
  if (!Number.isSafeInteger(options.memberCount) || options.memberCount < 0) {
    throw new DomainError('INVALID_SCORE', 'memberCount must be a non-negative integer');
  }
  const standing = standingEntries(entriesBetween(entries, firstDayOf(period), lastDayOf(period)));
  const claims = standing.filter((e) => e.cause === 'claim');
  const hazardCode = options.hazardActivityCode ?? 'V2-HAZARD';
  const participants = new Set(claims.map((e) => e.memberId)).size;
  // Quantities may carry decimals (yuan); hazards are counted, so sum them exactly and keep whole ones.
  const hazardHundredths = sumHundredths(claims.filter((e) => e.activityCode === hazardCode).map((e) => toHundredths(e.quantity ?? 0)));
  return {
    participationPercent: options.memberCount === 0 ? 0 : divideRounded(participants * 100_00, options.memberCount),
    claims: claims.length,
    approvedPoints: sumHundredths(claims.map((e) => e.pointsCredited)),
    hazardsHandled: Math.floor(hazardHundredths / 100),
    pledgeFulfilmentPercent: options.pledgeFulfilmentPercent,
    volunteerHours: options.volunteerHours,
    deductions: standing.filter((e) => e.cause === 'deduction').length,
    vetoes: standing.filter((e) => e.cause === 'veto').length,
  };
}
