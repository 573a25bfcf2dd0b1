// Branch group chats: a secretary binds a Feishu group (that the bot was added to) to their own branch, so
// the pledge wall and notices are posted there; removing the bot from the group unbinds it.
//
// Why in the domain: binding decides where a branch's pledges become public, so it is a privileged action
// with the same permission rules and audit as the others — a forged button click reaches this check too.
import { DomainError } from '../errors.js';
import { assertManagesBranch, requirePerson, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { transact, type ServiceDeps } from '../shared/db.js';
import { requireText } from '../shared/input.js';

export interface BoundChat {
  readonly chatId: string;
  readonly branchId: number;
  readonly name: string | null;
}

export interface GroupBindingService {
  /** Binds the chat to the actor's own branch; a chat bound to another branch only an admin may take over. */
  bind(actor: ServiceActor, input: { readonly chatId: string; readonly name?: string }): Promise<{ chat: BoundChat; changed: boolean }>;
  /** The bot left the chat (im.chat.member.bot.deleted_v1): posts stop going there. */
  unbind(chatId: string): Promise<boolean>;
  /** The branch's chats that posts go to. */
  activeChats(branchId: number): Promise<BoundChat[]>;
}

export function createGroupBindingService(deps: ServiceDeps): GroupBindingService {
  const { db } = deps;
  return {
    async bind(actor, input) {
      const person = requirePerson(actor, 'bind a group chat');
      assertManagesBranch(actor, person.branchId, 'bind a group chat');
      const chatId = requireText(input.chatId, 'chatId', 200);
      const name = input.name?.trim().slice(0, 200) || null;
      return transact(db, async (tx) => {
        const existing = await tx.branchGroupChat.findUnique({ where: { chatId } });
        const active = existing && existing.unboundAt === null ? existing : undefined;
        if (active?.branchId === person.branchId) return { chat: { chatId, branchId: active.branchId, name: active.name }, changed: false };
        if (active && person.role !== 'ADMIN') {
          throw new DomainError('ACTOR_NOT_ALLOWED', 'the chat is bound to another branch', { action: 'bind a group chat', branchId: active.branchId });
        }
        const now = deps.clock.now();
        const data = { branchId: person.branchId, boundById: person.memberId, boundAt: now, unboundAt: null, ...(name ? { name } : {}) };
        const row = await tx.branchGroupChat.upsert({ where: { chatId }, create: { chatId, name, ...data }, update: data });
        await writeAudit(tx, {
          actorId: person.memberId, action: 'group.bind', targetType: 'group_chat', targetId: chatId, branchId: person.branchId,
          before: existing ? { branchId: existing.branchId, unbound: existing.unboundAt !== null } : null, after: { branchId: person.branchId }, at: now,
        });
        return { chat: { chatId, branchId: row.branchId, name: row.name }, changed: true };
      });
    },

    async unbind(chatId) {
      const { count } = await db.branchGroupChat.updateMany({ where: { chatId, unboundAt: null }, data: { unboundAt: deps.clock.now() } });
      return count > 0;
    },

    async activeChats(branchId) {
      const rows = await db.branchGroupChat.findMany({ where: { branchId, unboundAt: null }, orderBy: { id: 'asc' } });
      return rows.map((r) => ({ chatId: r.chatId, branchId: r.branchId, name: r.name }));
    },
  };
}
