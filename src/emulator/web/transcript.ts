// What the page shows per chat: the emulator's record of bot messages, plus what only the page
// knows — the messages people typed here (with how their events were delivered), menu taps,
// and cards replaced by a callback's synchronous answer (Feishu replaces them for everyone).
import type { EmulatorControl } from '../control.js';
import type { RecordedMessage } from '../types.js';
import type { DeliveryView, MessageView } from './view-types.js';

interface TypedMessage {
  messageId: string;
  chatId: string;
  senderOpenId: string;
  text: string;
  at: number;
  delivery: DeliveryView;
}

interface Note {
  id: string;
  chatId: string;
  text: string;
  at: number;
  delivery: DeliveryView;
}

/** Older entries are dropped past this many, so a long session does not grow without bound. */
const KEEP = 5000;

export class Transcript {
  private readonly typed: TypedMessage[] = [];
  private readonly notes: Note[] = [];
  private readonly replaced = new Map<string, { card: unknown; at: number }>();
  private seq = 0;

  constructor(
    private readonly control: Pick<EmulatorControl, 'messagesInChat'>,
    private readonly now: () => number = Date.now,
  ) {}

  recordTyped(entry: Omit<TypedMessage, 'at'>): void {
    this.typed.push({ ...entry, at: this.now() });
    if (this.typed.length > KEEP) this.typed.shift();
  }

  recordNote(chatId: string, text: string, delivery: DeliveryView): void {
    this.notes.push({ id: `note_${++this.seq}`, chatId, text, at: this.now(), delivery });
    if (this.notes.length > KEEP) this.notes.shift();
  }

  /** A callback answered with a new card: it replaces the message's card from now on. */
  replaceCard(messageId: string, card: unknown): void {
    this.replaced.set(messageId, { card, at: this.now() });
  }

  private botView(m: RecordedMessage): MessageView {
    const replaced = this.replaced.get(m.messageId);
    // A later PATCH or delayed update wins over an earlier callback answer, and the reverse.
    const useReplaced = replaced !== undefined && replaced.at >= m.updateTime;
    return {
      messageId: m.messageId,
      from: 'bot',
      msgType: m.msgType,
      content: useReplaced ? replaced.card : m.parsed,
      createTime: m.createTime,
      updateTime: useReplaced ? replaced.at : m.updateTime,
      updated: useReplaced || m.revisions.length > 0,
    };
  }

  /** Everything in one chat, oldest first; a bot reply never sorts above what it answers. */
  view(chatId: string, nameOf: (openId: string) => string | undefined): MessageView[] {
    const typed: MessageView[] = this.typed
      .filter((t) => t.chatId === chatId)
      .map((t) => ({
        messageId: t.messageId,
        from: 'user',
        senderOpenId: t.senderOpenId,
        senderName: nameOf(t.senderOpenId) ?? t.senderOpenId,
        msgType: 'text',
        content: { text: t.text },
        text: t.text,
        createTime: t.at,
        updateTime: t.at,
        updated: false,
        delivery: t.delivery,
      }));
    const notes: MessageView[] = this.notes
      .filter((n) => n.chatId === chatId)
      .map((n) => ({ messageId: n.id, from: 'system', msgType: 'note', content: {}, text: n.text, createTime: n.at, updateTime: n.at, updated: false, delivery: n.delivery }));
    const bot = this.control.messagesInChat(chatId).map((m) => this.botView(m));
    return [...typed, ...notes, ...bot].sort((a, b) => a.createTime - b.createTime);
  }
}
