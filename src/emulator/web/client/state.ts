// Who the page is being and which chat is open, kept in the URL (`#as=…&chat=…`) so a reload or
// a shared link lands in the same place; listeners re-render when either changes.
import type { PagePerson } from '../view-types.js';
import type { PageInfo } from './api.js';

export interface ChatRef {
  chatId: string;
  name: string;
  kind: 'p2p' | 'group';
}

type Listener = () => void;

class PageState {
  me: PagePerson | undefined;
  chat: ChatRef | undefined;
  info: PageInfo = { bot: { name: '机器人', openId: '' }, menu: [] };
  /** Names seen so far (people picked, message senders), for @mentions in cards. */
  readonly names = new Map<string, string>();
  private readonly listeners: Listener[] = [];

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  chats(): ChatRef[] {
    const me = this.me;
    if (!me?.p2pChatId) return [];
    const chats: ChatRef[] = [{ chatId: me.p2pChatId, name: this.info.bot.name, kind: 'p2p' }];
    if (me.groupChatId) chats.push({ chatId: me.groupChatId, name: me.groupChatName ?? '支部群', kind: 'group' });
    return chats;
  }

  be(person: PagePerson, chatId?: string): void {
    this.me = person;
    this.names.set(person.openId, person.name);
    const chats = this.chats();
    this.chat = chats.find((c) => c.chatId === chatId) ?? chats[0];
    this.save();
  }

  open(chatId: string): void {
    this.chat = this.chats().find((c) => c.chatId === chatId) ?? this.chat;
    this.save();
  }

  /** The person and chat named in the URL, if any. */
  saved(): { as?: string; chat?: string } {
    const params = new URLSearchParams(location.hash.slice(1));
    const as = params.get('as') ?? localStorage.getItem('sandbox.as') ?? undefined;
    const chat = params.get('chat') ?? undefined;
    return { ...(as ? { as } : {}), ...(chat ? { chat } : {}) };
  }

  private save(): void {
    if (!this.me) return;
    localStorage.setItem('sandbox.as', this.me.openId);
    history.replaceState(null, '', `#as=${encodeURIComponent(this.me.openId)}&chat=${encodeURIComponent(this.chat?.chatId ?? '')}`);
    for (const listener of this.listeners) listener();
  }
}

export const state = new PageState();
