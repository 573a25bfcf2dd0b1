import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

const valid = {
  FEISHU_APP_ID: 'cli_a',
  FEISHU_APP_SECRET: 'secret',
  FEISHU_VERIFICATION_TOKEN: 'vt',
  DATABASE_URL: 'postgresql://u@localhost:5432/db',
  ADMIN_TOKEN: 'a-long-admin-token-123',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.feishu.domain).toBe('https://open.feishu.cn');
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.http.port).toBe(3000);
    expect(config.redisUrl).toBeUndefined();
  });

  it('lists every problem at once', () => {
    const found = problems({ ...valid, PORT: 'eighty', DATABASE_URL: 'mysql://x/y', FEISHU_APP_SECRET: undefined });
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/PORT/);
    expect(found.join('\n')).toMatch(/DATABASE_URL/);
    expect(found.join('\n')).toMatch(/FEISHU_APP_SECRET is required/);
  });

  it('has no default for secrets', () => {
    const found = problems({});
    for (const name of ['FEISHU_APP_ID', 'FEISHU_APP_SECRET', 'FEISHU_VERIFICATION_TOKEN', 'DATABASE_URL', 'ADMIN_TOKEN']) {
      expect(found.some((p) => p.includes(name))).toBe(true);
    }
  });

  it('requires an encrypt key in production only', () => {
    expect(problems({ ...valid, NODE_ENV: 'production' })).toEqual([
      'FEISHU_ENCRYPT_KEY is required in production (events must be signed and encrypted)',
    ]);
    expect(problems({ ...valid, NODE_ENV: 'production', FEISHU_ENCRYPT_KEY: 'k' })).toEqual([]);
  });

  it('treats an empty REDIS_URL as unset and validates a set one', () => {
    expect(loadConfig({ ...valid, REDIS_URL: '' }).redisUrl).toBeUndefined();
    expect(loadConfig({ ...valid, REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(problems({ ...valid, REDIS_URL: 'http://x' })[0]).toMatch(/REDIS_URL/);
  });

  it('strips a trailing slash from FEISHU_DOMAIN and rejects unknown time zones', () => {
    expect(loadConfig({ ...valid, FEISHU_DOMAIN: 'http://127.0.0.1:4000/' }).feishu.domain).toBe('http://127.0.0.1:4000');
    expect(problems({ ...valid, TZ_PARTY: 'Mars/Olympus' })[0]).toMatch(/TZ_PARTY/);
  });

  it('returns a frozen object', () => {
    const config = loadConfig(valid);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.feishu)).toBe(true);
  });
});
