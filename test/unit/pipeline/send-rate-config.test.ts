// The send-limit variables: Feishu's defaults, overrides, and a reserve that must leave fan-out room.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { dedupeRetentionMs } from '../../../src/pipeline/maintenance.js';

const valid = {
  FEISHU_APP_ID: 'cli_a',
  FEISHU_APP_SECRET: 'secret',
  FEISHU_VERIFICATION_TOKEN: 'vt',
  DATABASE_URL: 'postgresql://u@localhost:5432/db',
  ADMIN_TOKEN: 'a-long-admin-token-123',
};

describe('send rate limits in the config', () => {
  it('default to Feishu’s limits with a small reserve for replies', () => {
    expect(loadConfig(valid).feishu.rateLimits).toEqual({ perSecond: 50, perMinute: 1000, perReceiver: 5, interactiveReserve: 2 });
  });

  it('take overrides, and refuse a reserve that leaves fan-out nothing', () => {
    expect(loadConfig({ ...valid, FEISHU_RATE_PER_SECOND: '20', FEISHU_RATE_PER_MINUTE: '600' }).feishu.rateLimits).toMatchObject({ perSecond: 20, perMinute: 600 });
    expect(() => loadConfig({ ...valid, FEISHU_RATE_PER_SECOND: '5', FEISHU_RATE_INTERACTIVE_RESERVE: '5' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, FEISHU_RATE_PER_RECEIVER: '0' })).toThrow(ConfigError);
  });
});

describe('dedupe retention', () => {
  it('is at least 7 days, and always a day longer than the signature window', () => {
    const day = 24 * 3600 * 1000;
    expect(dedupeRetentionMs(loadConfig(valid))).toBe(7 * day);
    expect(dedupeRetentionMs(loadConfig({ ...valid, FEISHU_SIGNATURE_MAX_AGE_S: String(10 * 24 * 3600) }))).toBe(11 * day);
  });
});
