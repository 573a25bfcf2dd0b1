// The one typed shape of inbound Feishu events and card actions that crosses the edge.

/** A Feishu user as the events identify them; open_id is always present for our app. */
export interface FeishuUserRef {
  openId: string;
  unionId?: string;
  userId?: string;
}

export interface FeishuMention {
  /** Placeholder in the text, e.g. `@_user_1`; `@_all` for everyone. */
  key: string;
  openId?: string;
  name: string;
}

export type MessageContent =
  | { type: 'text'; text: string }
  | { type: 'post'; title: string; text: string; imageKeys: string[] }
  | { type: 'image'; imageKey: string }
  | { type: 'file'; fileKey: string; fileName?: string }
  | { type: 'other'; messageType: string; raw: unknown };

interface EventBase {
  /** `header.event_id` (v2) or `uuid` (v1): one per delivery of a business event. */
  eventId: string;
  eventType: string;
  envelope: 'v2' | 'v1';
  /**
   * Every key under which this event must be deduplicated, namespaced (`event:…`, `message:…`).
   * im.message.receive_v1 carries both, because Feishu may push the same message under a new
   * event_id (reference §1.9).
   */
  dedupeKeys: string[];
  appId?: string;
  tenantKey?: string;
  /** Opaque: the docs show both 13-digit ms and 16-digit µs values. */
  createTime?: string;
}

export interface MessageEvent extends EventBase {
  kind: 'message';
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  sender: FeishuUserRef & { senderType: string };
  content: MessageContent;
  mentions: FeishuMention[];
  mentionsAll: boolean;
  rootId?: string;
  parentId?: string;
  threadId?: string;
}

export interface MenuEvent extends EventBase {
  kind: 'menu';
  eventKey: string;
  operator: FeishuUserRef & { name?: string };
  /** As sent; the doc says string, the SDK says number; unit not documented. */
  timestamp?: number;
}

export interface P2pChatEnteredEvent extends EventBase {
  kind: 'p2pChatEntered';
  chatId: string;
  operator: FeishuUserRef;
  lastMessageId?: string;
}

export interface BotChatMembershipEvent extends EventBase {
  kind: 'botAddedToChat' | 'botRemovedFromChat';
  chatId: string;
  operator?: FeishuUserRef;
  chatName?: string;
  external?: boolean;
}

export interface UnknownEvent extends EventBase {
  kind: 'unknown';
  /** The decrypted envelope, for logging the type and for future handlers. */
  raw: unknown;
}

export type FeishuEvent = MessageEvent | MenuEvent | P2pChatEnteredEvent | BotChatMembershipEvent | UnknownEvent;

export type CardFormValue = string | number | boolean | string[] | null;

/** A click or form submit on an interactive card (card.action.trigger, or a 1.0 callback). */
export interface CardAction {
  kind: 'card';
  envelope: 'v2' | 'v1';
  /** Present for 2.0 callbacks; 1.0 callbacks carry none (the card token is the only id). */
  eventId?: string;
  dedupeKeys: string[];
  operator: FeishuUserRef;
  /** Card-update token (`c-…`), valid 30 min for two delayed updates; not the Verification Token. */
  token: string;
  action: {
    tag: string;
    name?: string;
    value: Record<string, unknown> | string | null;
    formValue?: Record<string, CardFormValue>;
    inputValue?: string;
    option?: string;
    options?: string[];
    checked?: boolean;
    timezone?: string;
  };
  openMessageId?: string;
  openChatId?: string;
  host?: string;
  tenantKey?: string;
  appId?: string;
}

/** Removes mention placeholders (`@_user_1`, `@_all`) so commands parse the same with or without @bot. */
export function stripMentions(text: string, mentions: readonly FeishuMention[]): string {
  let out = text;
  for (const m of mentions) out = out.split(m.key).join(' ');
  return out.replace(/@_all\b/g, ' ').replace(/\s+/g, ' ').trim();
}
