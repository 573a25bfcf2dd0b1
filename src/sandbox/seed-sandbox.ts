// Fills an empty sandbox database so there is someone to be: the demo organisation (21 branches,
// ~710 members, a secretary per branch, one admin, a group chat per branch). Interim: when
// `npm run db:seed` (rules, library, demo activity) is on main, this calls it instead.
import type { Db } from '../db/prisma.js';
import { dbDate, todayIn } from '../demo/demo-dates.js';
import { generateOrganisation } from '../demo/generate-organisation.js';

export const SANDBOX_DEMO_SEED = 1;
const COMMITTEE = { code: 'COMMITTEE', name: '油田作业区党委' } as const;

export interface SeedOutcome {
  seeded: boolean;
  members: number;
}

/** Seeds only a database without members: a database someone already uses is left as it is. */
export async function seedWhenEmpty(db: Db, timeZone: string): Promise<SeedOutcome> {
  const existing = await db.member.count();
  if (existing > 0) return { seeded: false, members: existing };
  const org = generateOrganisation({ seed: SANDBOX_DEMO_SEED, scale: 1, asOf: todayIn(timeZone) });
  await db.$transaction(
    async (tx) => {
      const committee = await tx.committee.upsert({ where: { code: COMMITTEE.code }, create: { ...COMMITTEE }, update: {} });
      await tx.branch.createMany({
        data: org.branches.map((b) => ({ committeeId: committee.id, code: b.code, name: b.name, sortOrder: b.sortOrder })),
        skipDuplicates: true,
      });
      const branchIds = new Map((await tx.branch.findMany({ select: { id: true, code: true } })).map((b) => [b.code, b.id]));
      const branchId = (code: string) => branchIds.get(code) ?? 0;
      await tx.member.createMany({
        data: org.members.map((m) => ({
          employeeNo: m.employeeNo,
          name: m.name,
          mobile: m.mobile,
          email: m.email,
          branchId: branchId(m.branchCode),
          role: m.role,
          openId: m.openId,
          unionId: m.unionId,
          userId: m.userId,
          status: m.status,
          leaveUntil: m.leaveUntil === null ? null : dbDate(m.leaveUntil),
          partyJoinedOn: dbDate(m.partyJoinedOn),
        })),
        skipDuplicates: true,
      });
      const memberIds = new Map((await tx.member.findMany({ select: { id: true, employeeNo: true } })).map((m) => [m.employeeNo, m.id]));
      const secretaries = new Map(org.members.filter((m) => m.role === 'SECRETARY').map((m) => [m.branchCode, m.employeeNo]));
      await tx.branchGroupChat.createMany({
        data: org.branches.map((b) => ({
          chatId: b.groupChatId,
          branchId: branchId(b.code),
          name: b.groupChatName,
          boundById: memberIds.get(secretaries.get(b.code) ?? '') ?? 0,
        })),
        skipDuplicates: true,
      });
    },
    { timeout: 60_000 },
  );
  return { seeded: true, members: org.members.length };
}
