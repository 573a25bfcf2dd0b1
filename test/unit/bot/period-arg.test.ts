// The period a score command asks about is counted in Shanghai, whatever the server's zone.
import { describe, expect, it } from 'vitest';
import { isPeriodWord, periodArg } from '../../../src/bot/period-arg.js';
import type { BotServices } from '../../../src/bot/services.js';
import { UserFacingError } from '../../../src/bot/user-error.js';

/** 16:30 UTC on 30 November is already 00:30 on 1 December in Shanghai. */
const services = { timeZone: 'Asia/Shanghai', now: () => new Date('2026-11-30T16:30:00Z') } as unknown as BotServices;

describe('periodArg', () => {
  it('reads 本月 / 上月 / 本季 / 本年 on the Shanghai date', () => {
    expect(periodArg(services, undefined)).toMatchObject({ key: '2026-12', label: '2026年12月' });
    expect(periodArg(services, '本月').key).toBe('2026-12');
    expect(periodArg(services, '上月').key).toBe('2026-11');
    expect(periodArg(services, '本季')).toMatchObject({ key: '2026-Q4', label: '2026年第四季度' });
    expect(periodArg(services, 'YEAR')).toMatchObject({ key: '2026', label: '2026年' });
  });

  it('takes period keys, refuses the future and anything else with a clear message', () => {
    expect(periodArg(services, '2026-q3').key).toBe('2026-Q3');
    expect(periodArg(services, '2025-07').label).toBe('2025年7月');
    expect(() => periodArg(services, '2027')).toThrow(UserFacingError);
    expect(() => periodArg(services, '2027-01')).toThrow('还没有到');
    expect(() => periodArg(services, '下个月吧')).toThrow('看不懂“下个月吧”');
  });

  it('tells period words from branch names', () => {
    expect(['本季', '2026-Q4', 'month'].every(isPeriodWord)).toBe(true);
    expect(['第二党支部', '本周'].some(isPeriodWord)).toBe(false);
  });
});
