// Plugs a shared TenantTokenStore into the SDK through its `cache` option, so the SDK keeps
// fetching tokens itself but only one process (the lock holder) fetches when the token is missing.
//
// How the SDK uses its cache (lib/index.js, TokenManager.getCustomTenantAccessToken, 1.74.0):
// get(CTenantAccessToken, {namespace: appId}); on a miss it POSTs tenant_access_token/internal
// and calls set(CTenantAccessToken, token, now + expire·1000 − 3 min, {namespace: appId}).
// So: a miss here takes the refresh lock and lets the SDK fetch; set() stores and unlocks.
// Callers that miss while someone else holds the lock wait for the token to appear.
import { setTimeout as delay } from 'node:timers/promises';
import { type Cache, CTenantAccessToken } from '@larksuiteoapi/node-sdk';
import type { TenantTokenStore, TokenLock } from './token-store.js';

export interface SharedTokenCacheOptions {
  /** Longest a refresh may take before another process may try (≥ the HTTP timeout). */
  lockTtlMs?: number;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type CacheKey = Parameters<Cache['get']>[0];
type CacheOpts = Parameters<Cache['get']>[1];

export class SharedTokenCache implements Cache {
  private readonly other = new Map<string, { value: unknown; expiresAt?: number }>();
  private readonly held = new Map<string, { lock: TokenLock; until: number }>();
  private readonly lockTtlMs: number;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly store: TenantTokenStore,
    options: SharedTokenCacheOptions = {},
  ) {
    this.lockTtlMs = options.lockTtlMs ?? 15_000;
    this.pollMs = options.pollMs ?? 25;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => delay(ms));
  }

  get = async (key: CacheKey, options?: CacheOpts): Promise<unknown> => {
    if (key !== CTenantAccessToken) return this.getOther(key, options);
    return (await this.tenantToken(options?.namespace ?? '')) ?? undefined;
  };

  set = async (key: CacheKey, value: unknown, expire?: number, options?: CacheOpts): Promise<boolean> => {
    if (key !== CTenantAccessToken) {
      this.other.set(this.otherKey(key, options), { value, ...(expire !== undefined ? { expiresAt: expire } : {}) });
      return true;
    }
    const appId = options?.namespace ?? '';
    // A lifetime under the SDK's 3-minute margin yields an expiry in the past: nothing to share then.
    if (typeof value === 'string' && expire !== undefined && expire > this.now()) await this.store.set(appId, value, expire);
    await this.abandonRefresh(appId);
    return true;
  };

  /** After 99991663 & co: forget this token (if nobody replaced it yet) so the next call refreshes. */
  async invalidate(appId: string, token: string): Promise<void> {
    await this.store.invalidate(appId, token);
  }

  /** Releases our refresh lock, e.g. when the token request failed and set() will never come. */
  async abandonRefresh(appId: string): Promise<void> {
    const held = this.held.get(appId);
    this.held.delete(appId);
    await held?.lock.release();
  }

  private async tenantToken(appId: string): Promise<string | null> {
    // Waiting past the lock TTL means the holder died; then fetch ourselves rather than stall.
    const deadline = this.now() + this.lockTtlMs + this.pollMs;
    for (;;) {
      const token = await this.store.get(appId);
      if (token) return token;
      const mine = this.held.get(appId);
      if (mine && mine.until <= this.now()) await this.abandonRefresh(appId);
      if (!this.held.has(appId)) {
        const lock = await this.store.tryLock(appId, this.lockTtlMs);
        if (lock) {
          // The previous holder stores its token before it unlocks: if that happened between our
          // get() and our tryLock(), use its token instead of fetching another one.
          const fresh = await this.store.get(appId);
          if (fresh) {
            await lock.release();
            return fresh;
          }
          this.held.set(appId, { lock, until: this.now() + this.lockTtlMs });
          return null; // the SDK fetches now and hands the token to set()
        }
      }
      if (this.now() >= deadline) return null;
      await this.sleep(this.pollMs);
    }
  }

  private otherKey(key: CacheKey, options?: CacheOpts): string {
    return `${options?.namespace ?? ''}/${key.toString()}`;
  }

  private getOther(key: CacheKey, options?: CacheOpts): unknown {
    const entry = this.other.get(this.otherKey(key, options));
    if (!entry) return undefined;
    return entry.expiresAt === undefined || entry.expiresAt > this.now() ? entry.value : undefined;
  }
}
