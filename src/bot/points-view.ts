// Reads behind the 积分 card: the member's score and rank, the rules that price the period (names, quotas,
// caps), recent ledger entries with causes, and the monthly trend — each through the domain services,
// which check who may read, so the card shows exactly the rules engine's numbers.
import { isDomainError } from '../domain/errors.js';
import type { HistoryEntry } from '../domain/ledger/ledger-service.js';
import type { Hundredths } from '../domain/points.js';
import { formatPeriodKey, lastDayOf, periodOfDate, type Period } from '../domain/periods/period-key.js';
import { localDateOf } from '../domain/periods/zoned-time.js';
import type { RulesDefinition } from '../domain/rules/rules-schema.js';
import type { MemberScore, TrendPoint } from '../domain/scoring/score-service.js';
import type { Actor } from './actor.js';
import { t } from './messages/index.js';
import type { ChosenPeriod } from './period-arg.js';
import type { BotServices } from './services.js';
import { UserFacingError } from './user-error.js';

/** Months of trend on the card: half a year reads well on a phone. */
export const TREND_MONTHS = 6;
export const RECENT_ENTRIES = 8;

export interface PointsView {
  readonly actor: Actor;
  readonly chosen: ChosenPeriod;
  readonly score: MemberScore;
  readonly rules: RulesDefinition;
  readonly recent: readonly HistoryEntry[];
  readonly trend: readonly TrendPoint[];
  /** Activities with a monthly cap and how much of it is used (month periods only). */
  readonly monthlyCaps: readonly MonthlyCapUse[];
  /** Catalog names by code (items, activities, deduction rules) across every rules version. */
  readonly names: ReadonlyMap<string, string>;
}

export interface MonthlyCapUse {
  readonly activityCode: string;
  readonly name: string;
  readonly used: Hundredths;
  readonly limit: Hundredths;
}

/**
 * The month's capped activities as the claims service prices them (the cap state before one more unit),
 * so "used" is exactly what the next approval would be measured against.
 */
async function monthlyCapsOf(services: BotServices, actor: Actor, period: Period, rules: RulesDefinition): Promise<MonthlyCapUse[]> {
  if (period.kind !== 'month') return [];
  const today = localDateOf(services.now(), services.timeZone);
  const on = lastDayOf(period) < today ? lastDayOf(period) : today;
  const capped = rules.vanguard.roles.flatMap((role) => role.activities.filter((a) => a.monthlyCap !== undefined));
  const uses: MonthlyCapUse[] = [];
  for (const activity of capped) {
    const estimate = await services.domain.claims.estimate(actor, { activityCode: activity.code, quantity: 1, activityDate: on, description: activity.name });
    const cap = estimate.caps.find((c) => c.kind === 'activityMonthly');
    if (cap) uses.push({ activityCode: activity.code, name: activity.name, used: cap.used, limit: cap.limit });
  }
  return uses;
}

export function catalogNames(definitions: readonly RulesDefinition[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of definitions) {
    for (const b of d.basic) names.set(b.code, b.name);
    for (const x of d.deductions) names.set(x.code, x.name);
    for (const v of d.vetoes) names.set(v.code, v.name);
    for (const r of d.vanguard.roles) {
      names.set(r.code, r.name);
      for (const a of r.activities) names.set(a.code, a.name);
    }
  }
  return names;
}

/** The rules of a period's year; a year without rules is a clear answer, not an error. */
export async function rulesOfPeriod(services: BotServices, period: Period) {
  try {
    return await services.domain.rules.forPeriod(period);
  } catch (error) {
    if (isDomainError(error, 'RULES_NOT_FOUND')) throw new UserFacingError(t.points.period.noRules(period.year));
    throw error;
  }
}

/** The trend ends at the period's last month (or this month, if sooner) and starts no earlier than the first rules year. */
async function trendOf(services: BotServices, actor: Actor, period: Period, definitions: readonly RulesDefinition[]): Promise<TrendPoint[]> {
  const thisMonth = periodOfDate(localDateOf(services.now(), services.timeZone), 'month');
  const periodEnd = periodOfDate(lastDayOf(period), 'month');
  const end = formatPeriodKey(periodEnd) < formatPeriodKey(thisMonth) ? periodEnd : thisMonth;
  const firstYear = Math.min(...definitions.map((d) => d.year));
  const available = (end.year - firstYear) * 12 + end.index;
  const months = Math.min(TREND_MONTHS, available);
  if (months < 1) return [];
  try {
    return await services.domain.scores.monthlyTrend(actor, actor.memberId, formatPeriodKey(end), months);
  } catch (error) {
    // A year without rules inside the window (a gap in the history): the card goes without its chart.
    if (isDomainError(error, 'RULES_NOT_FOUND')) return [];
    throw error;
  }
}

export async function loadPointsView(services: BotServices, actor: Actor, chosen: ChosenPeriod): Promise<PointsView> {
  const stored = await rulesOfPeriod(services, chosen.period);
  const definitions = (await services.domain.rules.versions()).map((v) => v.definition);
  const score = await services.domain.scores.memberScore(actor, actor.memberId, chosen.key);
  const recent = await services.domain.ledger.history(actor, actor.memberId, { limit: RECENT_ENTRIES });
  const trend = await trendOf(services, actor, chosen.period, definitions);
  const monthlyCaps = await monthlyCapsOf(services, actor, chosen.period, stored.definition);
  return { actor, chosen, score, rules: stored.definition, recent, trend, monthlyCaps, names: catalogNames(definitions) };
}
