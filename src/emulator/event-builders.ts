// Builders for the events and callbacks Feishu sends a bot, in Feishu's exact 2.0/1.0 shapes (§1.3, §2).
import { createHash, randomBytes } from 'node:crypto';
import { p2pChatIdFor } from './directory.js';
import { newMessageId } from './message-store.js';

export interface EventContext {
  appId: string;
  tenantKey: string;
  verificationToken: string;
  now?: () => number;
}

export interface Person {
  openId: string;
  unionId?: string;
  userId?: string;
  name?: string;
}

export interface FeishuEnvelope {
  schema: '2.0';
  header: { event_id: string; event_type: string; create_time: string; token: string; app_id: string; tenant_key: string };
  event: Record<string, unknown>;
}

export interface EnvelopeOptions {
  eventId?: string;
}

export function newEventId(): string {
  return randomBytes(16).toString('hex');
}

/** Same id derivation as the emulator directory, so unseeded people still have all three ids. */
function ids(p: Person): { union_id: string; user_id: string; open_id: string } {
  const h = createHash('sha256').update(p.openId).digest('hex').slice(0, 24);
  return { union_id: p.unionId ?? `on_${h}`, user_id: p.userId ?? h.slice(0, 8), open_id: p.openId };
}

export function envelope(ctx: EventContext, eventType: string, event: Record<string, unknown>, opts: EnvelopeOptions = {}): FeishuEnvelope {
  return {
    schema: '2.0',
    header: {
      event_id: opts.eventId ?? newEventId(),
      event_type: eventType,
      create_time: String((ctx.now ?? Date.now)()),
      token: ctx.verificationToken,
      app_id: ctx.appId,
      tenant_key: ctx.tenantKey,
    },
    event,
  };
}

export interface MessageSpec extends EnvelopeOptions {
  sender: Person;
  chatType?: 'p2p' | 'group';
  /** Defaults to the sender's p2p chat with the bot; required for group messages. */
  chatId?: string;
  messageId?: string;
  parentId?: string;
  rootId?: string;
}

function message(ctx: EventContext, spec: MessageSpec, messageType: string, content: unknown, mentions: Person[] = []): FeishuEnvelope {
  const chatType = spec.chatType ?? 'p2p';
  if (chatType === 'group' && !spec.chatId) throw new Error('a group message needs a chatId');
  const now = String((ctx.now ?? Date.now)());
  return envelope(
    ctx,
    'im.message.receive_v1',
    {
      sender: { sender_id: ids(spec.sender), sender_type: 'user', tenant_key: ctx.tenantKey },
      message: {
        message_id: spec.messageId ?? newMessageId(),
        ...(spec.rootId ? { root_id: spec.rootId } : {}),
        ...(spec.parentId ? { parent_id: spec.parentId } : {}),
        create_time: now,
        update_time: now,
        chat_id: spec.chatId ?? p2pChatIdFor(spec.sender.openId),
        chat_type: chatType,
        message_type: messageType,
        content: JSON.stringify(content),
        ...(mentions.length
          ? { mentions: mentions.map((p, i) => ({ key: `@_user_${i + 1}`, id: ids(p), name: p.name ?? '', tenant_key: ctx.tenantKey })) }
          : {}),
        user_agent: 'Mozilla/5.0 (emulator) Lark/7.30.0',
      },
    },
    spec,
  );
}

/**
 * A text message. Mentions become `@_user_N` placeholders at the start of the text, with their
 * ids in `mentions[]` — how a group message "@Vanguard 积分" arrives.
 */
export function textMessage(ctx: EventContext, spec: MessageSpec & { text: string; mentions?: Person[] }): FeishuEnvelope {
  const mentions = spec.mentions ?? [];
  const prefix = mentions.map((_, i) => `@_user_${i + 1} `).join('');
  return message(ctx, spec, 'text', { text: `${prefix}${spec.text}` }, mentions);
}

export function groupMessage(
  ctx: EventContext,
  spec: Omit<MessageSpec, 'chatType'> & { chatId: string; text: string; mentions?: Person[] },
): FeishuEnvelope {
  return textMessage(ctx, { ...spec, chatType: 'group' });
}

export function imageMessage(ctx: EventContext, spec: MessageSpec & { imageKey: string }): FeishuEnvelope {
  return message(ctx, spec, 'image', { image_key: spec.imageKey });
}

/** A file message, in Feishu's shape: content `{"file_key":"file_v3_…","file_name":"roster.csv"}`. */
export function fileMessage(ctx: EventContext, spec: MessageSpec & { fileKey: string; fileName: string }): FeishuEnvelope {
  return message(ctx, spec, 'file', { file_key: spec.fileKey, file_name: spec.fileName });
}

export function menuClick(
  ctx: EventContext,
  spec: EnvelopeOptions & { operator: Person; eventKey: string; timestamp?: string | number },
): FeishuEnvelope {
  const timestamp = spec.timestamp ?? String(Math.floor((ctx.now ?? Date.now)() / 1000));
  return envelope(
    ctx,
    'application.bot.menu_v6',
    { operator: { operator_name: spec.operator.name ?? '', operator_id: ids(spec.operator) }, event_key: spec.eventKey, timestamp },
    spec,
  );
}

export function p2pChatEntered(ctx: EventContext, spec: EnvelopeOptions & { operator: Person; chatId?: string }): FeishuEnvelope {
  return envelope(
    ctx,
    'im.chat.access_event.bot_p2p_chat_entered_v1',
    { chat_id: spec.chatId ?? p2pChatIdFor(spec.operator.openId), operator_id: ids(spec.operator) },
    spec,
  );
}

export function botMembershipChanged(
  ctx: EventContext,
  spec: EnvelopeOptions & { operator: Person; chatId: string; chatName: string; removed?: boolean; external?: boolean },
): FeishuEnvelope {
  return envelope(
    ctx,
    spec.removed ? 'im.chat.member.bot.deleted_v1' : 'im.chat.member.bot.added_v1',
    {
      chat_id: spec.chatId,
      operator_id: ids(spec.operator),
      external: spec.external ?? false,
      operator_tenant_key: ctx.tenantKey,
      name: spec.chatName,
      i18n_names: { zh_cn: spec.chatName },
    },
    spec,
  );
}

export interface CardActionSpec extends EnvelopeOptions {
  operator: Person;
  /** Card-update token; from the emulator's issueCardToken() when delayed updates are exercised. */
  token: string;
  openMessageId: string;
  openChatId: string;
  tag?: string;
  /** The component's name (for form submits: the submit button's name). */
  name?: string;
  value?: Record<string, unknown> | string;
  formValue?: Record<string, string | string[] | boolean | number>;
  inputValue?: string;
  option?: string;
  options?: string[];
  checked?: boolean;
}

/** card.action.trigger (new callback, 2.0 schema): a button click, or a form submit with form_value. */
export function cardAction(ctx: EventContext, spec: CardActionSpec): FeishuEnvelope {
  const action: Record<string, unknown> = { tag: spec.tag ?? 'button', timezone: 'Asia/Shanghai' };
  if (spec.value !== undefined) action.value = spec.value;
  if (spec.name !== undefined) action.name = spec.name;
  if (spec.formValue !== undefined) action.form_value = spec.formValue;
  if (spec.inputValue !== undefined) action.input_value = spec.inputValue;
  if (spec.option !== undefined) action.option = spec.option;
  if (spec.options !== undefined) action.options = spec.options;
  if (spec.checked !== undefined) action.checked = spec.checked;
  const operator = ids(spec.operator);
  return envelope(
    ctx,
    'card.action.trigger',
    {
      operator: { tenant_key: ctx.tenantKey, user_id: operator.user_id, open_id: operator.open_id, union_id: operator.union_id },
      token: spec.token,
      action,
      host: 'im_message',
      context: { open_message_id: spec.openMessageId, open_chat_id: spec.openChatId },
    },
    spec,
  );
}

export function urlVerification(ctx: EventContext, challenge: string = newEventId()): Record<string, string> {
  return { challenge, token: ctx.verificationToken, type: 'url_verification' };
}

/** A legacy 1.0 event envelope (`uuid`, `event.type`). */
export function v1Event(ctx: EventContext, event: Record<string, unknown> & { type: string }, uuid: string = newEventId()): Record<string, unknown> {
  const ts = ((ctx.now ?? Date.now)() / 1000).toFixed(7);
  return { ts, uuid, token: ctx.verificationToken, type: 'event_callback', event: { app_id: ctx.appId, tenant_key: ctx.tenantKey, ...event } };
}
