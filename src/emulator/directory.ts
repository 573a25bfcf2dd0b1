// The emulator's users and chats, and how a receive_id resolves to one of them.
import { createHash } from 'node:crypto';
import { ERR, type FeishuError } from './feishu-errors.js';
import type { EmulatorChat, EmulatorOptions, EmulatorUser } from './types.js';

export type ReceiveIdType = 'open_id' | 'union_id' | 'user_id' | 'email' | 'chat_id';
export const RECEIVE_ID_TYPES: readonly ReceiveIdType[] = ['open_id', 'union_id', 'user_id', 'email', 'chat_id'];

export type Receiver =
  | { kind: 'user'; user: EmulatorUser; chatId: string }
  | { kind: 'chat'; chat: EmulatorChat };

export type UserSeed = NonNullable<EmulatorOptions['users']>[number];

function suffix(openId: string): string {
  return createHash('sha256').update(openId).digest('hex').slice(0, 24);
}

/** The bot's p2p chat with a user: derived from the open_id so builders and the emulator agree. */
export function p2pChatIdFor(openId: string): string {
  return `oc_p2p${suffix(openId)}`;
}

/** Mainland numbers may come with or without +86 (reference §3.7). */
export function normalizeMobile(mobile: string): string {
  const digits = mobile.replace(/[\s-]/g, '');
  return digits.startsWith('+86') ? digits.slice(3) : digits;
}

export class Directory {
  private readonly users = new Map<string, EmulatorUser>();
  private readonly chats = new Map<string, EmulatorChat>();

  addUser(seed: UserSeed): EmulatorUser {
    const s = suffix(seed.openId);
    const user: EmulatorUser = { unionId: `on_${s}`, userId: s.slice(0, 8), available: true, ...seed };
    this.users.set(user.openId, user);
    return user;
  }

  addChat(chat: EmulatorChat): EmulatorChat {
    const stored = { botIsMember: true, ...chat, members: [...chat.members] };
    this.chats.set(chat.chatId, stored);
    return stored;
  }

  listUsers(): EmulatorUser[] {
    return [...this.users.values()];
  }

  listChats(): EmulatorChat[] {
    return [...this.chats.values()];
  }

  getUser(openId: string): EmulatorUser | undefined {
    return this.users.get(openId);
  }

  getChat(chatId: string): EmulatorChat | undefined {
    return this.chats.get(chatId);
  }

  p2pChatId(openId: string): string {
    return p2pChatIdFor(openId);
  }

  /** The user whose p2p chat this is, if it is one. */
  p2pUserOf(chatId: string): EmulatorUser | undefined {
    return this.listUsers().find((u) => this.p2pChatId(u.openId) === chatId);
  }

  findUser(idType: Exclude<ReceiveIdType, 'chat_id'>, id: string): EmulatorUser | undefined {
    if (idType === 'open_id') return this.users.get(id);
    const field = ({ union_id: 'unionId', user_id: 'userId', email: 'email' } as const)[idType];
    return this.listUsers().find((u) => u[field] === id);
  }

  findByMobile(mobile: string): EmulatorUser | undefined {
    const wanted = normalizeMobile(mobile);
    return this.listUsers().find((u) => u.mobile !== undefined && normalizeMobile(u.mobile) === wanted);
  }

  departmentMembers(departmentId: string): EmulatorUser[] {
    return this.listUsers().filter((u) => u.departmentIds?.includes(departmentId));
  }

  /** Checks that the bot may message this user (availability, resignation). */
  userReachable(user: EmulatorUser): FeishuError | null {
    if (user.resigned) return ERR.userResigned;
    if (user.available === false) return ERR.noAvailability;
    return null;
  }

  resolveReceiver(idType: ReceiveIdType, id: string): Receiver | FeishuError {
    if (idType === 'chat_id') {
      if (!id.startsWith('oc_')) return ERR.badReceiveId;
      const p2pUser = this.p2pUserOf(id);
      if (p2pUser) return this.resolveUserReceiver(p2pUser);
      const chat = this.chats.get(id);
      if (!chat || chat.botIsMember === false) return ERR.botNotInChat;
      return { kind: 'chat', chat };
    }
    const prefix = { open_id: 'ou_', union_id: 'on_', user_id: '', email: '' }[idType];
    if (!id.startsWith(prefix) || (idType === 'email' && !id.includes('@'))) return ERR.badReceiveId;
    const user = this.findUser(idType, id);
    // Feishu cannot tell "no such user" from "not visible to this app": both are 230013.
    if (!user) return ERR.noAvailability;
    return this.resolveUserReceiver(user);
  }

  private resolveUserReceiver(user: EmulatorUser): Receiver | FeishuError {
    return this.userReachable(user) ?? { kind: 'user', user, chatId: this.p2pChatId(user.openId) };
  }

  clear(): void {
    this.users.clear();
    this.chats.clear();
  }
}
