// Both tenant token stores honour the same contract: expiry, compare-and-delete, an exclusive lock.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisTenantTokenStore } from '../../../src/outbound/redis-token-store.js';
import { InMemoryTenantTokenStore, type TenantTokenStore } from '../../../src/outbound/token-store.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:${randomUUID()}:`;

async function redisAvailable(): Promise<Redis | null> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000 });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}

const redis = await redisAvailable();
if (!redis) console.warn(`Redis token-store tests skipped: no Redis at ${REDIS_URL}`);

afterAll(async () => {
  if (!redis) return;
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

function contract(name: string, make: (now: () => number) => TenantTokenStore, skip = false): void {
  describe.skipIf(skip)(name, () => {
    it('returns a stored token until it expires', async () => {
      const store = make(Date.now);
      const app = `cli_${randomUUID()}`;
      expect(await store.get(app)).toBeNull();
      await store.set(app, 't-1', Date.now() + 60_000);
      expect(await store.get(app)).toBe('t-1');
      await store.set(app, 't-2', Date.now() - 1);
      // An already-expired token is never served (Redis skips the write, memory drops it on read).
      expect(await store.get(app)).not.toBe('t-2');
    });

    it('invalidates only the token it was told about', async () => {
      const store = make(Date.now);
      const app = `cli_${randomUUID()}`;
      await store.set(app, 't-new', Date.now() + 60_000);
      await store.invalidate(app, 't-old');
      expect(await store.get(app)).toBe('t-new');
      await store.invalidate(app, 't-new');
      expect(await store.get(app)).toBeNull();
    });

    it('gives the refresh lock to one holder at a time, and frees it on release', async () => {
      const store = make(Date.now);
      const app = `cli_${randomUUID()}`;
      const locks = await Promise.all(Array.from({ length: 10 }, () => store.tryLock(app, 10_000)));
      expect(locks.filter(Boolean)).toHaveLength(1);
      await locks.find(Boolean)!.release();
      const again = await store.tryLock(app, 10_000);
      expect(again).not.toBeNull();
      await again!.release();
    });
  });
}

contract('InMemoryTenantTokenStore', (now) => new InMemoryTenantTokenStore(now));
contract('RedisTenantTokenStore', (now) => new RedisTenantTokenStore(redis!, prefix, now), !redis);

describe('InMemoryTenantTokenStore lock expiry', () => {
  it('lets a new holder in once the lock TTL has passed (a crashed holder)', async () => {
    let now = 0;
    const store = new InMemoryTenantTokenStore(() => now);
    expect(await store.tryLock('a', 100)).not.toBeNull();
    expect(await store.tryLock('a', 100)).toBeNull();
    now = 101;
    expect(await store.tryLock('a', 100)).not.toBeNull();
  });
});
