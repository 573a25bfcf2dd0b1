// Fixed-window counters, the model behind Feishu's `x-ogw-ratelimit-reset` (seconds until the window resets).

export type LimitDecision = { allowed: true } | { allowed: false; resetMs: number };

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number) {}

  /** Counts one request under `key` if the window still has room; rejected requests are not counted. */
  take(key: string, limit: number, windowMs: number): LimitDecision {
    const now = this.now();
    const start = Math.floor(now / windowMs) * windowMs;
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.prune(now, windowMs);
    }
    if (w.count >= limit) return { allowed: false, resetMs: start + windowMs - now };
    w.count += 1;
    return { allowed: true };
  }

  /** Checks without counting; used when two windows must both have room before either is charged. */
  peek(key: string, limit: number, windowMs: number): LimitDecision {
    const now = this.now();
    const start = Math.floor(now / windowMs) * windowMs;
    const w = this.windows.get(key);
    if (w && w.start === start && w.count >= limit) return { allowed: false, resetMs: start + windowMs - now };
    return { allowed: true };
  }

  reset(): void {
    this.windows.clear();
  }

  private prune(now: number, windowMs: number): void {
    for (const [key, w] of this.windows) if (w.start + windowMs < now - 60_000) this.windows.delete(key);
  }
}
