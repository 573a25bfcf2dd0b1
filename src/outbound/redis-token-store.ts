// Tenant token store on Redis: one token and one refresh lock per app, shared by all processes.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { tenantTokenKeys, type TenantTokenStore, type TokenLock } from './token-store.js';

// Delete only if the value is still ours: for lock release and for invalidating a stale token.
const COMPARE_AND_DELETE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisTenantTokenStore implements TenantTokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string = 'vanguard:',
    private readonly now: () => number = Date.now,
  ) {}

  private tokenKey(appId: string): string {
    return tenantTokenKeys(this.keyPrefix, appId).token;
  }

  private lockKey(appId: string): string {
    return tenantTokenKeys(this.keyPrefix, appId).lock;
  }

  async get(appId: string): Promise<string | null> {
    return this.redis.get(this.tokenKey(appId));
  }

  async set(appId: string, token: string, expiresAtMs: number): Promise<void> {
    const ttl = Math.floor(expiresAtMs - this.now());
    if (ttl <= 0) return;
    await this.redis.set(this.tokenKey(appId), token, 'PX', ttl);
  }

  async invalidate(appId: string, token: string): Promise<void> {
    await this.redis.eval(COMPARE_AND_DELETE, 1, this.tokenKey(appId), token);
  }

  async tryLock(appId: string, ttlMs: number): Promise<TokenLock | null> {
    const owner = randomUUID();
    const key = this.lockKey(appId);
    const ok = await this.redis.set(key, owner, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return null;
    return {
      release: async () => {
        await this.redis.eval(COMPARE_AND_DELETE, 1, key, owner);
      },
    };
  }
}
