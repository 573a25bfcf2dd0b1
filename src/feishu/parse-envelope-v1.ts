// The legacy 1.0 shapes: events with `uuid`/`event.type`, and the flat SHA-1-signed card callback.
import { cardV1Schema, v1BotMembershipSchema, v1EnvelopeSchema, v1MessageSchema } from './envelope-schemas.js';
import type { CardAction, FeishuEvent } from './events.js';
import { invalid, mapAction, type Obj, type ParsedEnvelope } from './parse-helpers.js';

export function parseV1(body: Obj): ParsedEnvelope {
  const env = v1EnvelopeSchema.safeParse(body);
  if (!env.success) return invalid(env.error);
  const { uuid, token, event } = env.data;
  const base = {
    eventId: uuid,
    eventType: event.type,
    envelope: 'v1' as const,
    dedupeKeys: [`event:${uuid}`],
    ...(event.app_id ? { appId: event.app_id } : {}),
    ...(event.tenant_key ? { tenantKey: event.tenant_key } : {}),
  };
  const ok = (e: FeishuEvent): ParsedEnvelope => ({ ok: true, kind: 'event', event: e, token });
  if (event.type === 'message') {
    const m = v1MessageSchema.safeParse(event);
    if (!m.success) return invalid(m.error);
    const d = m.data;
    const content =
      d.msg_type === 'text'
        ? { type: 'text' as const, text: d.text_without_at_bot ?? d.text ?? '' }
        : d.msg_type === 'image' && d.image_key
          ? { type: 'image' as const, imageKey: d.image_key }
          : { type: 'other' as const, messageType: d.msg_type, raw: event };
    return ok({
      ...base,
      dedupeKeys: [...base.dedupeKeys, `message:${d.open_message_id}`],
      kind: 'message',
      messageId: d.open_message_id,
      chatId: d.open_chat_id,
      chatType: d.chat_type === 'private' || d.chat_type === 'p2p' ? 'p2p' : 'group',
      sender: { openId: d.open_id, ...(d.union_id ? { unionId: d.union_id } : {}), senderType: 'user' },
      content,
      mentions: [],
      mentionsAll: false,
    });
  }
  if (event.type === 'add_bot' || event.type === 'remove_bot') {
    const b = v1BotMembershipSchema.safeParse(event);
    if (!b.success) return invalid(b.error);
    return ok({
      ...base,
      kind: b.data.type === 'add_bot' ? 'botAddedToChat' : 'botRemovedFromChat',
      chatId: b.data.open_chat_id,
      ...(b.data.operator_open_id ? { operator: { openId: b.data.operator_open_id } } : {}),
      ...(b.data.chat_name !== undefined ? { chatName: b.data.chat_name } : {}),
    });
  }
  return ok({ ...base, kind: 'unknown', raw: body });
}

/** Parses the 1.0 flat card callback; its `token` is the card token, so there is no token check. */
export function parseCardV1(body: unknown): ParsedEnvelope {
  const c = cardV1Schema.safeParse(body);
  if (!c.success) return invalid(c.error);
  const d = c.data;
  const action: CardAction = {
    kind: 'card',
    envelope: 'v1',
    // No event id exists; the card token is per card, so dedupe on token + action instead.
    dedupeKeys: [`card-v1:${d.token}:${JSON.stringify(d.action.value ?? null)}:${d.open_id}`],
    operator: { openId: d.open_id, ...(d.union_id ? { unionId: d.union_id } : {}), ...(d.user_id ? { userId: d.user_id } : {}) },
    token: d.token,
    action: mapAction(d.action),
    ...(d.open_message_id ? { openMessageId: d.open_message_id } : {}),
    ...(d.open_chat_id ? { openChatId: d.open_chat_id } : {}),
    ...(d.tenant_key ? { tenantKey: d.tenant_key } : {}),
  };
  return { ok: true, kind: 'card', action, token: undefined };
}

/** True for the flat 1.0 card callback shape (no schema/header/type, has action + open_id). */
export function looksLikeCardV1(body: Obj): boolean {
  return !('schema' in body) && !('type' in body) && !('encrypt' in body) && 'action' in body && 'open_id' in body;
}

