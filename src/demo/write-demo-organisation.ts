// Writes the demo organisation: branches, members and each branch's bound group chat. Rows are keyed on branch
// code, employee number and chat id and skipped when present, so a second run adds nothing.
import { createInBatches, dbDate, idOf, type DemoIds, type DemoWriteContext } from './demo-writer-support.js';
import type { DemoOrganisation } from './demo-types.js';

export async function writeOrganisation(ctx: DemoWriteContext, org: DemoOrganisation): Promise<DemoIds> {
  const { db } = ctx;
  await createInBatches(org.branches, (batch) =>
    db.branch.createMany({
      data: batch.map((b) => ({ committeeId: ctx.committeeId, code: b.code, name: b.name, sortOrder: b.sortOrder })),
      skipDuplicates: true,
    }),
  );
  const branches = await db.branch.findMany({ where: { code: { in: org.branches.map((b) => b.code) } }, select: { id: true, code: true } });
  const branchIds = new Map(branches.map((b) => [b.code, b.id]));

  await createInBatches(org.members, (batch) =>
    db.member.createMany({
      data: batch.map((m) => ({
        employeeNo: m.employeeNo,
        name: m.name,
        mobile: m.mobile,
        email: m.email,
        branchId: idOf(branchIds, m.branchCode, 'branch'),
        role: m.role,
        openId: m.openId,
        unionId: m.unionId,
        userId: m.userId,
        status: m.status,
        leaveUntil: m.leaveUntil === null ? null : dbDate(m.leaveUntil),
        partyJoinedOn: dbDate(m.partyJoinedOn),
      })),
      skipDuplicates: true,
    }),
  );
  const members = await db.member.findMany({ where: { branchId: { in: [...branchIds.values()] } }, select: { id: true, employeeNo: true } });
  const memberIds = new Map(members.map((m) => [m.employeeNo, m.id]));

  const secretaries = new Map(org.members.filter((m) => m.role === 'SECRETARY').map((m) => [m.branchCode, m.employeeNo]));
  await createInBatches(org.branches, (batch) =>
    db.branchGroupChat.createMany({
      data: batch.map((b) => ({
        chatId: b.groupChatId,
        branchId: idOf(branchIds, b.code, 'branch'),
        name: b.groupChatName,
        boundById: idOf(memberIds, secretaries.get(b.code) ?? null, 'secretary'),
      })),
      skipDuplicates: true,
    }),
  );
  return { branchIds, memberIds };
}
