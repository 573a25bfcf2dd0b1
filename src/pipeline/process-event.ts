// The worker half of the inbound chain: load the claimed event, run the bot on it, and in one
// transaction record its replies in the outbox and mark it HANDLED; then queue the replies.
// The root row stays locked (FOR UPDATE) while the bot runs, so two workers that pick up the
// same event (a stalled job run twice) produce one set of replies.
import { UnrecoverableError } from 'bullmq';
import type { BotInput } from '../bot/bot-input.js';
import type { OutgoingMessage } from '../bot/reply.js';
import { handleBotInput, type RouterDeps } from '../bot/router.js';
import { createBotServices, type BotServices } from '../bot/services.js';
import { toBotInput } from '../bot/to-bot-input.js';
import type { Db } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';
import { inboundJobSchema } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { parseEventPayload } from './event-payload.js';
import { enqueueLanes, itemsFor, laneKeys, writeOutbox, type LaneKeys, type OutboundItem } from './outbox.js';

export interface InboundDeps {
  db: Db;
  queues: QueueBackend;
  botOpenId(): Promise<string>;
  bot: Pick<RouterDeps, 'commands' | 'others' | 'onError'>;
  timeZone: string;
  now?: () => Date;
}

export type ProcessOutcome = 'handled' | 'already-handled' | 'missing';

/** Longest the bot may take on one event before the transaction (and the job attempt) fails. */
const HANDLE_TIMEOUT_MS = 60_000;

export async function processInboundJob(deps: InboundDeps, data: unknown): Promise<ProcessOutcome> {
  const { key } = inboundJobSchema.parse(data);
  const result = await deps.db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ status: string; payload: unknown }[]>`
        SELECT status::text AS status, payload FROM processed_events WHERE key = ${key} FOR UPDATE`;
      const row = rows[0];
      if (!row) return { outcome: 'missing' as const, keys: {} as LaneKeys };
      if (row.status === 'HANDLED') return { outcome: 'already-handled' as const, keys: {} as LaneKeys };
      const input = await toBotInput(storedEvent(row.payload), { botOpenId: deps.botOpenId });
      const messages = input ? await handleBotInput(input, { ...deps.bot, services: servicesFor(deps, tx) }) : [];
      const items = replyItems(key, input, messages);
      await writeOutbox(tx, items, 'interactive');
      // The payload held the message text only to survive until handled: drop it now.
      await tx.processedEvent.update({ where: { key }, data: { status: 'HANDLED', handledAt: new Date(), payload: Prisma.DbNull } });
      return { outcome: 'handled' as const, keys: laneKeys(items, 'interactive') };
    },
    { timeout: HANDLE_TIMEOUT_MS, maxWait: 10_000 },
  );
  // Handled before (a re-run after a crash between commit and enqueue): queue what is still pending.
  const keys = result.outcome === 'already-handled' ? await pendingReplyKeys(deps.db, key) : result.keys;
  await enqueueLanes(deps.queues, keys);
  return result.outcome;
}

/** A payload that is not an event will not become one on a retry: fail the job for good. */
function storedEvent(payload: unknown) {
  try {
    return parseEventPayload(payload);
  } catch (err) {
    throw new UnrecoverableError(`stored event payload is not an event: ${err instanceof Error ? err.message.slice(0, 300) : 'unknown'}`);
  }
}

/** Handlers run inside the event's transaction: their effects commit with the handled mark. */
function servicesFor(deps: InboundDeps, tx: Prisma.TransactionClient): BotServices {
  return createBotServices({ db: tx, timeZone: deps.timeZone, queues: deps.queues, ...(deps.now ? { now: deps.now } : {}) });
}

/** Replies are `<event key>:reply:<n>`: a re-processed event names them the same, so each exists once. */
function replyItems(key: string, input: BotInput | undefined, messages: readonly OutgoingMessage[]): OutboundItem[] {
  const chat = input && 'chatType' in input ? input : undefined;
  const replyReceiver = chat
    ? chat.chatType === 'p2p'
      ? { type: 'open_id' as const, id: chat.openId }
      : { type: 'chat_id' as const, id: chat.chatId }
    : undefined;
  return itemsFor(messages, `${key}:reply`).map((item) =>
    item.message.target.to === 'message' && replyReceiver ? { ...item, replyReceiver } : item,
  );
}

async function pendingReplyKeys(db: Db, key: string): Promise<LaneKeys> {
  const rows = await db.outboundMessage.findMany({
    where: { businessKey: { startsWith: `${key}:reply:` }, status: 'PENDING' },
    select: { businessKey: true, lane: true },
  });
  return {
    interactive: rows.filter((r) => r.lane === 'INTERACTIVE').map((r) => r.businessKey),
    bulk: rows.filter((r) => r.lane === 'BULK').map((r) => r.businessKey),
  };
}
