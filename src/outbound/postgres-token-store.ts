// Tenant token store on PostgreSQL (KeyValueCache) for sites without Redis: one token and one
// refresh lock row per app, shared by every worker process. The lock is a lease row rather than
// an advisory lock, because pooled connections cannot hold a session lock across calls.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/prisma.js';
import { tenantTokenKeys, type TenantTokenStore, type TokenLock } from './token-store.js';

export class PostgresTenantTokenStore implements TenantTokenStore {
  constructor(
    private readonly db: Db,
    private readonly keyPrefix: string = '',
    private readonly now: () => number = Date.now,
  ) {}

  private tokenKey(appId: string): string {
    return tenantTokenKeys(this.keyPrefix, appId).token;
  }

  private lockKey(appId: string): string {
    return tenantTokenKeys(this.keyPrefix, appId).lock;
  }

  async get(appId: string): Promise<string | null> {
    const row = await this.db.keyValueCache.findUnique({ where: { key: this.tokenKey(appId) } });
    return row && row.expiresAt.getTime() > this.now() ? row.value : null;
  }

  async set(appId: string, token: string, expiresAtMs: number): Promise<void> {
    if (expiresAtMs <= this.now()) return;
    const key = this.tokenKey(appId);
    const expiresAt = new Date(expiresAtMs);
    await this.db.keyValueCache.upsert({ where: { key }, create: { key, value: token, expiresAt }, update: { value: token, expiresAt } });
  }

  async invalidate(appId: string, token: string): Promise<void> {
    // Compare-and-delete: a token another process already replaced stays.
    await this.db.keyValueCache.deleteMany({ where: { key: this.tokenKey(appId), value: token } });
  }

  async tryLock(appId: string, ttlMs: number): Promise<TokenLock | null> {
    const key = this.lockKey(appId);
    const owner = randomUUID();
    // Take the row if it is free or its lease ran out (a crashed holder); one statement, so
    // concurrent callers serialise on the row and exactly one sees its own owner id come back.
    const rows = await this.db.$queryRaw<{ value: string }[]>`
      INSERT INTO key_value_cache (key, value, expires_at, updated_at)
      VALUES (${key}, ${owner}, now() + ${ttlMs}::double precision * interval '1 millisecond', now())
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at, updated_at = now()
        WHERE key_value_cache.expires_at <= now()
      RETURNING value`;
    if (rows[0]?.value !== owner) return null;
    return {
      release: async () => {
        await this.db.keyValueCache.deleteMany({ where: { key, value: owner } });
      },
    };
  }
}
