// Instants map to periods in Shanghai (or the zone passed in), never in the server's own zone.
import { afterEach, describe, expect, it } from 'vitest';
import { formatPeriodKey, parsePeriodKey } from '../../../../src/domain/periods/period-key.js';
import { localDateOf, periodEnd, periodOf, periodStart, startOfLocalDate, zonedInstant } from '../../../../src/domain/periods/zoned-time.js';

const at = (iso: string) => new Date(iso);
const keyOf = (iso: string, kind: 'month' | 'quarter' | 'year', tz?: string) => formatPeriodKey(periodOf(at(iso), kind, tz));

describe('periodOf in Asia/Shanghai', () => {
  it('counts a claim at 2026-03-31T16:30Z in April and Q2', () => {
    expect(localDateOf(at('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(keyOf('2026-03-31T16:30:00Z', 'month')).toBe('2026-04');
    expect(keyOf('2026-03-31T16:30:00Z', 'quarter')).toBe('2026-Q2');
    expect(keyOf('2026-03-31T16:30:00Z', 'year')).toBe('2026');
  });

  it.each([
    ['2026-03-31T15:59:59.999Z', '2026-03', '2026-Q1', '2026'],
    ['2026-03-31T16:00:00.000Z', '2026-04', '2026-Q2', '2026'],
    ['2026-12-31T15:59:59.999Z', '2026-12', '2026-Q4', '2026'],
    ['2026-12-31T16:00:00.000Z', '2027-01', '2027-Q1', '2027'],
  ])('%s → %s %s %s', (iso, month, quarter, year) => {
    expect(keyOf(iso, 'month')).toBe(month);
    expect(keyOf(iso, 'quarter')).toBe(quarter);
    expect(keyOf(iso, 'year')).toBe(year);
  });

  it('uses the zone passed in', () => {
    expect(keyOf('2026-03-31T16:30:00Z', 'month', 'UTC')).toBe('2026-03');
    expect(keyOf('2026-04-01T02:00:00Z', 'month', 'America/New_York')).toBe('2026-03');
  });

  it('rejects unknown zones and invalid instants', () => {
    expect(() => periodOf(at('2026-01-01T00:00:00Z'), 'month', 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'INVALID_TIMEZONE' }));
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('server time zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each([['America/Los_Angeles'], ['UTC'], ['Pacific/Kiritimati']])('gives the same answers when the server runs in %s', (serverZone) => {
    process.env.TZ = serverZone;
    expect(keyOf('2026-03-31T16:30:00Z', 'month')).toBe('2026-04');
    expect(periodStart(parsePeriodKey('2026-Q2')).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });
});

describe('period instants', () => {
  it.each([
    ['2026-04', '2026-03-31T16:00:00.000Z', '2026-04-30T16:00:00.000Z'],
    ['2026-Q4', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('%s spans [%s, %s)', (text, start, end) => {
    expect(periodStart(parsePeriodKey(text)).toISOString()).toBe(start);
    expect(periodEnd(parsePeriodKey(text)).toISOString()).toBe(end);
  });

  it('follows historical offsets (Shanghai observed DST in 1988)', () => {
    expect(startOfLocalDate('1988-05-01').toISOString()).toBe('1988-04-30T15:00:00.000Z');
  });

  it('builds wall-clock instants for pushes', () => {
    expect(zonedInstant('2026-10-08', 9, 0).toISOString()).toBe('2026-10-08T01:00:00.000Z');
    expect(() => zonedInstant('2026-10-08', 24, 0)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
