// Tenant access tokens as Feishu issues them: the same token until it nears expiry, then a new one (§3.1).
import { randomBytes } from 'node:crypto';

export type TokenCheck = 'ok' | 'missing' | 'invalid';

export class TenantTokens {
  private readonly tokens = new Map<string, number>();
  private current: string | null = null;
  issued = 0;

  constructor(
    private readonly now: () => number,
    private readonly ttlSeconds: number,
    private readonly renewWithinSeconds: number,
  ) {}

  /** Returns the current token while it has more than `renewWithinSeconds` left, else a new one. */
  issue(): { token: string; expire: number } {
    const now = this.now();
    const currentExpiry = this.current ? this.tokens.get(this.current) : undefined;
    if (this.current && currentExpiry !== undefined && currentExpiry - now > this.renewWithinSeconds * 1000) {
      return { token: this.current, expire: Math.floor((currentExpiry - now) / 1000) };
    }
    const token = `t-${randomBytes(20).toString('hex')}`;
    this.tokens.set(token, now + this.ttlSeconds * 1000);
    this.current = token;
    this.issued += 1;
    return { token, expire: this.ttlSeconds };
  }

  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return 'missing';
    const expiry = this.tokens.get(match[1]);
    return expiry !== undefined && expiry > this.now() ? 'ok' : 'invalid';
  }

  /** Fault: every issued token stops working at once (as after a secret reset). */
  expireAll(): void {
    this.tokens.clear();
    this.current = null;
  }
}
