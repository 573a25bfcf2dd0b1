// The roster as the sandbox's Feishu knows it: every member with an open_id becomes an emulator
// user (so the bot can message them), every bound branch chat an emulator group, and the page
// offers them all — plus a visitor outside the roster, to see what strangers get.
import type { Db } from '../db/prisma.js';
import type { EmulatorControl } from '../emulator/control.js';
import type { UserSeed } from '../emulator/directory.js';
import type { PagePerson } from '../emulator/web/view-types.js';

export const VISITOR: PagePerson = { openId: 'ou_sandbox_visitor', name: '访客', role: 'guest', branch: '不在党员名册中', status: 'active' };

const ROLE = { MEMBER: 'member', SECRETARY: 'secretary', ADMIN: 'admin' } as const;
const STATUS = { ACTIVE: 'active', ON_LEAVE: 'on_leave', INACTIVE: 'inactive' } as const;
const ROLE_ORDER = { admin: 0, secretary: 1, member: 2, guest: 3 } as const;

export interface Roster {
  people: PagePerson[];
  /** The same people as the emulator's contact directory holds them (ids, mobile, e-mail). */
  users: UserSeed[];
}

export async function loadRoster(db: Db): Promise<Roster> {
  const [members, chats] = await Promise.all([
    db.member.findMany({
      where: { openId: { not: null } },
      select: { openId: true, unionId: true, userId: true, mobile: true, email: true, name: true, role: true, status: true, employeeNo: true, branchId: true, branch: { select: { name: true } } },
      orderBy: [{ branch: { sortOrder: 'asc' } }, { employeeNo: 'asc' }],
    }),
    db.branchGroupChat.findMany({ where: { unboundAt: null }, select: { chatId: true, name: true, branchId: true }, orderBy: { id: 'asc' } }),
  ]);
  const chatOf = new Map(chats.map((c) => [c.branchId, c]));
  const people = members.map((m): PagePerson => {
    const chat = chatOf.get(m.branchId);
    return {
      openId: m.openId ?? '',
      name: m.name,
      role: ROLE[m.role],
      branch: m.branch.name,
      status: STATUS[m.status],
      employeeNo: m.employeeNo,
      ...(chat ? { groupChatId: chat.chatId, groupChatName: chat.name ?? `${m.branch.name}群` } : {}),
    };
  });
  // Admins and secretaries first: they are who people most often want to try.
  people.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const users: UserSeed[] = members.map((m) => ({
    openId: m.openId ?? '',
    name: m.name,
    ...(m.unionId ? { unionId: m.unionId } : {}),
    ...(m.userId ? { userId: m.userId } : {}),
    ...(m.mobile ? { mobile: m.mobile } : {}),
    ...(m.email ? { email: m.email } : {}),
  }));
  return { people: [...people, VISITOR], users: [...users, { openId: VISITOR.openId, name: VISITOR.name }] };
}

/** Adds everyone (and every branch chat, with its members) to the emulator's directory. */
export function syncDirectory(control: EmulatorControl, roster: Roster): void {
  const known = new Set(control.users().map((u) => u.openId));
  for (const user of roster.users) if (!known.has(user.openId)) control.addUser(user);
  const chats = new Map<string, { name: string; members: string[] }>();
  for (const p of roster.people) {
    if (p.groupChatId) {
      const chat = chats.get(p.groupChatId) ?? { name: p.groupChatName ?? p.groupChatId, members: [] };
      chat.members.push(p.openId);
      chats.set(p.groupChatId, chat);
    }
  }
  for (const [chatId, chat] of chats) control.addChat({ chatId, name: chat.name, members: chat.members });
}
