// When each push runs, declared as data: a cron pattern read in the party time zone, plus the
// rule that turns a run's local date into the period it reports on. Pure: the clock, the zone
// and the working-day calendar are passed in, so month, quarter and year ends are testable.
import { CronExpressionParser } from 'cron-parser';
import type { WorkingDayCalendar } from '../domain/calendar/working-day-calendar.js';
import { parseLocalDate, type LocalDate } from '../domain/periods/local-date.js';
import { formatPeriodKey, monthPeriod, periodOfDate, previousPeriod } from '../domain/periods/period-key.js';
import { localDateOf } from '../domain/periods/zoned-time.js';
import { PUSH_KINDS, type PushKindName } from './push-kinds.js';

export interface PushSchedule {
  readonly kind: PushKindName;
  /** Five-field cron, read in the party time zone (BullMQ's `tz`). */
  readonly cron: string;
  /**
   * Runs only on the quarter's first working day: the cron names the candidate days (the first
   * two weeks of Jan/Apr/Jul/Oct) and the calendar picks the one that is not a holiday.
   */
  readonly firstWorkingDayOfQuarter?: boolean;
}

/** product.md §8, at 09:00 Asia/Shanghai. */
export const DEFAULT_SCHEDULES: Readonly<Record<PushKindName, PushSchedule>> = {
  'monthly-reminder': { kind: 'monthly-reminder', cron: '0 9 25 * *' },
  'monthly-digest': { kind: 'monthly-digest', cron: '0 9 1 * *' },
  'quarterly-stocktake': { kind: 'quarterly-stocktake', cron: '0 9 1-15 1,4,7,10 *', firstWorkingDayOfQuarter: true },
  'annual-evaluation': { kind: 'annual-evaluation', cron: '0 9 15 12 *' },
  'stale-reviews': { kind: 'stale-reviews', cron: '0 9 * * *' },
  'pledge-window': { kind: 'pledge-window', cron: '0 9 2 1 *' },
  'annual-results': { kind: 'annual-results', cron: '0 9 10 1 *' },
};

/** The schedules with any cron patterns overridden (config/push-schedules.json). */
export function pushSchedules(overrides: Partial<Record<PushKindName, string>> = {}): PushSchedule[] {
  return PUSH_KINDS.map((kind) => {
    const cron = overrides[kind];
    if (cron !== undefined) CronExpressionParser.parse(cron);
    return cron === undefined ? DEFAULT_SCHEDULES[kind] : { ...DEFAULT_SCHEDULES[kind], cron };
  });
}

/** The period a run on `date` (local) reports on: the digest of the 1st is about last month. */
export function periodForRun(kind: PushKindName, date: LocalDate): string {
  switch (kind) {
    case 'monthly-reminder':
      return formatPeriodKey(periodOfDate(date, 'month'));
    case 'monthly-digest': {
      const { year, month } = parseLocalDate(date);
      return formatPeriodKey(previousPeriod(monthPeriod(year, month)));
    }
    case 'quarterly-stocktake':
      return formatPeriodKey(periodOfDate(date, 'quarter'));
    case 'annual-evaluation':
    case 'pledge-window':
      return formatPeriodKey(periodOfDate(date, 'year'));
    case 'stale-reviews':
      return date;
    case 'annual-results':
      return String(parseLocalDate(date).year - 1);
  }
}

export interface ScheduledRun {
  readonly kind: PushKindName;
  /** The instant the run was due. */
  readonly at: Date;
  readonly period: string;
}

export interface ScheduleContext {
  readonly timeZone: string;
  readonly calendar: WorkingDayCalendar;
}

function qualifies(schedule: PushSchedule, date: LocalDate, ctx: ScheduleContext): boolean {
  if (!schedule.firstWorkingDayOfQuarter) return true;
  const { year, month } = parseLocalDate(date);
  return ctx.calendar.firstWorkingDayOfQuarter(year, Math.ceil(month / 3)) === date;
}

/** Runs due in (from, to], oldest first. */
export function runsBetween(schedule: PushSchedule, from: Date, to: Date, ctx: ScheduleContext): ScheduledRun[] {
  const expression = CronExpressionParser.parse(schedule.cron, { currentDate: from, endDate: to, tz: ctx.timeZone });
  const runs: ScheduledRun[] = [];
  while (expression.hasNext()) {
    const at = expression.next().toDate();
    if (at.getTime() <= from.getTime() || at.getTime() > to.getTime()) continue;
    const date = localDateOf(at, ctx.timeZone);
    if (qualifies(schedule, date, ctx)) runs.push({ kind: schedule.kind, at, period: periodForRun(schedule.kind, date) });
  }
  return runs;
}

/** The latest run due at or before `now` within `lookbackMs`: what a worker that was down owes. */
export function latestDueRun(schedule: PushSchedule, now: Date, lookbackMs: number, ctx: ScheduleContext): ScheduledRun | undefined {
  return runsBetween(schedule, new Date(now.getTime() - lookbackMs), now, ctx).at(-1);
}

/** The next run strictly after `now` (what BullMQ's scheduler will fire next). */
export function nextRun(schedule: PushSchedule, now: Date, ctx: ScheduleContext, horizonDays = 400): ScheduledRun | undefined {
  return runsBetween(schedule, now, new Date(now.getTime() + horizonDays * 86_400_000), ctx)[0];
}
