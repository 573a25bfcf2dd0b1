// Credits an approved claim within its caps: per activity per month, per role per year, vanguard per year.
//
// ORDER RULE. Caps are applied at approval, against what the member's ledger already holds, and entries
// already written are never revisited (the ledger is append-only). So among separate approvals the one
// approved first is credited first, whatever its activity date. When several claims are approved in one
// go (`creditClaimsInOrder`), they are credited by activity date, then submission time, then claim id,
// so the result does not depend on the order the reviewer tapped them.
// Each cap's "used" is the net of the member's entries in the cap's window (claims, their reversals,
// adjustments on the item), so a reversal frees exactly the room its claim took. Because the caps nest
// (activity-month inside role-year inside vanguard-year), the total credited is the same in every order;
// only which claim receives the remainder changes. Property tests in test/unit/domain/scoring prove both.
import { clampHundredths, sumHundredths, toHundredths, type Hundredths } from '../points.js';
import { firstDayOf, lastDayOf, monthPeriod, formatPeriodKey, yearPeriod } from '../periods/period-key.js';
import { parseLocalDate, type LocalDate } from '../periods/local-date.js';
import type { CapNote, LedgerEntry } from '../ledger/ledger-entry.js';
import { findActivity } from '../rules/rules-lookup.js';
import { ROLE_CODES, type RoleCode, type RulesDefinition } from '../rules/rules-schema.js';
import { assertRulesGovern } from '../rules/select-version.js';
import { requestedPoints } from './claim-points.js';

export interface ClaimToCredit {
  readonly memberId: string;
  readonly activityCode: string;
  readonly quantity: number;
  /** Activity date in Shanghai. */
  readonly occurredOn: LocalDate;
}

export interface CapOutcome {
  readonly roleCode: RoleCode;
  readonly activityCode: string;
  readonly requested: Hundredths;
  readonly credited: Hundredths;
  /** The cap that held the claim back (the tightest; the narrowest on a tie), or undefined when none did. */
  readonly binding?: CapNote;
  /** Every cap that applies to the claim, with its state before the claim. */
  readonly caps: readonly CapNote[];
}

function capState(
  kind: CapNote['kind'],
  limit: Hundredths,
  window: { period: string; from: LocalDate; to: LocalDate },
  matches: (entry: LedgerEntry) => boolean,
  ledger: readonly LedgerEntry[],
  extra: Pick<CapNote, 'itemCode' | 'activityCode'>,
): CapNote {
  const used = sumHundredths(
    ledger.filter((e) => e.occurredOn >= window.from && e.occurredOn <= window.to && matches(e)).map((e) => e.pointsCredited),
  );
  return { kind, ...extra, period: window.period, limit, used, remaining: clampHundredths(limit - used, 0, limit) };
}

/**
 * How much of a claim to credit under `rules` (the version in force on its date), given the member's
 * ledger. Entries of other members in `ledger` are ignored.
 */
export function applyCaps(rules: RulesDefinition, claim: ClaimToCredit, ledger: readonly LedgerEntry[]): CapOutcome {
  assertRulesGovern(rules, claim.occurredOn);
  const { role, activity } = findActivity(rules, claim.activityCode);
  const requested = requestedPoints(activity, claim.quantity);
  const { year, month } = parseLocalDate(claim.occurredOn);
  const own = ledger.filter((e) => e.memberId === claim.memberId);
  const monthWindow = monthPeriod(year, month);
  const yearWindow = yearPeriod(year);
  const asWindow = (p: typeof yearWindow) => ({ period: formatPeriodKey(p), from: firstDayOf(p), to: lastDayOf(p) });
  const vanguardCodes: readonly string[] = ROLE_CODES;

  const caps: CapNote[] = [];
  if (activity.monthlyCap !== undefined) {
    caps.push(
      capState('activityMonthly', toHundredths(activity.monthlyCap), asWindow(monthWindow), (e) => e.activityCode === activity.code, own, {
        itemCode: role.code,
        activityCode: activity.code,
      }),
    );
  }
  caps.push(
    capState('roleYearly', toHundredths(role.yearlyCap), asWindow(yearWindow), (e) => e.itemCode === role.code, own, {
      itemCode: role.code,
    }),
  );
  caps.push(
    capState('vanguardYearly', toHundredths(rules.vanguard.yearlyTotalCap), asWindow(yearWindow), (e) => vanguardCodes.includes(e.itemCode), own, {}),
  );

  // Caps are listed narrowest first; keeping the first minimum names the most specific cap on a tie.
  let tightest = caps[0] as CapNote;
  for (const cap of caps) if (cap.remaining < tightest.remaining) tightest = cap;
  const credited = Math.min(requested, tightest.remaining);
  return {
    roleCode: role.code,
    activityCode: activity.code,
    requested,
    credited,
    ...(credited < requested ? { binding: tightest } : {}),
    caps,
  };
}
