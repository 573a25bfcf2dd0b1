// Maps a decrypted Feishu body onto a challenge, a typed FeishuEvent, or a CardAction.
import {
  botMembershipSchema,
  cardTriggerSchema,
  challengeSchema,
  menuSchema,
  messageReceiveSchema,
  p2pChatEnteredSchema,
  v2EnvelopeSchema,
} from './envelope-schemas.js';
import type { CardAction, FeishuEvent } from './events.js';
import { parseMessageContent } from './message-content.js';
import { parseV1 } from './parse-envelope-v1.js';
import { invalid, mapAction, type Obj, type ParsedEnvelope, userRef } from './parse-helpers.js';

export type { ParsedEnvelope } from './parse-helpers.js';
export { looksLikeCardV1, parseCardV1 } from './parse-envelope-v1.js';

function parseV2(body: Obj): ParsedEnvelope {
  const env = v2EnvelopeSchema.safeParse(body);
  if (!env.success) return invalid(env.error);
  const { header, event } = env.data;
  const base = {
    eventId: header.event_id,
    eventType: header.event_type,
    envelope: 'v2' as const,
    dedupeKeys: [`event:${header.event_id}`],
    ...(header.app_id ? { appId: header.app_id } : {}),
    ...(header.tenant_key ? { tenantKey: header.tenant_key } : {}),
    ...(header.create_time ? { createTime: header.create_time } : {}),
  };
  const ok = (e: FeishuEvent): ParsedEnvelope => ({ ok: true, kind: 'event', event: e, token: header.token });

  switch (header.event_type) {
    case 'card.action.trigger': {
      const card = cardTriggerSchema.safeParse(event);
      if (!card.success) return invalid(card.error);
      const c = card.data;
      const action: CardAction = {
        kind: 'card',
        envelope: 'v2',
        eventId: header.event_id,
        dedupeKeys: base.dedupeKeys,
        operator: userRef(c.operator),
        token: c.token,
        action: mapAction(c.action),
        ...(c.context?.open_message_id ? { openMessageId: c.context.open_message_id } : {}),
        ...(c.context?.open_chat_id ? { openChatId: c.context.open_chat_id } : {}),
        ...(c.host ? { host: c.host } : {}),
        ...(base.tenantKey ? { tenantKey: base.tenantKey } : {}),
        ...(base.appId ? { appId: base.appId } : {}),
      };
      // header.token is the Verification Token; event.token is the card-update token.
      return { ok: true, kind: 'card', action, token: header.token };
    }
    case 'im.message.receive_v1': {
      const m = messageReceiveSchema.safeParse(event);
      if (!m.success) return invalid(m.error);
      const { sender, message } = m.data;
      const mentions = (message.mentions ?? []).map((x) => ({
        key: x.key,
        name: x.name,
        ...(x.id.open_id ? { openId: x.id.open_id } : {}),
      }));
      const content = parseMessageContent(message.message_type, message.content);
      const text = content.type === 'text' || content.type === 'post' ? content.text : '';
      return ok({
        ...base,
        // Feishu asks to dedupe messages on message_id: a message may be re-pushed under a new event_id.
        dedupeKeys: [...base.dedupeKeys, `message:${message.message_id}`],
        kind: 'message',
        messageId: message.message_id,
        chatId: message.chat_id,
        chatType: message.chat_type === 'p2p' ? 'p2p' : 'group',
        sender: { ...userRef(sender.sender_id), senderType: sender.sender_type },
        content,
        mentions,
        mentionsAll: mentions.some((x) => x.key === '@_all') || text.includes('@_all'),
        ...(message.root_id ? { rootId: message.root_id } : {}),
        ...(message.parent_id ? { parentId: message.parent_id } : {}),
        ...(message.thread_id ? { threadId: message.thread_id } : {}),
      });
    }
    case 'application.bot.menu_v6': {
      const m = menuSchema.safeParse(event);
      if (!m.success) return invalid(m.error);
      const ts = m.data.timestamp === undefined ? undefined : Number(m.data.timestamp);
      return ok({
        ...base,
        kind: 'menu',
        eventKey: m.data.event_key,
        operator: { ...userRef(m.data.operator.operator_id), ...(m.data.operator.operator_name ? { name: m.data.operator.operator_name } : {}) },
        ...(ts !== undefined && Number.isFinite(ts) ? { timestamp: ts } : {}),
      });
    }
    case 'im.chat.access_event.bot_p2p_chat_entered_v1': {
      const p = p2pChatEnteredSchema.safeParse(event);
      if (!p.success) return invalid(p.error);
      return ok({
        ...base,
        kind: 'p2pChatEntered',
        chatId: p.data.chat_id,
        operator: userRef(p.data.operator_id),
        ...(p.data.last_message_id ? { lastMessageId: p.data.last_message_id } : {}),
      });
    }
    case 'im.chat.member.bot.added_v1':
    case 'im.chat.member.bot.deleted_v1': {
      const b = botMembershipSchema.safeParse(event);
      if (!b.success) return invalid(b.error);
      return ok({
        ...base,
        kind: header.event_type === 'im.chat.member.bot.added_v1' ? 'botAddedToChat' : 'botRemovedFromChat',
        chatId: b.data.chat_id,
        ...(b.data.operator_id ? { operator: userRef(b.data.operator_id) } : {}),
        ...(b.data.name !== undefined ? { chatName: b.data.name } : {}),
        ...(b.data.external !== undefined ? { external: b.data.external } : {}),
      });
    }
    default:
      return ok({ ...base, kind: 'unknown', raw: body });
  }
}

/** Parses a decrypted body (challenge, v2 event/callback, v1 event). */
export function parseEnvelope(body: unknown): ParsedEnvelope {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, issues: '(root): expected an object' };
  const obj = body as Obj;
  if (obj.type === 'url_verification') {
    const c = challengeSchema.safeParse(obj);
    return c.success ? { ok: true, kind: 'challenge', challenge: c.data.challenge, token: c.data.token } : invalid(c.error);
  }
  if ('schema' in obj) return parseV2(obj);
  if (obj.type === 'event_callback') return parseV1(obj);
  return { ok: false, issues: '(root): neither a 2.0 envelope, a 1.0 event nor url_verification' };
}
