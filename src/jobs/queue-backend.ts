// The one place that knows whether BullMQ runs on Redis or on its PostgreSQL backend.
// Everything else asks this module for queues and workers by name and cannot tell which.
import { DEFAULT_SCHEMA, Queue, QueueEvents, Worker, createPostgresBackend, type Processor, type WorkerOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import pg from 'pg';
import { withTimeout } from '../db/prisma.js';

export type QueueBackendKind = 'redis' | 'postgres';

/** Producers (web) fail fast when the store is down so the request can answer 5xx;
 *  workers wait and reconnect. (BullMQ "going to production".) */
export type ConnectionRole = 'producer' | 'worker';

// The backend type parameters differ per backend; callers only use the common API.
/* eslint-disable @typescript-eslint/no-explicit-any -- erased backend generics, see above */
export type AppQueue<D = unknown> = Queue<D, unknown, string, D, unknown, string, any, any>;
export type AppWorker<D = unknown> = Worker<D, unknown, string, any, any, any>;
export type AppQueueEvents = QueueEvents<unknown, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export type WorkerSettings = Omit<WorkerOptions, 'connection' | 'prefix'>;

export interface QueueBackend {
  readonly kind: QueueBackendKind;
  /** Returns the queue for `name`, created once per backend. */
  queue<D>(name: string): AppQueue<D>;
  worker<D>(name: string, processor: Processor<D>, settings?: WorkerSettings): AppWorker<D>;
  queueEvents(name: string): AppQueueEvents;
  /** Rejects when the underlying store does not answer. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface QueueBackendOptions {
  databaseUrl: string;
  redisUrl?: string | undefined;
  role: ConnectionRole;
  /** Redis key prefix (tests give each file its own). Ignored on PostgreSQL, where the
   *  database itself is the namespace. */
  prefix?: string;
  onError?: (err: Error) => void;
}

export function createQueueBackend(options: QueueBackendOptions): QueueBackend {
  return options.redisUrl ? redisBackend(options.redisUrl, options) : postgresBackend(options);
}

export function redisConnectionOptions(role: ConnectionRole): RedisOptions {
  return role === 'producer'
    ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 3000 }
    : { maxRetriesPerRequest: null, enableOfflineQueue: true };
}

function redisBackend(url: string, options: QueueBackendOptions): QueueBackend {
  const prefix = options.prefix ?? 'vanguard';
  const onError = options.onError ?? (() => {});
  const shared = new Redis(url, { ...redisConnectionOptions(options.role), lazyConnect: false });
  shared.on('error', onError);
  const owned = new Owned();
  // Every BullMQ object gets the error listener: unheard connection errors end up on stderr.
  return {
    kind: 'redis',
    queue: <D>(name: string) =>
      owned.queue(name, () => new Queue<D>(name, { connection: shared, prefix }).on('error', onError) as unknown as AppQueue<D>),
    worker: <D>(name: string, processor: Processor<D>, settings: WorkerSettings = {}) =>
      owned.track(
        new Worker<D>(name, processor, {
          ...settings,
          prefix,
          connection: new Redis(url, redisConnectionOptions('worker')).on('error', onError),
        }) as unknown as AppWorker<D>,
        onError,
      ),
    queueEvents: (name: string) =>
      owned.track(new QueueEvents(name, { prefix, connection: new Redis(url, redisConnectionOptions('worker')) }), onError),
    ping: async (timeoutMs = 2000) => {
      // A producer link that is not up counts as down: commands would be refused anyway.
      if (shared.status !== 'ready') throw new Error(`Redis is ${shared.status}`);
      await withTimeout(shared.ping(), timeoutMs, 'Redis did not answer');
    },
    close: async () => {
      await owned.close();
      shared.disconnect();
    },
  };
}

function postgresBackend(options: QueueBackendOptions): QueueBackend {
  const onError = options.onError ?? (() => {});
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.role === 'producer' ? 5 : 10,
    connectionTimeoutMillis: options.role === 'producer' ? 3000 : 10_000,
    keepAlive: true,
    // BullMQ's SQL is unqualified and expects its schema first on the search path; it only
    // sets that itself on pools it creates, and one shared pool keeps connections few.
    options: `-c search_path=${DEFAULT_SCHEMA}`,
  });
  pool.on('error', onError);
  const owned = new Owned();
  // The `bullmq` schema is migrated by db:migrate, never lazily here.
  const connection = pool as never;
  return {
    kind: 'postgres',
    queue: <D>(name: string) =>
      owned.queue(name, () => new Queue(name, { connection }, createPostgresBackend).on('error', onError) as unknown as AppQueue<D>),
    worker: <D>(name: string, processor: Processor<D>, settings: WorkerSettings = {}) =>
      owned.track(
        new Worker(name, processor as Processor, { ...settings, connection }, createPostgresBackend) as unknown as AppWorker<D>,
        onError,
      ),
    queueEvents: (name: string) =>
      owned.track(new QueueEvents(name, { connection }, createPostgresBackend) as unknown as AppQueueEvents, onError),
    ping: async (timeoutMs = 2000) => {
      await withTimeout(pool.query('SELECT 1'), timeoutMs, 'PostgreSQL (queues) did not answer');
    },
    close: async () => {
      await owned.close();
      await pool.end();
    },
  };
}

/** Tracks what a backend created so close() can shut it down in order. */
class Owned {
  private readonly queues = new Map<string, AppQueue<never>>();
  private readonly closables: { close(): Promise<void> }[] = [];

  queue<Q>(name: string, create: () => Q): Q {
    let existing = this.queues.get(name) as Q | undefined;
    if (!existing) {
      existing = create();
      this.queues.set(name, existing as unknown as AppQueue<never>);
    }
    return existing;
  }

  track<T extends { close(): Promise<void>; on(event: 'error', fn: (err: Error) => void): unknown }>(
    item: T,
    onError: (err: Error) => void,
  ): T {
    item.on('error', onError);
    this.closables.push(item);
    return item;
  }

  async close(): Promise<void> {
    // Workers and listeners first (they finish in-flight jobs), then the queues.
    await Promise.allSettled(this.closables.map((c) => c.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }
}
