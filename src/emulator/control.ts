// The emulator's test- and sandbox-facing handle: seed the directory, read the records, inject faults.
import type { EmulatorContext } from './context.js';
import type { UserSeed } from './directory.js';
import type { FaultInjector } from './faults.js';
import type { StoredMedia } from './media-store.js';
import type { ApiCall, EmulatorChat, EmulatorUser, EndpointId, RateLimitHit, RecordedMessage } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// A 1×1 PNG, so that resources of injected image messages are downloadable without seeding.
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export class EmulatorControl {
  constructor(private readonly ctx: EmulatorContext) {}

  get app(): EmulatorContext['app'] {
    return this.ctx.app;
  }

  get faults(): FaultInjector {
    return this.ctx.faults;
  }

  addUser(seed: UserSeed): EmulatorUser {
    return this.ctx.directory.addUser(seed);
  }

  addChat(chat: EmulatorChat): EmulatorChat {
    return this.ctx.directory.addChat(chat);
  }

  users(): EmulatorUser[] {
    return this.ctx.directory.listUsers();
  }

  chats(): EmulatorChat[] {
    return this.ctx.directory.listChats();
  }

  p2pChatId(openId: string): string {
    return this.ctx.directory.p2pChatId(openId);
  }

  /** Every message the bot sent (create, reply, batch), oldest first. */
  messages(): RecordedMessage[] {
    return this.ctx.messages.sent();
  }

  messagesTo(openId: string): RecordedMessage[] {
    return this.ctx.messages.sentToUser(openId);
  }

  messagesInChat(chatId: string): RecordedMessage[] {
    return this.ctx.messages.sentToChat(chatId);
  }

  message(messageId: string): RecordedMessage | undefined {
    return this.ctx.messages.get(messageId);
  }

  calls(endpoint?: EndpointId): ApiCall[] {
    return endpoint ? this.ctx.calls.filter((c) => c.endpoint === endpoint) : [...this.ctx.calls];
  }

  rateLimitHits(): RateLimitHit[] {
    return [...this.ctx.rateLimitHits];
  }

  /** How many distinct tenant tokens were issued (a refresh that returns the same token is not counted). */
  tokensIssued(): number {
    return this.ctx.tokens.issued;
  }

  /** Fault: all issued tokens become invalid now; the next API call gets 99991663. */
  expireTokens(): void {
    this.ctx.tokens.expireAll();
  }

  /** A card-update token for a card message, as a card.action.trigger callback would carry. */
  issueCardToken(messageId: string): string {
    return this.ctx.cardTokens.issue(messageId);
  }

  /** An uploaded image, as stored (bytes exactly as received). */
  image(imageKey: string): StoredMedia | undefined {
    return this.ctx.media.getImage(imageKey);
  }

  /** A file the bot uploaded (im/v1/files), as stored; tests read the workbooks the bot sent with it. */
  file(fileKey: string): StoredMedia | undefined {
    return this.ctx.media.getFile(fileKey);
  }

  putResource(fileKey: string, media: StoredMedia & { messageId?: string }): void {
    this.ctx.media.putResource(fileKey, media);
  }

  /**
   * Lets the emulator know about a user message the injector delivers, so that replies to it
   * and downloads of its resources work as they would on Feishu.
   */
  registerInboundEvent(envelope: unknown): RecordedMessage | undefined {
    if (!isObj(envelope) || !isObj(envelope.header) || envelope.header.event_type !== 'im.message.receive_v1') return undefined;
    const event = envelope.event;
    if (!isObj(event) || !isObj(event.message) || !isObj(event.sender)) return undefined;
    const m = event.message;
    const senderId = isObj(event.sender.sender_id) ? event.sender.sender_id.open_id : undefined;
    if (typeof m.message_id !== 'string' || typeof m.chat_id !== 'string' || typeof m.content !== 'string') return undefined;
    if (this.ctx.messages.get(m.message_id)) return this.ctx.messages.get(m.message_id);
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(m.content);
    } catch {
      // keep null: a malformed content is still a message
    }
    const imageKey = isObj(parsed) && typeof parsed.image_key === 'string' ? parsed.image_key : undefined;
    if (imageKey && !this.ctx.media.getResource(m.message_id, imageKey)) {
      this.ctx.media.putResource(imageKey, { bytes: PLACEHOLDER_PNG, contentType: 'image/png', messageId: m.message_id });
    }
    const chatType = m.chat_type === 'p2p' ? 'p2p' : 'group';
    return this.ctx.messages.add({
      messageId: m.message_id,
      source: 'user',
      chatId: m.chat_id,
      chatType,
      ...(chatType === 'p2p' && typeof senderId === 'string' ? { userOpenId: senderId } : {}),
      msgType: typeof m.message_type === 'string' ? m.message_type : 'text',
      content: m.content,
      parsed,
    });
  }

  /** Forgets messages, logs, limits, faults and tokens; keeps the directory. */
  reset(): void {
    const c = this.ctx;
    c.messages.clear();
    c.media.clear();
    c.cardTokens.clear();
    c.faults.clear();
    c.limiter.reset();
    c.tokens.expireAll();
    c.calls.length = 0;
    c.rateLimitHits.length = 0;
  }
}
