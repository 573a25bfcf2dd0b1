// The request-path half of the inbound chain: claim the event in PostgreSQL, enqueue its job,
// confirm. It touches only PostgreSQL and the queue store; any failure propagates so the route
// answers 5xx and Feishu re-delivers (never a 200 for an event that could be lost).
import { withTimeout } from '../db/prisma.js';
import type { Db } from '../db/prisma.js';
import type { FeishuEvent } from '../feishu/events.js';
import { INBOUND_JOB_OPTIONS, jobIdFor, QUEUES, type InboundJob } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { claimEvent, markEnqueued } from './claim-event.js';
import { isHandledEvent, rootKeyOf } from './event-payload.js';

export interface IngestDeps {
  db: Db;
  queues: QueueBackend;
  /** Per store call, so the whole answer stays inside Feishu's 3-second window. */
  storeTimeoutMs?: number;
  onWarning?: (message: string, err: unknown) => void;
}

export type IngestOutcome = 'accepted' | 'reenqueued' | 'duplicate' | 'ignored';

export async function ingestEvent(deps: IngestDeps, event: FeishuEvent): Promise<IngestOutcome> {
  if (!isHandledEvent(event)) return 'ignored';
  const timeout = deps.storeTimeoutMs ?? 1200;
  const root = rootKeyOf(event);
  const claim = await withTimeout(claimEvent(deps.db, event), timeout, 'dedupe claim timed out');
  if (claim === 'enqueued' || claim === 'handled') return 'duplicate';
  await withTimeout(enqueueInbound(deps.queues, root), timeout, 'enqueue timed out');
  try {
    await withTimeout(markEnqueued(deps.db, root), timeout, 'marking enqueued timed out');
  } catch (err) {
    // The job exists, so the event is safe: a re-delivery re-adds the same job id (a no-op) and
    // the worker skips handled events. Acknowledge rather than provoke a retry.
    deps.onWarning?.('event enqueued but not marked', err);
  }
  return claim === 'new' ? 'accepted' : 'reenqueued';
}

/** Adds the event's job; the id derives from the root key, so adding it twice keeps one job. */
export async function enqueueInbound(queues: QueueBackend, rootKey: string): Promise<void> {
  const data: InboundJob = { key: rootKey };
  await queues.queue<InboundJob>(QUEUES.inbound).add('event', data, { ...INBOUND_JOB_OPTIONS, jobId: jobIdFor('in', rootKey) });
}
