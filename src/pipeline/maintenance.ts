// The scheduled sweep (queue `maintenance`, every 10 minutes, upserted by every worker at start):
// re-enqueues claimed events and outbox rows that never reached their queue, and deletes dedupe
// rows and receipts past retention. Retention outlives both Feishu's ~7-hour retry schedule and
// the signature window, so anything old enough to be swept would be refused as stale anyway.
import type { Config } from '../config.js';
import type { Db } from '../db/prisma.js';
import { MAINTENANCE_EVERY_MS, QUEUES, type MaintenanceJob } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { markEnqueued } from './claim-event.js';
import { enqueueInbound } from './ingest-event.js';
import { relayPendingOutbox } from './outbox.js';

const DAY_MS = 24 * 3600 * 1000;
/** Idempotency keys of card actions guard a whole evaluation year (and then some). */
const ONCE_RETENTION_MS = 400 * DAY_MS;
/** Younger than this, a RECEIVED claim or a PENDING outbox row may still be on its way. */
const STRANDED_AFTER_MS = 2 * 60 * 1000;

/** At least 7 days (product rule), and always longer than the signature window. */
export function dedupeRetentionMs(config: Pick<Config, 'feishu'>): number {
  return Math.max(7 * DAY_MS, config.feishu.signatureMaxAgeSeconds * 1000 + DAY_MS);
}

export interface SweepReport {
  eventsRequeued: number;
  outboxRequeued: number;
  eventsDeleted: number;
  unhandledEventsDeleted: number;
  receiptsDeleted: number;
  cacheRowsDeleted: number;
}

export async function sweep(deps: { db: Db; queues: QueueBackend; retentionMs: number }, now: Date = new Date()): Promise<SweepReport> {
  const { db } = deps;
  const stranded = await db.processedEvent.findMany({
    where: { status: 'RECEIVED', key: { equals: db.processedEvent.fields.rootKey }, receivedAt: { lt: new Date(now.getTime() - STRANDED_AFTER_MS) } },
    select: { key: true },
    take: 1000,
  });
  for (const { key } of stranded) {
    await enqueueInbound(deps.queues, key);
    await markEnqueued(db, key);
  }
  const outboxRequeued = await relayPendingOutbox(deps, STRANDED_AFTER_MS);

  const cutoff = new Date(now.getTime() - deps.retentionMs);
  const unhandled = await db.processedEvent.count({ where: { receivedAt: { lt: cutoff }, status: { not: 'HANDLED' }, key: { equals: db.processedEvent.fields.rootKey } } });
  const events = await db.processedEvent.deleteMany({ where: { receivedAt: { lt: cutoff } } });
  const receipts = await db.cardActionReceipt.deleteMany({
    where: {
      OR: [
        { createdAt: { lt: cutoff }, NOT: { key: { startsWith: 'once:' } } },
        { createdAt: { lt: new Date(now.getTime() - ONCE_RETENTION_MS) } },
      ],
    },
  });
  const hourAgo = new Date(now.getTime() - 3600_000);
  const cache = await db.keyValueCache.deleteMany({ where: { expiresAt: { lt: hourAgo } } });
  await db.rateLimitCounter.deleteMany({ where: { expire: { lt: BigInt(hourAgo.getTime()) } } });
  return {
    eventsRequeued: stranded.length,
    outboxRequeued,
    eventsDeleted: events.count,
    unhandledEventsDeleted: unhandled,
    receiptsDeleted: receipts.count,
    cacheRowsDeleted: cache.count,
  };
}

/** Declares the schedule; every worker calls it at start and the upsert keeps one scheduler. */
export async function scheduleMaintenance(queues: QueueBackend, everyMs: number = MAINTENANCE_EVERY_MS): Promise<void> {
  const data: MaintenanceJob = { task: 'sweep' };
  await queues.queue<MaintenanceJob>(QUEUES.maintenance).upsertJobScheduler(
    'maintenance-sweep',
    { every: everyMs },
    { name: 'sweep', data, opts: { removeOnComplete: 50, removeOnFail: 50 } },
  );
}
