// The push kinds of product.md §8 by their stable names, and which period each one takes:
// `2026-11` (month), `2026-Q4` (quarter), `2026` (year), or a day `2026-11-28` for stale reviews.
// `annual-results` is the second half of 年评比 (results and star candidates on 10 January).
import type { PushKind } from '../generated/prisma/enums.js';
import { isLocalDate } from '../domain/periods/local-date.js';
import { parsePeriodKey, type PeriodKind } from '../domain/periods/period-key.js';

export const PUSH_KINDS = ['monthly-reminder', 'monthly-digest', 'quarterly-stocktake', 'annual-evaluation', 'stale-reviews', 'pledge-window', 'annual-results'] as const;
export type PushKindName = (typeof PUSH_KINDS)[number];

export const PUSH_KIND_ENUM: Record<PushKindName, PushKind> = {
  'monthly-reminder': 'MONTHLY_REMINDER',
  'monthly-digest': 'MONTHLY_DIGEST',
  'quarterly-stocktake': 'QUARTERLY_STOCKTAKE',
  'annual-evaluation': 'ANNUAL_EVALUATION',
  'stale-reviews': 'STALE_REVIEWS',
  'pledge-window': 'PLEDGE_WINDOW',
  'annual-results': 'ANNUAL_RESULTS',
};

/** The period each kind is counted in; stale reviews also take a day (they run daily). */
export const PERIOD_OF_KIND: Record<PushKindName, PeriodKind | 'day'> = {
  'monthly-reminder': 'month',
  'monthly-digest': 'month',
  'quarterly-stocktake': 'quarter',
  'annual-evaluation': 'year',
  'stale-reviews': 'day',
  'pledge-window': 'year',
  'annual-results': 'year',
};

export function isPushKind(text: string): text is PushKindName {
  return (PUSH_KINDS as readonly string[]).includes(text);
}

export function kindName(kind: PushKind): PushKindName {
  const found = PUSH_KINDS.find((name) => PUSH_KIND_ENUM[name] === kind);
  if (!found) throw new Error(`not a schedulable push kind: ${kind}`);
  return found;
}

export type PeriodCheck = { ok: true; period: string } | { ok: false; expected: PeriodKind | 'day' };

/** Whether `text` is a period this kind can run for, in canonical form. */
export function checkPushPeriod(kind: PushKindName, text: string): PeriodCheck {
  const expected = PERIOD_OF_KIND[kind];
  if (expected === 'day') {
    return isLocalDate(text) ? { ok: true, period: text } : { ok: false, expected };
  }
  try {
    const period = parsePeriodKey(text);
    return period.kind === expected ? { ok: true, period: text } : { ok: false, expected };
  } catch {
    return { ok: false, expected };
  }
}
