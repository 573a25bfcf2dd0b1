// Card-update tokens (`c-…`) from card callbacks: valid 30 minutes, two delayed updates each (§3.5).
import { randomBytes } from 'node:crypto';
import { ERR, type FeishuError } from './feishu-errors.js';

const TTL_MS = 30 * 60 * 1000;
const MAX_USES = 2;

export class CardTokens {
  private readonly tokens = new Map<string, { messageId: string; expiresAt: number; uses: number }>();

  constructor(private readonly now: () => number) {}

  issue(messageId: string): string {
    const token = `c-${randomBytes(20).toString('hex')}`;
    this.tokens.set(token, { messageId, expiresAt: this.now() + TTL_MS, uses: 0 });
    return token;
  }

  /** Spends one use of the token and returns the card message it updates. */
  use(token: string): { messageId: string } | FeishuError {
    if (!/^c-[0-9a-zA-Z]+$/.test(token)) return ERR.cardTokenFormat;
    const entry = this.tokens.get(token);
    if (!entry || entry.expiresAt <= this.now()) return ERR.cardTokenExpired;
    if (entry.uses >= MAX_USES) return ERR.cardTokenUsedUp;
    entry.uses += 1;
    return { messageId: entry.messageId };
  }

  clear(): void {
    this.tokens.clear();
  }
}
