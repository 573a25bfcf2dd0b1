// Turns instants into party-time dates and periods, and periods back into instants, in an explicit time zone.
//
// Why: "which month is this claim in" must never depend on the server's TZ. 2026-03-31T16:30Z is
// 2026-04-01 00:30 in Shanghai, so it counts in April and Q2. The zone is always passed in (config
// `TZ_PARTY`), defaulting to Asia/Shanghai; @date-fns/tz does the zone arithmetic from the IANA data.
import { TZDate } from '@date-fns/tz';
import { DomainError } from '../errors.js';
import { formatLocalDate, parseLocalDate, type LocalDate } from './local-date.js';
import { firstDayOf, nextPeriod, periodOfDate, type Period, type PeriodKind } from './period-key.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Throws INVALID_TIMEZONE for anything Intl does not know as an IANA zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new DomainError('INVALID_TIMEZONE', `unknown time zone: ${timeZone}`, { timeZone });
  }
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DomainError('INVALID_DATE', 'not a valid instant');
  }
}

/** The calendar date of an instant in the zone. */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  assertInstant(instant);
  assertTimeZone(timeZone);
  const zoned = new TZDate(instant.getTime(), timeZone);
  return formatLocalDate({ year: zoned.getFullYear(), month: zoned.getMonth() + 1, day: zoned.getDate() });
}

/** The period of `kind` that an instant falls in, in the zone. */
export function periodOf(instant: Date, kind: PeriodKind, timeZone: string = DEFAULT_TIME_ZONE): Period {
  return periodOfDate(localDateOf(instant, timeZone), kind);
}

/** The instant a local date begins (00:00) in the zone. */
export function startOfLocalDate(date: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  assertTimeZone(timeZone);
  const { year, month, day } = parseLocalDate(date);
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}

/** The instant a period begins (inclusive). */
export function periodStart(period: Period, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return startOfLocalDate(firstDayOf(period), timeZone);
}

/** The instant a period ends (exclusive): the start of the next period, so ranges never overlap or leave gaps. */
export function periodEnd(period: Period, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return periodStart(nextPeriod(period), timeZone);
}

/** A local wall-clock time in the zone as an instant ("09:00 on the first working day"). */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  assertTimeZone(timeZone);
  const { year, month, day } = parseLocalDate(date);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new DomainError('INVALID_DATE', `no such time ${hour}:${minute}`);
  }
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}
