// Local-date arithmetic for the demo in Asia/Shanghai (UTC+8 all year, no daylight saving): dates are
// `YYYY-MM-DD` strings, instants are Dates built from a local date and a local time of day.
import type { LocalDate } from './demo-types.js';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_HOURS = 8;

function toUtcMidnight(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(toUtcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

/** The instant of `hour:minute` local time on `date`. */
export function localInstant(date: LocalDate, hour: number, minute = 0): Date {
  return new Date(toUtcMidnight(date) + (hour - SHANGHAI_OFFSET_HOURS) * 3_600_000 + minute * 60_000);
}

/** The local date of an instant in Shanghai. */
export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function monthKeyOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/** The month keys (`YYYY-MM`) from `from`'s month to `to`'s month, inclusive. */
export function monthsBetween(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = monthKeyOf(to);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= end) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

export function lastDayOfMonth(monthKey: string): LocalDate {
  const [y, m] = monthKey.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A DATE column value: midnight UTC of the local date, which is how Prisma maps `@db.Date`. */
export function dbDate(date: LocalDate): Date {
  return new Date(toUtcMidnight(date));
}

/** Today's date in the given zone (the party's zone, Asia/Shanghai by default). */
export function todayIn(timeZone: string, now: Date = new Date()): LocalDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
