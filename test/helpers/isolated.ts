// Per-file isolation for integration tests: a database cloned from the migrated template,
// a Redis key prefix of its own, and cleanup of both when the file ends.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Config } from '../../src/config.js';
import { createPrisma, type Db } from '../../src/db/prisma.js';
import { createTestDatabase, dropDatabase } from './databases.js';
import { TEST_REDIS_URL, testConfig } from './test-env.js';

export interface Isolated {
  databaseName: string;
  databaseUrl: string;
  redisUrl: string;
  /** Key prefix for BullMQ and anything else this file writes to Redis. */
  redisPrefix: string;
  db: Db;
  config(overrides?: Record<string, string | undefined>): Config;
}

export function useIsolated(): Isolated {
  const state = {} as Isolated;
  beforeAll(async () => {
    const { name, url } = await createTestDatabase(inject('templateDatabase'));
    state.databaseName = name;
    state.databaseUrl = url;
    state.redisUrl = TEST_REDIS_URL;
    state.redisPrefix = `vgt_${randomBytes(5).toString('hex')}`;
    state.db = createPrisma(url, { poolSize: 5 });
    state.config = (overrides = {}) => testConfig({ DATABASE_URL: url, ...overrides });
  });
  afterAll(async () => {
    await state.db?.$disconnect();
    if (state.redisPrefix) await deleteRedisKeys(`${state.redisPrefix}*`);
    if (state.databaseName) await dropDatabase(state.databaseName);
  });
  return state;
}

async function deleteRedisKeys(pattern: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
