// Where the test suite finds PostgreSQL and Redis, and the config every test starts from.
import { loadConfig, type Config } from '../../src/config.js';

/** Admin connection used to create and drop per-file databases. */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    FEISHU_APP_ID: 'cli_test_app',
    FEISHU_APP_SECRET: 'test-app-secret',
    FEISHU_ENCRYPT_KEY: 'test-encrypt-key',
    FEISHU_VERIFICATION_TOKEN: 'test-verification-token',
    FEISHU_DOMAIN: 'http://127.0.0.1:9',
    DATABASE_URL: databaseUrl('postgres'),
    ADMIN_TOKEN: 'test-admin-token-0123456789',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}
