// The pledge window (定诺 period, default 1 January – end of February) of a year, from the rules.
//
// Why dates, not instants: the window is a span of Shanghai calendar days; the caller turns "now" into a
// local date with localDateOf(now, TZ_PARTY) and asks here.
import { DomainError } from '../errors.js';
import { daysInMonth, formatLocalDate, type LocalDate } from '../periods/local-date.js';
import type { PledgeWindow } from '../rules/rules-schema.js';

export interface PledgeWindowDates {
  readonly opens: LocalDate;
  readonly closes: LocalDate;
}

function resolve(year: number, { month, day }: PledgeWindow['start']): LocalDate {
  // 'last', and 29 February in a common year, become the month's last day.
  const last = daysInMonth(year, month);
  return formatLocalDate({ year, month, day: day === 'last' ? last : Math.min(day, last) });
}

export function pledgeWindowOf(year: number, window: PledgeWindow): PledgeWindowDates {
  return { opens: resolve(year, window.start), closes: resolve(year, window.end) };
}

export function isPledgeWindowOpen(date: LocalDate, year: number, window: PledgeWindow): boolean {
  const { opens, closes } = pledgeWindowOf(year, window);
  return date >= opens && date <= closes;
}

/** Throws PLEDGE_WINDOW_CLOSED with the window's dates, for the bot to tell the member when it opens. */
export function assertPledgeWindowOpen(date: LocalDate, year: number, window: PledgeWindow): void {
  if (!isPledgeWindowOpen(date, year, window)) {
    throw new DomainError('PLEDGE_WINDOW_CLOSED', `the ${year} pledge window is closed on ${date}`, {
      date,
      year,
      ...pledgeWindowOf(year, window),
    });
  }
}
