// The Chinese working-day calendar: statutory holidays, make-up working days, overrides, uncovered years.
import { describe, expect, it } from 'vitest';
import shippedOverride from '../../../../config/workdays.override.json' with { type: 'json' };
import { createWorkingDayCalendar } from '../../../../src/domain/calendar/working-day-calendar.js';
import { WorkdayOverride } from '../../../../src/domain/calendar/workday-override.js';
import { parseWorkdayOverrideText } from '../../../../src/domain/calendar/load-workday-override.js';

const calendar = createWorkingDayCalendar();

describe('isWorkingDay from the dataset', () => {
  it.each([
    ['2026-10-01', false, 'holiday'], // National Day, a Thursday
    ['2026-10-07', false, 'holiday'],
    ['2026-10-08', true, 'workday'], // first day back
    ['2026-10-10', true, 'makeUpWorkday'], // Saturday worked in lieu
    ['2026-10-11', false, 'weekend'],
    ['2026-09-20', true, 'makeUpWorkday'], // Sunday worked in lieu
    ['2026-01-01', false, 'holiday'],
    ['2026-01-04', true, 'makeUpWorkday'], // Sunday worked in lieu of New Year
    ['2026-02-16', false, 'holiday'], // Spring Festival, a Monday
    ['2026-03-04', true, 'workday'],
    ['2026-03-07', false, 'weekend'],
  ])('%s working=%s (%s)', (date, working, kind) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.dayInfo(date).kind).toBe(kind);
  });

  it('covers 2004 to at least 2026', () => {
    expect(calendar.coveredYears[0]).toBe(2004);
    expect(calendar.coveredYears).toContain(2026);
  });
});

describe('first working day of a quarter or month', () => {
  it.each([
    [2026, 1, '2026-01-04'], // 1–3 Jan holiday; Sunday the 4th is a make-up working day
    [2026, 2, '2026-04-01'],
    [2026, 3, '2026-07-01'],
    [2026, 4, '2026-10-08'], // National Day holiday 1–7 Oct shifts it
  ])('%i Q%i → %s', (year, quarter, expected) => {
    expect(calendar.firstWorkingDayOfQuarter(year, quarter)).toBe(expected);
  });

  it.each([
    [2026, 2, '2026-02-02'], // 1 Feb is a Sunday
    [2026, 5, '2026-05-06'], // Labour Day 1–5 May
    [2026, 9, '2026-09-01'],
  ])('%i-%i → %s', (year, month, expected) => {
    expect(calendar.firstWorkingDayOfMonth(year, month)).toBe(expected);
  });

  it('rejects a quarter outside 1–4', () => {
    expect(() => calendar.firstWorkingDayOfQuarter(2026, 5)).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
  });
});

describe('years the dataset does not cover', () => {
  it('refuses to guess by default', () => {
    expect(() => calendar.isWorkingDay('2099-01-05')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_COVERED' }));
    expect(() => calendar.firstWorkingDayOfQuarter(2099, 1)).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_COVERED' }));
  });

  it('answers from an override that declares the year covered', () => {
    const withOverride = createWorkingDayCalendar({
      override: {
        coveredYears: [2099],
        holidays: { '2099-01-01': '元旦', '2099-01-02': '元旦' },
        workdays: { '2099-01-04': '元旦调休' }, // a Sunday
      },
    });
    expect(withOverride.coveredYears).toContain(2099);
    expect(withOverride.firstWorkingDayOfQuarter(2099, 1)).toBe('2099-01-04');
    expect(withOverride.dayInfo('2099-01-04')).toMatchObject({ working: true, kind: 'makeUpWorkday', source: 'override' });
    expect(withOverride.isWorkingDay('2099-01-05')).toBe(true);
  });

  it('guesses Monday–Friday only when asked to', () => {
    const lenient = createWorkingDayCalendar({ uncoveredYears: 'weekdays' });
    expect(lenient.isWorkingDay('2099-01-01')).toBe(true); // a Thursday: no holiday data, so working
    expect(lenient.dayInfo('2099-01-03')).toMatchObject({ working: false, kind: 'weekend', source: 'weekday-rule' });
  });
});

describe('local overrides win over the dataset', () => {
  it('moves the first working day of Q4 when a local holiday is added', () => {
    const local = createWorkingDayCalendar({ override: { holidays: { '2026-10-08': '油田检修停工' } } });
    expect(local.firstWorkingDayOfQuarter(2026, 4)).toBe('2026-10-09');
  });

  it('turns a dataset holiday into a working day', () => {
    const local = createWorkingDayCalendar({ override: { workdays: { '2026-10-07': '值班' } } });
    expect(local.dayInfo('2026-10-07')).toMatchObject({ working: true, source: 'override' });
  });

  it.each([
    [{ holidays: { '2026-10-08': 'x' }, workdays: { '2026-10-08': 'y' } }, /both a holiday and a working day/],
    [{ holidays: { '2026-02-30': 'x' } }, /holidays\.2026-02-30/],
    [{ unknownKey: true }, /unrecognized|Unrecognized/],
    [{ coveredYears: ['2027'] }, /coveredYears/],
  ])('rejects an invalid override %j', (override, message) => {
    expect(() => createWorkingDayCalendar({ override })).toThrow(
      expect.objectContaining({ code: 'INVALID_CALENDAR_OVERRIDE', details: expect.objectContaining({ issues: expect.arrayContaining([expect.stringMatching(message)]) }) }),
    );
  });

  it('stops on an override that leaves no working day within a month', () => {
    const july = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`2026-07-${String(i + 1).padStart(2, '0')}`, 'x']));
    const local = createWorkingDayCalendar({ override: { holidays: july } });
    expect(() => local.firstWorkingDayOfMonth(2026, 7)).toThrow(expect.objectContaining({ code: 'INVALID_CALENDAR_OVERRIDE' }));
  });

  it('ships a valid, empty override file', () => {
    const parsed = WorkdayOverride.parse(shippedOverride);
    expect(parsed).toMatchObject({ coveredYears: [], holidays: {}, workdays: {} });
  });

  it.each([
    ['{ not json', /not valid JSON/],
    ['{"holidays": {"2027-01-01": 5}}', /holidays\.2027-01-01/],
    ['[]', /override shape/],
  ])('rejects override text %j', (text, message) => {
    let thrown: unknown;
    try {
      parseWorkdayOverrideText(text, 'test.json');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_CALENDAR_OVERRIDE', details: { source: 'test.json' } });
    expect(`${(thrown as Error).message} ${JSON.stringify((thrown as { details: unknown }).details)}`).toMatch(message);
  });

  it('parses override text into a calendar-ready override', () => {
    const override = parseWorkdayOverrideText('{"coveredYears":[2099],"holidays":{"2099-01-01":"元旦"}}');
    expect(createWorkingDayCalendar({ override }).isWorkingDay('2099-01-01')).toBe(false);
  });
});
