// Member lookups the services need for permissions: branch, role and status of the person a record is about.
import type { Prisma } from '../../generated/prisma/client.js';
import { DomainError } from '../errors.js';
import type { PersonRole, Subject } from '../access/actor.js';
import type { DbClient } from '../shared/db.js';

export interface MemberSubject extends Subject {
  readonly name: string;
  readonly status: 'ACTIVE' | 'INACTIVE' | 'ON_LEAVE';
  readonly leaveUntil: Date | null;
}

const subjectColumns = { id: true, branchId: true, role: true, name: true, status: true, leaveUntil: true } as const;

function toSubject(row: Prisma.MemberGetPayload<{ select: typeof subjectColumns }>): MemberSubject {
  return { memberId: row.id, branchId: row.branchId, role: row.role as PersonRole, name: row.name, status: row.status, leaveUntil: row.leaveUntil };
}

/** The member, or NOT_FOUND. */
export async function getSubject(db: DbClient, memberId: number): Promise<MemberSubject> {
  const row = await db.member.findUnique({ where: { id: memberId }, select: subjectColumns });
  if (!row) throw new DomainError('NOT_FOUND', 'no such member', { memberId });
  return toSubject(row);
}

/** Members on a branch's board: everyone not deactivated (members on leave still count). */
export async function branchMembers(db: DbClient, branchId: number): Promise<MemberSubject[]> {
  const rows = await db.member.findMany({
    where: { branchId, status: { not: 'INACTIVE' } },
    select: subjectColumns,
    orderBy: { id: 'asc' },
  });
  return rows.map(toSubject);
}

/** The members of the branch that `memberId` belongs to (plus that member even if deactivated): one query. */
export async function membersAlongside(db: DbClient, memberId: number): Promise<MemberSubject[]> {
  const rows = await db.member.findMany({
    where: {
      branch: { members: { some: { id: memberId } } },
      OR: [{ status: { not: 'INACTIVE' } }, { id: memberId }],
    },
    select: subjectColumns,
    orderBy: { id: 'asc' },
  });
  return rows.map(toSubject);
}

/** Every member not deactivated, for committee-wide figures. */
export async function allActiveMembers(db: DbClient): Promise<MemberSubject[]> {
  const rows = await db.member.findMany({ where: { status: { not: 'INACTIVE' } }, select: subjectColumns, orderBy: { id: 'asc' } });
  return rows.map(toSubject);
}
