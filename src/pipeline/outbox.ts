// The outbox: every message the bot sends is first a row in OutboundMessage (unique business key,
// Feishu `uuid` derived from it), then a job on a sender queue whose id derives from the same key.
// A crash between the two is repaired by the maintenance relay; a second write of the same key
// changes nothing, so whatever runs twice still sends once.
import type { OutgoingMessage } from '../bot/reply.js';
import type { Db } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { jobIdFor, OUTBOUND_JOB_OPTIONS, outboundQueue, type OutboundJob, type OutboundLaneName } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { messageUuid } from '../outbound/message-uuid.js';

/** A Prisma client or an interactive transaction: outbox rows are often written with the effect. */
export type DbOrTx = Db | Prisma.TransactionClient;

export interface OutboundItem {
  /** Unique for the message's whole life (e.g. `message:om_1:reply:0`); the uuid derives from it. */
  businessKey: string;
  message: OutgoingMessage;
  /**
   * Who receives a reply (the sender in a p2p chat, the group chat otherwise), recorded for
   * Feishu's 5/s-per-receiver budget; a reply target names only the message replied to.
   */
  replyReceiver?: { type: 'open_id' | 'chat_id'; id: string };
}

export interface EnqueueOptions {
  /** Each message gets `<prefix>:<n>` by its position, so a re-run names the same messages the same. */
  businessKeyPrefix: string;
  /** `interactive` for people waiting on the bot; `bulk` for fan-out. Default interactive. */
  priority?: OutboundLaneName;
}

const MAX_KEY_LENGTH = 500;

export function itemsFor(messages: readonly OutgoingMessage[], businessKeyPrefix: string): OutboundItem[] {
  return messages.map((message, n) => ({ businessKey: message.businessKey ?? `${businessKeyPrefix}:${n}`, message }));
}

/** The lane an item is sent through: its message's own (fan-out asks for bulk), else the default. */
export function laneOf(item: OutboundItem, fallback: OutboundLaneName): OutboundLaneName {
  return item.message.lane ?? fallback;
}

/** The keys to queue, grouped by lane (what `enqueueLanes` takes). */
export type LaneKeys = Partial<Record<OutboundLaneName, string[]>>;

export function laneKeys(items: readonly OutboundItem[], fallback: OutboundLaneName): LaneKeys {
  const out: LaneKeys = {};
  for (const item of items) (out[laneOf(item, fallback)] ??= []).push(item.businessKey);
  return out;
}

export async function enqueueLanes(queues: QueueBackend, keys: LaneKeys): Promise<void> {
  for (const lane of ['interactive', 'bulk'] as const) await enqueueSends(queues, keys[lane] ?? [], lane);
}

function rowFor(item: OutboundItem, lane: OutboundLaneName): Prisma.OutboundMessageCreateManyInput {
  if (item.businessKey.length === 0 || item.businessKey.length > MAX_KEY_LENGTH) {
    throw new Error(`business key must be 1-${MAX_KEY_LENGTH} characters`);
  }
  const { target, content } = item.message;
  const body =
    content.type === 'card'
      ? { msgType: 'interactive', content: content.card as unknown as Prisma.InputJsonValue }
      : content.type === 'file'
        ? { msgType: 'file', content: { file_key: content.fileKey } }
        : { msgType: 'text', content: { text: content.text } };
  const where =
    target.to === 'message'
      ? {
          operation: 'REPLY' as const,
          targetMessageId: target.messageId,
          ...(item.replyReceiver ? { receiveIdType: item.replyReceiver.type, receiveId: item.replyReceiver.id } : {}),
        }
      : target.to === 'patch'
        ? { operation: 'PATCH' as const, targetMessageId: target.messageId }
        : { operation: 'SEND' as const, receiveIdType: target.to, receiveId: target.id };
  const topic = item.message.topic ? { topic: item.message.topic } : {};
  return { businessKey: item.businessKey, uuid: messageUuid(item.businessKey), lane: lane === 'bulk' ? 'BULK' : 'INTERACTIVE', ...where, ...body, ...topic };
}

/** Writes the rows; keys that already exist keep their first content (what was or will be sent). */
export async function writeOutbox(db: DbOrTx, items: readonly OutboundItem[], lane: OutboundLaneName = 'interactive'): Promise<void> {
  if (items.length === 0) return;
  await db.outboundMessage.createMany({ data: items.map((item) => rowFor(item, laneOf(item, lane))), skipDuplicates: true });
}

/** Adds one sender job per key; the job id derives from the key, so re-adding keeps one job. */
export async function enqueueSends(queues: QueueBackend, businessKeys: readonly string[], lane: OutboundLaneName = 'interactive'): Promise<void> {
  if (businessKeys.length === 0) return;
  const queue = queues.queue<OutboundJob>(outboundQueue(lane));
  for (let i = 0; i < businessKeys.length; i += 500) {
    await queue.addBulk(
      businessKeys.slice(i, i + 500).map((businessKey) => ({
        name: 'send',
        data: { businessKey },
        opts: { ...OUTBOUND_JOB_OPTIONS, jobId: jobIdFor('out', businessKey) },
      })),
    );
  }
}

/**
 * For other modules (campaigns, notices to secretaries): records the messages and queues them.
 * Returns their business keys. Call it again with the same prefix and nothing new is sent.
 */
export async function enqueueOutgoing(
  deps: { db: Db; queues: QueueBackend },
  messages: readonly OutgoingMessage[],
  options: EnqueueOptions,
): Promise<string[]> {
  const lane = options.priority ?? 'interactive';
  const items = itemsFor(messages, options.businessKeyPrefix);
  await writeOutbox(deps.db, items, lane);
  const keys = items.map((i) => i.businessKey);
  await enqueueSends(deps.queues, keys, lane);
  return keys;
}

/** Re-queues outbox rows still PENDING after `olderThanMs` (their enqueue may have failed). */
export async function relayPendingOutbox(deps: { db: Db; queues: QueueBackend }, olderThanMs: number, limit = 5000): Promise<number> {
  const rows = await deps.db.outboundMessage.findMany({
    where: { status: 'PENDING', updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { businessKey: true, lane: true },
    orderBy: { id: 'asc' },
    take: limit,
  });
  await enqueueSends(deps.queues, rows.filter((r) => r.lane === 'INTERACTIVE').map((r) => r.businessKey), 'interactive');
  await enqueueSends(deps.queues, rows.filter((r) => r.lane === 'BULK').map((r) => r.businessKey), 'bulk');
  return rows.length;
}
