// The Chinese working-day calendar: statutory holidays and make-up working days, from the chinese-days
// dataset plus the local override file, answering "is this a working day" and "first working day of …".
//
// Why: the quarterly stocktake goes out on the first working day of Jan/Apr/Jul/Oct (product.md §8);
// on 2026-10-01 that is not the 1st but the day after the National Day holiday. A year neither the
// dataset nor the override covers is an error by default, because guessing weekends-only would send a
// push on a holiday; callers may opt into that guess explicitly.
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { DomainError } from '../errors.js';
import { addDays, formatLocalDate, isoWeekday, parseLocalDate, type LocalDate } from '../periods/local-date.js';
import { EMPTY_WORKDAY_OVERRIDE, WorkdayOverride } from './workday-override.js';

/** The dataset's own shape: date → "English name,中文名,days". */
export interface HolidayDataset {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

export interface DayInfo {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** Holiday name as the source gives it (dataset: "National Day,国庆节,3"; override: free text). */
  readonly note?: string;
  readonly source: 'dataset' | 'override' | 'weekday-rule';
}

export interface CalendarOptions {
  /** Parsed or raw override content; validated here. */
  readonly override?: unknown;
  /** What to do for a year nobody covers: throw (default) or assume Monday–Friday. */
  readonly uncoveredYears?: 'error' | 'weekdays';
  /** Replaces the packaged dataset (tests, or a newer copy). */
  readonly dataset?: HolidayDataset;
}

export interface WorkingDayCalendar {
  readonly coveredYears: readonly number[];
  dayInfo(date: LocalDate): DayInfo;
  isWorkingDay(date: LocalDate): boolean;
  /** The first working day on or after `date`. */
  nextWorkingDayFrom(date: LocalDate): LocalDate;
  firstWorkingDayOfMonth(year: number, month: number): LocalDate;
  firstWorkingDayOfQuarter(year: number, quarter: number): LocalDate;
}

function yearsOf(dataset: HolidayDataset): number[] {
  return [...new Set(Object.keys(dataset.holidays).map((date) => Number(date.slice(0, 4))))];
}

export function createWorkingDayCalendar(options: CalendarOptions = {}): WorkingDayCalendar {
  const parsed = WorkdayOverride.safeParse(options.override ?? EMPTY_WORKDAY_OVERRIDE);
  if (!parsed.success) {
    throw new DomainError('INVALID_CALENDAR_OVERRIDE', 'the working-day override file is invalid', {
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  const override = parsed.data;
  const dataset = options.dataset ?? (holidayData as HolidayDataset);
  const covered = new Set([...yearsOf(dataset), ...override.coveredYears]);
  const uncovered = options.uncoveredYears ?? 'error';

  function dayInfo(date: LocalDate): DayInfo {
    const { year } = parseLocalDate(date);
    const weekend = isoWeekday(date) >= 6;
    // The override wins over the dataset: it is the local, more recent word.
    const overrideHoliday = override.holidays[date];
    if (overrideHoliday !== undefined) return { date, working: false, kind: 'holiday', note: overrideHoliday, source: 'override' };
    const overrideWorkday = override.workdays[date];
    if (overrideWorkday !== undefined) {
      return { date, working: true, kind: weekend ? 'makeUpWorkday' : 'workday', note: overrideWorkday, source: 'override' };
    }
    if (!covered.has(year) && uncovered === 'error') {
      throw new DomainError('CALENDAR_YEAR_NOT_COVERED', `no holiday data for ${year}; add it to the override file`, { year });
    }
    const holiday = dataset.holidays[date];
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', note: holiday, source: 'dataset' };
    const makeUp = dataset.workdays[date];
    if (makeUp !== undefined) return { date, working: true, kind: 'makeUpWorkday', note: makeUp, source: 'dataset' };
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', source: 'weekday-rule' };
  }

  function nextWorkingDayFrom(date: LocalDate): LocalDate {
    // The longest run of days off in the data is the 9-day Spring Festival break; 31 is a generous bound
    // that still stops a corrupted override (a year of holidays) from looping forever.
    let day = date;
    for (let step = 0; step < 31; step += 1, day = addDays(day, 1)) {
      if (dayInfo(day).working) return day;
    }
    throw new DomainError('INVALID_CALENDAR_OVERRIDE', `no working day within 31 days of ${date}`, { date });
  }

  function firstWorkingDayOfMonth(year: number, month: number): LocalDate {
    return nextWorkingDayFrom(formatLocalDate({ year, month, day: 1 }));
  }

  function firstWorkingDayOfQuarter(year: number, quarter: number): LocalDate {
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
      throw new DomainError('INVALID_PERIOD', `no such quarter: ${quarter}`);
    }
    return firstWorkingDayOfMonth(year, quarter * 3 - 2);
  }

  return {
    coveredYears: [...covered].sort((a, b) => a - b),
    dayInfo,
    isWorkingDay: (date) => dayInfo(date).working,
    nextWorkingDayFrom,
    firstWorkingDayOfMonth,
    firstWorkingDayOfQuarter,
  };
}
