// Every message the emulator has seen, indexed per receiver and per chat, with Feishu's 1-hour uuid dedupe.
import { randomBytes } from 'node:crypto';
import type { RecordedMessage } from './types.js';

const UUID_WINDOW_MS = 60 * 60 * 1000;

export function newMessageId(): string {
  return `om_${randomBytes(16).toString('hex')}`;
}

export type NewMessage = Omit<RecordedMessage, 'messageId' | 'createTime' | 'updateTime' | 'revisions'> & {
  messageId?: string;
};

export class MessageStore {
  private readonly byId = new Map<string, RecordedMessage>();
  private readonly byUuid = new Map<string, { messageId: string; at: number }>();
  private readonly order: RecordedMessage[] = [];

  constructor(private readonly now: () => number) {}

  add(input: NewMessage): RecordedMessage {
    const at = this.now();
    const { messageId, ...rest } = input;
    const message: RecordedMessage = { ...rest, messageId: messageId ?? newMessageId(), createTime: at, updateTime: at, revisions: [] };
    this.byId.set(message.messageId, message);
    this.order.push(message);
    if (message.uuid) this.byUuid.set(message.uuid, { messageId: message.messageId, at });
    return message;
  }

  /** The message already sent with this uuid in the last hour, if any (reference §3.2). */
  findByUuid(uuid: string): RecordedMessage | undefined {
    const hit = this.byUuid.get(uuid);
    if (!hit) return undefined;
    if (this.now() - hit.at >= UUID_WINDOW_MS) {
      this.byUuid.delete(uuid);
      return undefined;
    }
    return this.byId.get(hit.messageId);
  }

  get(messageId: string): RecordedMessage | undefined {
    return this.byId.get(messageId);
  }

  revise(message: RecordedMessage, content: string, parsed: unknown, via: 'patch' | 'delayed_update'): void {
    const at = this.now();
    message.revisions.push({ at, content: message.content, via });
    message.content = content;
    message.parsed = parsed;
    message.updateTime = at;
  }

  /** Bot messages (not user messages registered by the injector), oldest first. */
  sent(): RecordedMessage[] {
    return this.order.filter((m) => m.source !== 'user');
  }

  /** Bot messages delivered to one user: direct and batch sends, and replies in their p2p chat. */
  sentToUser(openId: string): RecordedMessage[] {
    return this.sent().filter((m) => m.userOpenId === openId);
  }

  /** Bot messages in one chat (group chat_id or a user's p2p chat_id). */
  sentToChat(chatId: string): RecordedMessage[] {
    return this.sent().filter((m) => m.chatId === chatId);
  }

  clear(): void {
    this.byId.clear();
    this.byUuid.clear();
    this.order.length = 0;
  }
}
