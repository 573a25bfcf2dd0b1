// What the workers need to talk to Feishu, built once per process: the Open API client with a
// tenant token shared between processes, the shared send budget, and the bot's own open_id.
// Redis holds the shared state when REDIS_URL is set; PostgreSQL otherwise.
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Db } from '../db/prisma.js';
import type { Logger } from '../logger.js';
import { FeishuClient } from '../outbound/feishu-client.js';
import { PostgresTenantTokenStore } from '../outbound/postgres-token-store.js';
import { RedisTenantTokenStore } from '../outbound/redis-token-store.js';
import { createSendBudget, type SendBudget } from './send-budget.js';

export interface EdgeServices {
  feishu: FeishuClient;
  budget: SendBudget;
  /** The bot's open_id from bot/v3/info, fetched once and kept (it never changes for an app). */
  botOpenId(): Promise<string>;
  close(): Promise<void>;
}

export interface EdgeServicesOptions {
  logger: Logger;
  /** Key prefix for the shared state (tests give each file its own). */
  keyPrefix?: string;
}

export function createEdgeServices(config: Config, db: Db, options: EdgeServicesOptions): EdgeServices {
  const { logger } = options;
  const keyPrefix = options.keyPrefix ?? 'vanguard:';
  // Workers may wait a little for Redis, but a send must fail (and be retried) rather than hang.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  redis?.on('error', (err) => logger.warn({ err }, 'edge Redis connection error'));
  const pool = redis ? undefined : new pg.Pool({ connectionString: config.databaseUrl, max: 4, keepAlive: true });
  pool?.on('error', (err) => logger.warn({ err }, 'rate-limit pool error'));

  const feishu = new FeishuClient({
    appId: config.feishu.appId,
    appSecret: config.feishu.appSecret,
    domain: config.feishu.domain,
    timeoutMs: config.feishu.httpTimeoutMs,
    tokenStore: redis ? new RedisTenantTokenStore(redis, keyPrefix) : new PostgresTenantTokenStore(db, keyPrefix),
    // At least the HTTP timeout: a refresh in flight must not be taken over by another process.
    tokenCache: { lockTtlMs: Math.max(15_000, config.feishu.httpTimeoutMs + 5_000) },
    logger: { debug: (m) => logger.debug(m), warn: (m) => logger.warn(m) },
  });
  const budget = createSendBudget(
    config.feishu.rateLimits,
    redis ? { kind: 'redis', client: redis, keyPrefix } : { kind: 'postgres', pool: pool!, keyPrefix },
  );
  return {
    feishu,
    budget,
    botOpenId: memoizeBotOpenId(() => feishu.botInfo().then((info) => info.openId)),
    close: async () => {
      redis?.disconnect();
      await pool?.end();
    },
  };
}

/** One request at a time, success kept; a failure is not cached, so the next call tries again. */
export function memoizeBotOpenId(fetch: () => Promise<string>): () => Promise<string> {
  let value: Promise<string> | undefined;
  return () => {
    value ??= fetch().catch((err: unknown) => {
      value = undefined;
      throw err;
    });
    return value;
  };
}
