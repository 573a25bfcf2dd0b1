// Reporting periods and their keys — `2026-11` (month), `2026-Q4` (quarter), `2026` (year) — as calendar math.
//
// Why separate from time zones: once an activity's Shanghai date is known, which month, quarter and year
// it belongs to is zone-free; only turning an instant into that date needs the zone (see zoned-time.ts).
import { DomainError } from '../errors.js';
import { daysInMonth, formatLocalDate, parseLocalDate, type LocalDate } from './local-date.js';

export type PeriodKind = 'month' | 'quarter' | 'year';

/** A month, quarter or year. `index` is the month (1–12), the quarter (1–4), or 1 for a year. */
export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const YEAR_KEY = /^(\d{4})$/;

/** True when `text` is a period key in canonical form. */
export function isPeriodKey(text: string): boolean {
  return MONTH_KEY.test(text) || QUARTER_KEY.test(text) || (YEAR_KEY.test(text) && Number(text) >= 1);
}

/** Parses `2026-11`, `2026-Q4` or `2026`; throws INVALID_PERIOD otherwise (no lenient forms like `2026-q4`). */
export function parsePeriodKey(text: string): Period {
  const month = MONTH_KEY.exec(text);
  if (month) return { kind: 'month', year: Number(month[1]), index: Number(month[2]) };
  const quarter = QUARTER_KEY.exec(text);
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), index: Number(quarter[2]) };
  if (YEAR_KEY.test(text) && Number(text) >= 1) return { kind: 'year', year: Number(text), index: 1 };
  throw new DomainError('INVALID_PERIOD', `not a period key (2026-11, 2026-Q4, 2026): ${text}`, { text });
}

export function formatPeriodKey(period: Period): string {
  assertPeriod(period);
  const year = String(period.year).padStart(4, '0');
  if (period.kind === 'month') return `${year}-${String(period.index).padStart(2, '0')}`;
  if (period.kind === 'quarter') return `${year}-Q${period.index}`;
  return year;
}

function assertPeriod({ kind, year, index }: Period): void {
  const maxIndex = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !Number.isInteger(index) || index < 1 || index > maxIndex) {
    throw new DomainError('INVALID_PERIOD', `no such ${kind}: ${year}/${index}`);
  }
}

export function monthPeriod(year: number, month: number): Period {
  const period: Period = { kind: 'month', year, index: month };
  assertPeriod(period);
  return period;
}

export function quarterPeriod(year: number, quarter: number): Period {
  const period: Period = { kind: 'quarter', year, index: quarter };
  assertPeriod(period);
  return period;
}

export function yearPeriod(year: number): Period {
  const period: Period = { kind: 'year', year, index: 1 };
  assertPeriod(period);
  return period;
}

/** The quarter (1–4) a month (1–12) falls in. */
export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

/** The period of `kind` that contains a local date. */
export function periodOfDate(date: LocalDate, kind: PeriodKind): Period {
  const { year, month } = parseLocalDate(date);
  if (kind === 'month') return monthPeriod(year, month);
  if (kind === 'quarter') return quarterPeriod(year, quarterOfMonth(month));
  return yearPeriod(year);
}

/** First and last month (1–12) of a period. */
function monthSpan(period: Period): [number, number] {
  assertPeriod(period);
  if (period.kind === 'month') return [period.index, period.index];
  if (period.kind === 'quarter') return [period.index * 3 - 2, period.index * 3];
  return [1, 12];
}

/** First local date of the period (inclusive). */
export function firstDayOf(period: Period): LocalDate {
  const [first] = monthSpan(period);
  return formatLocalDate({ year: period.year, month: first, day: 1 });
}

/** Last local date of the period (inclusive). */
export function lastDayOf(period: Period): LocalDate {
  const [, last] = monthSpan(period);
  return formatLocalDate({ year: period.year, month: last, day: daysInMonth(period.year, last) });
}

/** True when the local date lies inside the period. */
export function periodContains(period: Period, date: LocalDate): boolean {
  parseLocalDate(date);
  return date >= firstDayOf(period) && date <= lastDayOf(period);
}

/** The period `steps` later of the same kind (negative: earlier); crosses year boundaries. */
export function shiftPeriod(period: Period, steps: number): Period {
  assertPeriod(period);
  if (period.kind === 'year') return yearPeriod(period.year + steps);
  const perYear = period.kind === 'month' ? 12 : 4;
  const ordinal = period.year * perYear + (period.index - 1) + steps;
  const year = Math.floor(ordinal / perYear);
  const index = ordinal - year * perYear + 1;
  return period.kind === 'month' ? monthPeriod(year, index) : quarterPeriod(year, index);
}

export const nextPeriod = (period: Period): Period => shiftPeriod(period, 1);
export const previousPeriod = (period: Period): Period => shiftPeriod(period, -1);

/** The months of a period, in order (one for a month, three for a quarter, twelve for a year). */
export function monthsOf(period: Period): Period[] {
  const [first, last] = monthSpan(period);
  const months: Period[] = [];
  for (let month = first; month <= last; month += 1) months.push(monthPeriod(period.year, month));
  return months;
}
