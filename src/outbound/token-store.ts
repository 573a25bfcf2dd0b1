// Where the tenant access token lives so that every worker process shares one token (and one refresh).
import { randomUUID } from 'node:crypto';

/** The keys both shared stores use for an app's token and its refresh lock, so a site can move between them. */
export function tenantTokenKeys(keyPrefix: string, appId: string): { token: string; lock: string } {
  return { token: `${keyPrefix}feishu:tenant-token:${appId}`, lock: `${keyPrefix}feishu:tenant-token-lock:${appId}` };
}

export interface TokenLock {
  release(): Promise<void>;
}

export interface TenantTokenStore {
  get(appId: string): Promise<string | null>;
  /** Stores the token until `expiresAtMs` (epoch ms), after which get() no longer returns it. */
  set(appId: string, token: string, expiresAtMs: number): Promise<void>;
  /**
   * Forgets the token only if it is still `token`: when many calls see 99991663 at once, the
   * first one's refresh must not be thrown away by the others.
   */
  invalidate(appId: string, token: string): Promise<void>;
  /** The refresh lock, held for at most `ttlMs`; null when another process holds it. */
  tryLock(appId: string, ttlMs: number): Promise<TokenLock | null>;
}

/** One process only (tests, single-process sandbox); shares nothing across processes. */
export class InMemoryTenantTokenStore implements TenantTokenStore {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly locks = new Map<string, { owner: string; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(appId: string): Promise<string | null> {
    const entry = this.tokens.get(appId);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.tokens.delete(appId);
      return null;
    }
    return entry.token;
  }

  async set(appId: string, token: string, expiresAtMs: number): Promise<void> {
    this.tokens.set(appId, { token, expiresAt: expiresAtMs });
  }

  async invalidate(appId: string, token: string): Promise<void> {
    if (this.tokens.get(appId)?.token === token) this.tokens.delete(appId);
  }

  async tryLock(appId: string, ttlMs: number): Promise<TokenLock | null> {
    const held = this.locks.get(appId);
    if (held && held.until > this.now()) return null;
    const owner = randomUUID();
    this.locks.set(appId, { owner, until: this.now() + ttlMs });
    return {
      release: async () => {
        if (this.locks.get(appId)?.owner === owner) this.locks.delete(appId);
      },
    };
  }
}
