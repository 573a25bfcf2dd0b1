// Prices approved demo claims within their caps: per activity per month, per role per year, vanguard per year.
// This is the only place the demo computes credited points; when the rules engine's applyCaps reaches main,
// this body becomes a loop over it and nothing else in the demo changes.
import { findActivity, type RulesForYear, toHundredths } from './demo-rules.js';
import { monthKeyOf, yearOf } from './demo-dates.js';
import type { DemoCapNote, LocalDate, VanguardRoleCode } from './demo-types.js';

export interface ClaimToCredit {
  readonly key: string;
  readonly memberNo: string;
  readonly activityCode: string;
  readonly activityDate: LocalDate;
  readonly quantity: number;
  readonly reviewedAt: Date;
}

export interface CreditedClaim {
  readonly roleCode: VanguardRoleCode;
  /** Hundredths. */
  readonly requested: number;
  readonly credited: number;
  /** The cap that held the claim back, when one did. */
  readonly capNote: DemoCapNote | null;
}

/** Uncapped points of a claim, in hundredths: whole units times points per unit. */
export function requestedHundredths(rulesFor: RulesForYear, activityCode: string, activityDate: LocalDate, quantity: number): number {
  const { activity } = findActivity(rulesFor(yearOf(activityDate)), activityCode);
  return Math.floor(quantity / activity.unitSize) * toHundredths(activity.pointsPerUnit);
}

/**
 * Credits claims in the rules engine's batch order — activity date, then approval time, then key — against
 * running totals, so the result is the same however the input is ordered.
 */
export function creditApprovedClaims(claims: readonly ClaimToCredit[], rulesFor: RulesForYear): Map<string, CreditedClaim> {
  const ordered = [...claims].sort(
    (a, b) =>
      a.activityDate.localeCompare(b.activityDate) ||
      a.reviewedAt.getTime() - b.reviewedAt.getTime() ||
      a.key.localeCompare(b.key),
  );
  const used = new Map<string, number>();
  const result = new Map<string, CreditedClaim>();
  for (const claim of ordered) {
    const rules = rulesFor(yearOf(claim.activityDate));
    const { role, activity } = findActivity(rules, claim.activityCode);
    const month = monthKeyOf(claim.activityDate);
    const year = String(rules.year);
    const caps: (DemoCapNote & { slot: string })[] = [];
    const state = (slot: string, kind: DemoCapNote['kind'], limit: number, period: string, extra: Partial<DemoCapNote>) => {
      const u = used.get(slot) ?? 0;
      caps.push({ slot, kind, ...extra, period, limit, used: u, remaining: Math.max(0, limit - u) });
    };
    if (activity.monthlyCap !== undefined) {
      state(`${claim.memberNo}|${activity.code}|${month}`, 'activityMonthly', toHundredths(activity.monthlyCap), month, {
        itemCode: role.code,
        activityCode: activity.code,
      });
    }
    state(`${claim.memberNo}|${role.code}|${year}`, 'roleYearly', toHundredths(role.yearlyCap), year, { itemCode: role.code });
    state(`${claim.memberNo}|V|${year}`, 'vanguardYearly', toHundredths(rules.vanguard.yearlyTotalCap), year, {});
    // Narrowest cap first, so on a tie the most specific one is named.
    let tightest = caps[0] as (typeof caps)[number];
    for (const cap of caps) if (cap.remaining < tightest.remaining) tightest = cap;
    const requested = Math.floor(claim.quantity / activity.unitSize) * toHundredths(activity.pointsPerUnit);
    const credited = Math.min(requested, tightest.remaining);
    for (const cap of caps) used.set(cap.slot, cap.used + credited);
    const { slot: _slot, ...note } = tightest;
    result.set(claim.key, { roleCode: role.code, requested, credited, capNote: credited < requested ? note : null });
  }
  return result;
}
