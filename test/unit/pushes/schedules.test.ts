// The push schedules on a fake clock, in Asia/Shanghai: which runs fall due across month,
// quarter and year ends, the quarter's first working day shifted by holidays, and the period
// each run reports on.
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../../src/domain/calendar/working-day-calendar.js';
import { checkPushPeriod } from '../../../src/pushes/push-kinds.js';
import { DEFAULT_SCHEDULES, latestDueRun, nextRun, pushSchedules, runsBetween } from '../../../src/pushes/schedules.js';

const ctx = { timeZone: 'Asia/Shanghai', calendar: createWorkingDayCalendar() };
const at = (iso: string) => new Date(iso);
const runs = (kind: keyof typeof DEFAULT_SCHEDULES, from: string, to: string) =>
  runsBetween(DEFAULT_SCHEDULES[kind], at(from), at(to), ctx).map((r) => [r.at.toISOString(), r.period]);

describe('push schedules in Asia/Shanghai', () => {
  it('reminds on the 25th at 09:00 Shanghai (01:00 UTC), for that month, across the year end', () => {
    expect(runs('monthly-reminder', '2026-11-01T00:00:00Z', '2027-02-01T00:00:00Z')).toEqual([
      ['2026-11-25T01:00:00.000Z', '2026-11'],
      ['2026-12-25T01:00:00.000Z', '2026-12'],
      ['2027-01-25T01:00:00.000Z', '2027-01'],
    ]);
  });

  it('sends the digest on the 1st for the month before, even when UTC is still on the last day', () => {
    // 2026-11-30T23:30Z is already 1 December 07:30 in Shanghai: the run is 90 minutes away.
    expect(runs('monthly-digest', '2026-11-30T23:30:00Z', '2026-12-01T02:00:00Z')).toEqual([['2026-12-01T01:00:00.000Z', '2026-11']]);
    expect(runs('monthly-digest', '2026-12-31T16:00:00Z', '2027-01-01T02:00:00Z')).toEqual([['2027-01-01T01:00:00.000Z', '2026-12']]);
  });

  it('takes the quarter stocktake on the first working day: 4 January (a make-up Sunday), 1 April, 1 July, 8 October after National Day', () => {
    expect(runs('quarterly-stocktake', '2025-12-31T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([
      ['2026-01-04T01:00:00.000Z', '2026-Q1'],
      ['2026-04-01T01:00:00.000Z', '2026-Q2'],
      ['2026-07-01T01:00:00.000Z', '2026-Q3'],
      ['2026-10-08T01:00:00.000Z', '2026-Q4'],
    ]);
    expect(runs('quarterly-stocktake', '2025-09-30T00:00:00Z', '2025-10-31T00:00:00Z')).toEqual([['2025-10-09T01:00:00.000Z', '2025-Q4']]);
  });

  it('prompts the annual evaluation on 15 December and the pledge window on 2 January, by year', () => {
    expect(runs('annual-evaluation', '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z')).toEqual([['2026-12-15T01:00:00.000Z', '2026']]);
    expect(runs('pledge-window', '2026-12-31T00:00:00Z', '2027-01-03T00:00:00Z')).toEqual([['2027-01-02T01:00:00.000Z', '2027']]);
  });

  it('sends the results on 10 January, for the year before', () => {
    expect(runs('annual-results', '2026-12-31T00:00:00Z', '2027-01-31T00:00:00Z')).toEqual([['2027-01-10T01:00:00.000Z', '2026']]);
  });

  it('checks stale reviews daily, the period being the Shanghai day', () => {
    expect(runs('stale-reviews', '2026-11-27T20:00:00Z', '2026-11-29T02:00:00Z')).toEqual([
      ['2026-11-28T01:00:00.000Z', '2026-11-28'],
      ['2026-11-29T01:00:00.000Z', '2026-11-29'],
    ]);
  });

  it('finds the run a worker missed while down, and the next one it will fire', () => {
    const reminder = DEFAULT_SCHEDULES['monthly-reminder'];
    expect(latestDueRun(reminder, at('2026-11-27T03:00:00Z'), 3 * 86_400_000, ctx)?.period).toBe('2026-11');
    expect(latestDueRun(reminder, at('2026-11-29T03:00:00Z'), 3 * 86_400_000, ctx)).toBeUndefined();
    expect(latestDueRun(reminder, at('2026-11-25T00:59:59Z'), 3 * 86_400_000, ctx)).toBeUndefined();
    expect(nextRun(reminder, at('2026-11-25T01:00:00Z'), ctx, 60)?.at.toISOString()).toBe('2026-12-25T01:00:00.000Z');
  });

  it('takes cron overrides as data and refuses a broken pattern', () => {
    expect(pushSchedules({ 'monthly-reminder': '30 8 20 * *' }).find((s) => s.kind === 'monthly-reminder')?.cron).toBe('30 8 20 * *');
    expect(() => pushSchedules({ 'monthly-reminder': 'every day' })).toThrow();
  });

  it('accepts each kind only with its own period form', () => {
    expect(checkPushPeriod('monthly-reminder', '2026-11')).toEqual({ ok: true, period: '2026-11' });
    expect(checkPushPeriod('quarterly-stocktake', '2026-Q4')).toEqual({ ok: true, period: '2026-Q4' });
    expect(checkPushPeriod('annual-evaluation', '2026')).toEqual({ ok: true, period: '2026' });
    expect(checkPushPeriod('stale-reviews', '2026-11-28')).toEqual({ ok: true, period: '2026-11-28' });
    expect(checkPushPeriod('monthly-digest', '2026-Q4')).toEqual({ ok: false, expected: 'month' });
    expect(checkPushPeriod('stale-reviews', '2026-02-30')).toEqual({ ok: false, expected: 'day' });
    expect(checkPushPeriod('pledge-window', '2026-q1')).toEqual({ ok: false, expected: 'year' });
  });
});
