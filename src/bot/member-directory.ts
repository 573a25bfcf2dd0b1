// The roster as the bot sees it: who is behind a Feishu open_id, read from PostgreSQL.
import type { Db } from '../db/prisma.js';
import type { Actor, MemberDirectory } from './actor.js';

export function prismaMemberDirectory(db: Db): MemberDirectory {
  return {
    async findByOpenId(openId: string): Promise<Actor | undefined> {
      if (!openId) return undefined;
      const member = await db.member.findUnique({
        where: { openId },
        select: { id: true, openId: true, name: true, role: true, status: true, branchId: true, branch: { select: { name: true } } },
      });
      if (!member?.openId) return undefined;
      return {
        memberId: member.id,
        openId: member.openId,
        name: member.name,
        role: member.role,
        status: member.status,
        branchId: member.branchId,
        branchName: member.branch.name,
      };
    },
  };
}
