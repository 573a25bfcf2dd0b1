// Period keys and calendar arithmetic: parse, format, containment, shifting across years.
import { describe, expect, it } from 'vitest';
import {
  firstDayOf,
  formatPeriodKey,
  isPeriodKey,
  lastDayOf,
  monthsOf,
  nextPeriod,
  parsePeriodKey,
  periodContains,
  periodOfDate,
  previousPeriod,
  shiftPeriod,
} from '../../../../src/domain/periods/period-key.js';
import { addDays, isLocalDate, isoWeekday, parseLocalDate } from '../../../../src/domain/periods/local-date.js';

const key = (text: string) => parsePeriodKey(text);

describe('parsePeriodKey / formatPeriodKey', () => {
  it.each([
    ['2026-11', { kind: 'month', year: 2026, index: 11 }],
    ['2026-01', { kind: 'month', year: 2026, index: 1 }],
    ['2026-Q4', { kind: 'quarter', year: 2026, index: 4 }],
    ['2026', { kind: 'year', year: 2026, index: 1 }],
  ])('parses %s and formats it back', (text, period) => {
    expect(parsePeriodKey(text)).toEqual(period);
    expect(formatPeriodKey(parsePeriodKey(text))).toBe(text);
    expect(isPeriodKey(text)).toBe(true);
  });

  it.each([['2026-13'], ['2026-00'], ['2026-1'], ['2026-Q5'], ['2026-Q0'], ['2026-q4'], ['26'], ['0000'], ['2026-11-01'], [''], [' 2026']])(
    'rejects %j',
    (text) => {
      expect(isPeriodKey(text)).toBe(false);
      expect(() => parsePeriodKey(text)).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    },
  );

  it('rejects impossible periods when formatting', () => {
    expect(() => formatPeriodKey({ kind: 'month', year: 2026, index: 13 })).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    expect(() => formatPeriodKey({ kind: 'quarter', year: 2026, index: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
  });
});

describe('bounds and containment', () => {
  it.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026', '2026-01-01', '2026-12-31'],
  ])('%s runs %s … %s', (text, first, last) => {
    expect(firstDayOf(key(text))).toBe(first);
    expect(lastDayOf(key(text))).toBe(last);
    expect(periodContains(key(text), first)).toBe(true);
    expect(periodContains(key(text), last)).toBe(true);
    expect(periodContains(key(text), addDays(first, -1))).toBe(false);
    expect(periodContains(key(text), addDays(last, 1))).toBe(false);
  });

  it.each([
    ['2026-03-31', '2026-03', '2026-Q1', '2026'],
    ['2026-04-01', '2026-04', '2026-Q2', '2026'],
    ['2026-12-31', '2026-12', '2026-Q4', '2026'],
    ['2027-01-01', '2027-01', '2027-Q1', '2027'],
  ])('%s is in %s, %s, %s', (date, month, quarter, year) => {
    expect(formatPeriodKey(periodOfDate(date, 'month'))).toBe(month);
    expect(formatPeriodKey(periodOfDate(date, 'quarter'))).toBe(quarter);
    expect(formatPeriodKey(periodOfDate(date, 'year'))).toBe(year);
  });

  it('lists the months of a quarter', () => {
    expect(monthsOf(key('2026-Q3')).map(formatPeriodKey)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOf(key('2026'))).toHaveLength(12);
  });
});

describe('next / previous', () => {
  it.each([
    ['2026-12', '2027-01', '2026-11'],
    ['2026-01', '2026-02', '2025-12'],
    ['2026-Q4', '2027-Q1', '2026-Q3'],
    ['2026-Q1', '2026-Q2', '2025-Q4'],
    ['2026', '2027', '2025'],
  ])('%s → next %s, previous %s', (text, next, previous) => {
    expect(formatPeriodKey(nextPeriod(key(text)))).toBe(next);
    expect(formatPeriodKey(previousPeriod(key(text)))).toBe(previous);
  });

  it('shifts many steps across years', () => {
    expect(formatPeriodKey(shiftPeriod(key('2026-11'), 14))).toBe('2028-01');
    expect(formatPeriodKey(shiftPeriod(key('2026-Q2'), -6))).toBe('2024-Q4');
  });
});

describe('local dates', () => {
  it.each([['2026-02-29', false], ['2028-02-29', true], ['2026-04-31', false], ['2026-4-1', false], ['2026-12-31', true]])(
    '%s valid: %s',
    (text, valid) => {
      expect(isLocalDate(text)).toBe(valid);
    },
  );

  it('adds days across month and year ends, and knows weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isoWeekday('2026-10-01')).toBe(4);
    expect(isoWeekday('2026-09-20')).toBe(7);
    expect(() => parseLocalDate('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
