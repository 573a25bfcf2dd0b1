// What to do after a Feishu failure, as data (for BullMQ later), plus a simple in-process retry loop.
import { setTimeout as delay } from 'node:timers/promises';
import { classifyError, FeishuApiError } from './errors.js';

export type RetryDecision =
  | { retry: false }
  /** consumesAttempt=false: a rate limit is not the job's fault and must not burn an attempt. */
  | { retry: true; delayMs: number; consumesAttempt: boolean };

export interface RetryPolicy {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Added at random to every wait, so throttled senders do not all come back at the same instant. */
  jitterMs?: number;
  random?: () => number;
}

export function retryDecision(error: FeishuApiError, attempt: number, policy: RetryPolicy = {}): RetryDecision {
  const jitter = Math.floor((policy.random ?? Math.random)() * (policy.jitterMs ?? 250));
  switch (error.kind) {
    case 'permanent':
      return { retry: false };
    case 'rate_limited':
      return { retry: true, delayMs: (error.details.retryAfterMs ?? 1000) + jitter, consumesAttempt: false };
    case 'token_invalid':
    case 'retryable': {
      const backoff = Math.min(policy.maxDelayMs ?? 30_000, (policy.baseDelayMs ?? 500) * 2 ** Math.max(0, attempt - 1));
      return { retry: true, delayMs: backoff + jitter, consumesAttempt: true };
    }
  }
}

export interface RetryOptions extends RetryPolicy {
  /** Attempts that may fail with retryable errors (rate limits do not count). */
  maxAttempts?: number;
  /** Upper bound on rate-limit waits, so a stuck limiter cannot spin forever. */
  maxRateLimitWaits?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (error: FeishuApiError, decision: Extract<RetryDecision, { retry: true }>) => void;
}

/** Runs `fn` until it succeeds, fails permanently, or runs out of attempts; rethrows the last error. */
export async function withFeishuRetry<T>(operation: string, fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  const maxWaits = options.maxRateLimitWaits ?? 100;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  let attempt = 1;
  let waits = 0;
  for (;;) {
    try {
      return await fn();
    } catch (raw) {
      const error = classifyError(operation, raw);
      const decision = retryDecision(error, attempt, options);
      if (!decision.retry) throw error;
      if (decision.consumesAttempt ? attempt >= maxAttempts : waits >= maxWaits) throw error;
      if (decision.consumesAttempt) attempt += 1;
      else waits += 1;
      options.onRetry?.(error, decision);
      await sleep(decision.delayMs);
    }
  }
}
