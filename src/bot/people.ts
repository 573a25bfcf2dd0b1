// Who the bot writes to about a record, and the names it shows: the reviewers of a member's record (their
// branch's secretaries, or the admins for a secretary's or admin's own record), admins, open_ids and names.
import type { DbClient } from '../domain/shared/db.js';

export interface Recipient {
  memberId: number;
  openId: string;
  name: string;
}

const active = { status: { not: 'INACTIVE' as const }, openId: { not: null } };

function toRecipients(rows: { id: number; openId: string | null; name: string }[]): Recipient[] {
  return rows.filter((r) => r.openId).map((r) => ({ memberId: r.id, openId: r.openId!, name: r.name }));
}

/** Product §9: a plain member's records go to the branch's secretaries; a secretary's or admin's to other admins. */
export async function reviewersOf(db: DbClient, memberId: number): Promise<Recipient[]> {
  const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { role: true, branchId: true } });
  const where = member.role === 'MEMBER'
    ? { ...active, branchId: member.branchId, role: 'SECRETARY' as const }
    : { ...active, role: 'ADMIN' as const, id: { not: memberId } };
  const rows = await db.member.findMany({ where, select: { id: true, openId: true, name: true }, orderBy: { id: 'asc' }, take: 20 });
  return toRecipients(rows);
}

/** The committee's active admins, except the member concerned (nobody decides on themselves). */
export async function adminsExcept(db: DbClient, memberId: number): Promise<Recipient[]> {
  const rows = await db.member.findMany({
    where: { ...active, role: 'ADMIN', id: { not: memberId } },
    select: { id: true, openId: true, name: true },
    orderBy: { id: 'asc' },
    take: 20,
  });
  return toRecipients(rows);
}

/** One member as a recipient; undefined when they have no open_id (not yet resolved by the roster). */
export async function recipientOf(db: DbClient, memberId: number): Promise<Recipient | undefined> {
  const row = await db.member.findUnique({ where: { id: memberId }, select: { id: true, openId: true, name: true } });
  return row ? toRecipients([row])[0] : undefined;
}

/** Names by member id (for cards); unknown ids are left out. */
export async function namesOf(db: DbClient, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.member.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function branchNameOf(db: DbClient, branchId: number): Promise<string> {
  const row = await db.branch.findUnique({ where: { id: branchId }, select: { name: true } });
  return row?.name ?? '';
}
