// Prices a claim by the rule table, before caps: whole units × points per unit, in hundredths.
//
// Why whole units: "1 point per 10,000 yuan" pays for each full 10,000; 15,000 yuan earns 1 point,
// not 1.5, matching how the committee's tables read (每节约1万元加1分). Quantities are taken to two
// decimals and divided as integers, so 0.3 / 0.1 is exactly 3, not 2.9999….
import { DomainError } from '../errors.js';
import { hasAtMostTwoDecimals, MAX_HUNDREDTHS, toHundredths, type Hundredths } from '../points.js';
import type { ActivityType } from '../rules/rules-schema.js';

/** Largest quantity a single claim may state; a guard against typos like 1e12 yuan. */
export const MAX_CLAIM_QUANTITY = 100_000_000;

export function assertClaimQuantity(quantity: number): void {
  if (!(quantity > 0) || quantity > MAX_CLAIM_QUANTITY || !hasAtMostTwoDecimals(quantity)) {
    throw new DomainError('INVALID_QUANTITY', 'quantity must be positive with at most two decimals', { quantity });
  }
}

/** Whole units in a quantity: floor(quantity / unitSize), computed exactly. */
export function wholeUnits(activity: Pick<ActivityType, 'unitSize'>, quantity: number): number {
  assertClaimQuantity(quantity);
  return Math.floor(toHundredths(quantity) / toHundredths(activity.unitSize));
}

/** Points the rule table gives for a quantity, before any cap. */
export function requestedPoints(activity: Pick<ActivityType, 'unitSize' | 'pointsPerUnit'>, quantity: number): Hundredths {
  const points = wholeUnits(activity, quantity) * toHundredths(activity.pointsPerUnit);
  // The ledger stores requested points too, in Decimal(10,2); refuse what cannot be stored.
  if (points > MAX_HUNDREDTHS) throw new DomainError('INVALID_QUANTITY', 'quantity too large for this activity', { quantity });
  return points;
}
