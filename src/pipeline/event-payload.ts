// The stored form of an inbound event (ProcessedEvent.payload): the FeishuEvent the edge parsed,
// re-validated with zod when a worker reads it, because rows and jobs outlive deploys.
import { z } from 'zod';
import type { FeishuEvent } from '../feishu/events.js';

const userRef = z.object({ openId: z.string().min(1), unionId: z.string().optional(), userId: z.string().optional() });

const base = {
  eventId: z.string().min(1),
  eventType: z.string().min(1),
  envelope: z.enum(['v2', 'v1']),
  dedupeKeys: z.array(z.string().min(1)).min(1),
  appId: z.string().optional(),
  tenantKey: z.string().optional(),
  createTime: z.string().optional(),
};

const content = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('post'), title: z.string(), text: z.string(), imageKeys: z.array(z.string()) }),
  z.object({ type: z.literal('image'), imageKey: z.string() }),
  z.object({ type: z.literal('file'), fileKey: z.string(), fileName: z.string().optional() }),
  z.object({ type: z.literal('other'), messageType: z.string(), raw: z.unknown() }),
]);

const handledEvent = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('message'),
    messageId: z.string().min(1),
    chatId: z.string().min(1),
    chatType: z.enum(['p2p', 'group']),
    sender: userRef.extend({ senderType: z.string() }),
    content,
    mentions: z.array(z.object({ key: z.string(), openId: z.string().optional(), name: z.string() })),
    mentionsAll: z.boolean(),
    rootId: z.string().optional(),
    parentId: z.string().optional(),
    threadId: z.string().optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('menu'),
    eventKey: z.string(),
    operator: userRef.extend({ name: z.string().optional() }),
    timestamp: z.number().optional(),
  }),
  z.object({ ...base, kind: z.literal('p2pChatEntered'), chatId: z.string(), operator: userRef, lastMessageId: z.string().optional() }),
  z.object({
    ...base,
    kind: z.enum(['botAddedToChat', 'botRemovedFromChat']),
    chatId: z.string(),
    operator: userRef.optional(),
    chatName: z.string().optional(),
    external: z.boolean().optional(),
  }),
]);

/** Events the bot acts on; unknown event types are acknowledged and logged, never stored. */
export type HandledEvent = Exclude<FeishuEvent, { kind: 'unknown' }>;

export function isHandledEvent(event: FeishuEvent): event is HandledEvent {
  return event.kind !== 'unknown';
}

/** Parses a stored payload; throws a ZodError when it is not one (a bug or a foreign row). */
export function parseEventPayload(payload: unknown): HandledEvent {
  return handledEvent.parse(payload) as HandledEvent;
}

/**
 * The key that stands for the whole business event: `message:<id>` for messages (Feishu may
 * push one message under several event ids), else `event:<id>`. Every reply's business key
 * and uuid derive from it, so however often the event is processed, each reply exists once.
 */
export function rootKeyOf(event: { dedupeKeys: readonly string[] }): string {
  return event.dedupeKeys.find((k) => k.startsWith('message:')) ?? event.dedupeKeys[0]!;
}
