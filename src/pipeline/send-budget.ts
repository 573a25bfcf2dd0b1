// Feishu's send limits as one budget shared by every sender process (rate-limiter-flexible on
// Redis when there is one, else on PostgreSQL): per Open API per app 50/s and 1000/min, 5/s per
// receiving user or chat, and a reserve per second that fan-out leaves to replies.
//
// Windows are aligned to the wall clock (the window index is part of the key), the way Feishu's
// gateway counts and `x-ogw-ratelimit-reset` reports; a rolling window would straddle two of
// Feishu's and draw 429s at full speed. Nothing is taken in the last moments of a window
// (`guardMs`): a send that leaves then would arrive in Feishu's next window, already full.
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { SendRateLimits } from '../config.js';
import type { OutboundLaneName } from '../jobs/contracts.js';

export type BudgetStore =
  | { kind: 'redis'; client: Redis; keyPrefix: string }
  | { kind: 'postgres'; pool: pg.Pool; keyPrefix: string }
  | { kind: 'memory' };

export interface SendRequest {
  /** The Open API called (`create`, `reply`…): Feishu counts each API separately. */
  api: string;
  /** `open_id:ou_…` or `chat_id:oc_…`: Feishu's 5/s per receiving user or chat. */
  receiver?: string | undefined;
  lane: OutboundLaneName;
}

export type BudgetScope = 'receiver' | 'bulk_second' | 'app_second' | 'app_minute';
export type BudgetDecision = { ok: true } | { ok: false; waitMs: number; scope: BudgetScope };

export interface SendBudget {
  /** Takes one send from every budget the request needs, or says how long until there is room. */
  take(request: SendRequest): Promise<BudgetDecision>;
}

interface Step {
  limiter: RateLimiterAbstract;
  key: string;
  scope: BudgetScope;
  waitMs: number;
}

export interface SendBudgetOptions {
  now?: () => number;
  /** Dead band at the end of each window, at least the time a request takes to reach Feishu. */
  guardMs?: number;
}

export function createSendBudget(limits: SendRateLimits, store: BudgetStore, options: SendBudgetOptions = {}): SendBudget {
  const now = options.now ?? Date.now;
  const guardMs = options.guardMs ?? 100;
  const make = (name: string, points: number, windowSeconds: number): RateLimiterAbstract => {
    // Keys carry their window index, so the TTL only has to outlive the window (cleanup).
    const duration = windowSeconds + 1;
    if (store.kind === 'memory') return new RateLimiterMemory({ points, duration, keyPrefix: name });
    const keyPrefix = `${store.keyPrefix}send:${name}`;
    if (store.kind === 'redis') return new RateLimiterRedis({ storeClient: store.client, points, duration, keyPrefix });
    // The table comes from the Prisma migrations (RateLimitCounter), never created at runtime.
    return new RateLimiterPostgres({ storeClient: store.pool, storeType: 'pool', tableName: 'rate_limit_counters', tableCreated: true, points, duration, keyPrefix });
  };
  const receiver = make('r', limits.perReceiver, 1);
  const bulkSecond = make('b', limits.perSecond - limits.interactiveReserve, 1);
  const second = make('s', limits.perSecond, 1);
  const minute = make('m', limits.perMinute, 60);

  return {
    async take(request) {
      const at = now();
      const sec = Math.floor(at / 1000);
      const min = Math.floor(at / 60_000);
      // A little past the boundary, spread a little, so waiting senders do not all arrive at once.
      const untilNextSecond = 1000 - (at % 1000) + 2 + Math.floor(Math.random() * 20);
      const untilNextMinute = 60_000 - (at % 60_000) + 2 + Math.floor(Math.random() * 200);
      if (at % 1000 >= 1000 - guardMs) return { ok: false, waitMs: untilNextSecond, scope: 'app_second' };
      const steps: Step[] = [];
      if (request.receiver) steps.push({ limiter: receiver, key: `${request.receiver}:${sec}`, scope: 'receiver', waitMs: untilNextSecond });
      if (request.lane === 'bulk' && limits.interactiveReserve > 0) {
        steps.push({ limiter: bulkSecond, key: `${request.api}:${sec}`, scope: 'bulk_second', waitMs: untilNextSecond });
      }
      steps.push({ limiter: second, key: `${request.api}:${sec}`, scope: 'app_second', waitMs: untilNextSecond });
      steps.push({ limiter: minute, key: `${request.api}:${min}`, scope: 'app_minute', waitMs: untilNextMinute });

      const taken: Step[] = [];
      for (const step of steps) {
        try {
          await step.limiter.consume(step.key);
          taken.push(step);
        } catch (err) {
          if (!(err instanceof RateLimiterRes)) throw err;
          // Give back what this send took from the other budgets: it is not going out now.
          await Promise.allSettled(taken.map((t) => t.limiter.reward(t.key, 1)));
          return { ok: false, waitMs: step.waitMs, scope: step.scope };
        }
      }
      return { ok: true };
    },
  };
}
