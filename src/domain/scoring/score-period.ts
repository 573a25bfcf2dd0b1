// A member's score for a period, derived from ledger entries only: what moved in the period, and where the
// member stands at its end (basic remaining, vanguard per role, checklist score 0–100, veto).
//
// Why two views: "本月积分" is what happened this month (the ledger sum for the month), while the checklist
// score is a yearly standing (quotas and caps are yearly), so a month reports the standing at month end.
// Clamping happens only in the standing; the period view is the raw ledger sum, so it always reconciles.
import { DomainError } from '../errors.js';
import { clampHundredths, sumHundredths, toHundredths, type Hundredths } from '../points.js';
import { firstDayOf, formatPeriodKey, lastDayOf, yearPeriod, type Period } from '../periods/period-key.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { entriesBetween, standingEntries } from '../ledger/ledger-queries.js';
import {
  BASIC_CODES,
  ItemCode as ItemCodeSchema,
  ROLE_CODES,
  rulesVersionId,
  type BasicCode,
  type ItemCode,
  type RoleCode,
  type RulesDefinition,
  type VetoCode,
} from '../rules/rules-schema.js';

export interface PeriodMovement {
  /** Net of every entry dated in the period: exactly the ledger sum. */
  readonly total: Hundredths;
  readonly byItem: Readonly<Record<ItemCode, Hundredths>>;
  readonly vanguardByRole: Readonly<Record<RoleCode, Hundredths>>;
  /** Net vanguard points (claims, their reversals, adjustments on V1–V4). */
  readonly vanguard: Hundredths;
  /** Net basic-item movement; negative when deductions outweigh corrections. */
  readonly basic: Hundredths;
  /** Approved claims that still stand (not reversed). */
  readonly claimCount: number;
  /** Deductions that still stand; any one disqualifies a star. */
  readonly deductionCount: number;
}

export interface Standing {
  readonly basicRemaining: Readonly<Record<BasicCode, Hundredths>>;
  readonly vanguardByRole: Readonly<Record<RoleCode, Hundredths>>;
  /** Vanguard points counted, after role and total caps. */
  readonly vanguard: Hundredths;
  /** 0–10000 hundredths (0–100 points); 0 when a confirmed veto stands. */
  readonly checklistScore: Hundredths;
  readonly vetoed: boolean;
  readonly vetoItems: readonly VetoCode[];
}

export interface MemberPeriodScore {
  readonly memberId: string;
  readonly period: string;
  readonly rulesVersion: string;
  readonly movement: PeriodMovement;
  /** As of the period's last day, counted from 1 January. */
  readonly standing: Standing;
}

const ITEM_CODES = ItemCodeSchema.options;
const MAX_CHECKLIST: Hundredths = 100_00;

function sumByItem<K extends string>(entries: readonly LedgerEntry[], codes: readonly K[]): Record<K, Hundredths> {
  const result = Object.fromEntries(codes.map((code) => [code, 0])) as Record<K, Hundredths>;
  for (const entry of entries) {
    if ((codes as readonly string[]).includes(entry.itemCode)) result[entry.itemCode as K] += entry.pointsCredited;
  }
  return result;
}

function movementOf(entries: readonly LedgerEntry[]): PeriodMovement {
  const byItem = sumByItem(entries, ITEM_CODES);
  const vanguardByRole = sumByItem(entries, ROLE_CODES);
  const standing = standingEntries(entries);
  return {
    total: sumHundredths(entries.map((e) => e.pointsCredited)),
    byItem,
    vanguardByRole,
    vanguard: sumHundredths(Object.values(vanguardByRole)),
    basic: sumHundredths(BASIC_CODES.map((code) => byItem[code])),
    claimCount: standing.filter((e) => e.cause === 'claim').length,
    deductionCount: standing.filter((e) => e.cause === 'deduction').length,
  };
}

function standingOf(entries: readonly LedgerEntry[], rules: RulesDefinition): Standing {
  const basicNet = sumByItem(entries, BASIC_CODES);
  const basicRemaining = Object.fromEntries(
    rules.basic.map((item) => {
      const quota = toHundredths(item.yearlyQuota);
      return [item.code, clampHundredths(quota + basicNet[item.code], 0, quota)];
    }),
  ) as Record<BasicCode, Hundredths>;
  const roleNet = sumByItem(entries, ROLE_CODES);
  const vanguardByRole = Object.fromEntries(
    rules.vanguard.roles.map((role) => [role.code, clampHundredths(roleNet[role.code], 0, toHundredths(role.yearlyCap))]),
  ) as Record<RoleCode, Hundredths>;
  const vanguard = Math.min(sumHundredths(Object.values(vanguardByRole)), toHundredths(rules.vanguard.yearlyTotalCap));
  const vetoItems = [...new Set(standingEntries(entries).filter((e) => e.cause === 'veto').map((e) => e.itemCode as VetoCode))].sort();
  const vetoed = vetoItems.length > 0;
  const raw = sumHundredths(Object.values(basicRemaining)) + vanguard;
  return {
    basicRemaining,
    vanguardByRole,
    vanguard,
    checklistScore: vetoed ? 0 : clampHundredths(raw, 0, MAX_CHECKLIST),
    vetoed,
    vetoItems,
  };
}

/**
 * Scores one member's entries for a period under `rules`, the version of the period's year (see
 * selectVersionForPeriod). Entries of other years are ignored. With `memberId`, entries of other members
 * are skipped (pass a branch's entries); without it, the entries must all be one member's.
 */
export function scorePeriod(
  entries: readonly LedgerEntry[],
  rules: RulesDefinition,
  period: Period,
  options: { readonly memberId?: string } = {},
): MemberPeriodScore {
  if (rules.year !== period.year) {
    throw new DomainError('RULES_YEAR_MISMATCH', `rules ${rulesVersionId(rules)} cannot score ${formatPeriodKey(period)}`);
  }
  const memberId = options.memberId ?? entries[0]?.memberId;
  if (memberId === undefined) throw new DomainError('INVALID_LEDGER_ENTRY', 'name the member when there are no entries');
  const own = options.memberId === undefined ? entries : entries.filter((e) => e.memberId === memberId);
  if (own.some((e) => e.memberId !== memberId)) {
    throw new DomainError('INVALID_LEDGER_ENTRY', 'scorePeriod takes the entries of one member');
  }
  const inPeriod = entriesBetween(own, firstDayOf(period), lastDayOf(period));
  const yearToDate = entriesBetween(own, firstDayOf(yearPeriod(period.year)), lastDayOf(period));
  return {
    memberId,
    period: formatPeriodKey(period),
    rulesVersion: rulesVersionId(rules),
    movement: movementOf(inPeriod),
    standing: standingOf(yearToDate, rules),
  };
}
