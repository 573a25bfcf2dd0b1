// The durable half of "exactly once": every dedupe key of an inbound event is claimed in
// PostgreSQL (one unique row per key, shared by all replicas), and the root row records how far
// the event got: RECEIVED (claimed) → ENQUEUED (its job exists) → HANDLED (replies are in the outbox).
import type { Db } from '../db/prisma.js';
import { rootKeyOf, type HandledEvent } from './event-payload.js';

/**
 * - `new`: this request claimed the event; it must be enqueued.
 * - `received`: claimed earlier but never confirmed enqueued (a crash or a failed enqueue, or a
 *   concurrent duplicate still in flight): enqueue again — the job id is deterministic, so this
 *   adds nothing when the job already exists.
 * - `enqueued` / `handled`: a duplicate; acknowledge and do nothing.
 */
export type ClaimOutcome = 'new' | 'received' | 'enqueued' | 'handled';

/**
 * Inserts one row per dedupe key in one statement. Concurrent claims of the same key block on
 * the unique index until the first commits and then insert nothing, so exactly one request
 * sees `new`. Keys are inserted in sorted order so two claims sharing keys cannot deadlock.
 */
export async function claimEvent(db: Db, event: HandledEvent): Promise<ClaimOutcome> {
  const root = rootKeyOf(event);
  const keys = [...new Set(event.dedupeKeys)].sort();
  const inserted = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO processed_events (key, root_key, event_type, status, payload)
    SELECT k, ${root}, ${event.eventType}, 'RECEIVED'::inbound_event_status,
           CASE WHEN k = ${root} THEN ${JSON.stringify(event)}::jsonb END
    FROM unnest(${keys}::text[]) AS k
    ORDER BY k
    ON CONFLICT (key) DO NOTHING
    RETURNING key`;
  if (inserted.some((row) => row.key === root)) return 'new';
  // The root row exists (committed): a re-delivery, or the same message under a new event_id.
  const existing = await db.processedEvent.findUnique({ where: { key: root }, select: { status: true } });
  if (!existing) throw new Error('dedupe claim lost its root row');
  return existing.status === 'RECEIVED' ? 'received' : existing.status === 'ENQUEUED' ? 'enqueued' : 'handled';
}

/** RECEIVED → ENQUEUED once the job is known to exist; never downgrades a HANDLED event. */
export async function markEnqueued(db: Db, rootKey: string): Promise<void> {
  await db.processedEvent.updateMany({ where: { key: rootKey, status: 'RECEIVED' }, data: { status: 'ENQUEUED', enqueuedAt: new Date() } });
}
