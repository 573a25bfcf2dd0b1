// The roster's queries: the committee, the snapshot an import compares against, and writing a plan. Each takes
// a client or a transaction; the service decides where the transaction starts.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { RosterError } from './import-report.js';
import type { MemberValues, RosterPlan } from './plan-roster.js';
import type { RosterRow } from './roster-row-schema.js';
import type { ExistingMember, RosterSnapshot } from './roster-snapshot.js';

export type RosterDb = PrismaClient | Prisma.TransactionClient;

/** Two imports at once would each plan against a database the other is changing: they take turns. */
export async function lockRosterImports(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('vanguard.roster-import'))`);
}

/** Whether a member may import the roster (product.md §9: committee admins only). */
export async function isActiveAdmin(db: RosterDb, memberId: number): Promise<boolean> {
  const member = await db.member.findUnique({ where: { id: memberId }, select: { role: true, status: true } });
  return member?.role === 'ADMIN' && member.status === 'ACTIVE';
}

/** The committee named by `--committee` (name or code), or the only one there is. */
export async function findCommittee(db: RosterDb, name: string | undefined): Promise<{ id: number; name: string } | RosterError> {
  const committees = await db.committee.findMany({ select: { id: true, name: true, code: true }, orderBy: { id: 'asc' } });
  if (name !== undefined) {
    const found = committees.find((c) => c.name === name || c.code === name);
    return found ? { id: found.id, name: found.name } : { code: 'committee_not_found', detail: { reason: name.slice(0, 60) } };
  }
  const only = committees[0];
  if (committees.length === 1 && only) return { id: only.id, name: only.name };
  return committees.length === 0 ? { code: 'committee_not_found' } : { code: 'committee_ambiguous' };
}

export async function loadSnapshot(
  db: RosterDb,
  committee: { id: number; name: string },
  rows: readonly RosterRow[],
  deactivateMissing: boolean,
): Promise<RosterSnapshot> {
  const values = (pick: (r: RosterRow) => string | null) => [...new Set(rows.flatMap((r) => (pick(r) === null ? [] : [pick(r) as string])))];
  const branchNames = values((r) => r.branch);
  const branches = await db.branch.findMany({
    where: { OR: [{ committeeId: committee.id }, { name: { in: branchNames } }] },
    select: { id: true, name: true, committeeId: true },
  });
  const members = await db.member.findMany({
    where: {
      OR: [
        { employeeNo: { in: values((r) => r.employeeNo) } },
        { mobile: { in: values((r) => r.mobile) } },
        { email: { in: values((r) => r.email) } },
        { openId: { in: values((r) => r.openId) } },
        ...(deactivateMissing ? [{ branch: { committeeId: committee.id }, status: { not: 'INACTIVE' as const } }] : []),
      ],
    },
    select: {
      id: true,
      employeeNo: true,
      name: true,
      mobile: true,
      email: true,
      openId: true,
      branchId: true,
      role: true,
      status: true,
      branch: { select: { name: true } },
    },
    orderBy: { id: 'asc' },
  });
  return {
    committee,
    branches,
    members: members.map(({ branch, ...m }): ExistingMember => ({ ...m, branchName: branch.name })),
  };
}

/** Codes B01, B02… continue after the highest in use; branch codes are unique across the database. */
async function createBranches(tx: Prisma.TransactionClient, committeeId: number, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const existing = await tx.branch.findMany({ select: { code: true, sortOrder: true, committeeId: true } });
  const codes = new Set(existing.map((b) => b.code));
  let next = Math.max(0, ...existing.map((b) => Number(/^B(\d+)$/.exec(b.code)?.[1] ?? 0))) + 1;
  let sortOrder = Math.max(0, ...existing.filter((b) => b.committeeId === committeeId).map((b) => b.sortOrder));
  const data = names.map((name) => {
    while (codes.has(`B${String(next).padStart(2, '0')}`)) next += 1;
    const code = `B${String(next).padStart(2, '0')}`;
    codes.add(code);
    sortOrder += 1;
    return { committeeId, code, name, sortOrder };
  });
  await tx.branch.createMany({ data });
}

type MemberData = Prisma.MemberUncheckedUpdateInput;

function memberData(set: Partial<MemberValues> & { status?: 'ACTIVE' }, branchIds: ReadonlyMap<string, number>): MemberData {
  const { branch, ...rest } = set;
  return { ...rest, ...(branch !== undefined ? { branchId: branchIds.get(branch) as number } : {}) };
}

/** Writes a plan inside the caller's transaction. Unique values that move between members are cleared first. */
export async function applyPlan(tx: Prisma.TransactionClient, committeeId: number, plan: RosterPlan): Promise<void> {
  await createBranches(tx, committeeId, plan.branchesToCreate);
  const wanted = [...new Set([...plan.creates.map((c) => c.values.branch), ...plan.updates.flatMap((u) => (u.set.branch ? [u.set.branch] : []))])];
  const branches = await tx.branch.findMany({ where: { name: { in: wanted } }, select: { id: true, name: true } });
  const branchIds = new Map(branches.map((b) => [b.name, b.id]));

  // A swap (A takes B's mobile while B takes a new one) would trip the unique index half-way through.
  for (const u of plan.updates) {
    const clear = { ...('mobile' in u.set ? { mobile: null } : {}), ...('email' in u.set ? { email: null } : {}), ...('openId' in u.set ? { openId: null } : {}) };
    if (Object.keys(clear).length > 0) await tx.member.update({ where: { id: u.memberId }, data: clear });
  }
  for (const u of plan.updates) await tx.member.update({ where: { id: u.memberId }, data: memberData(u.set, branchIds) });
  if (plan.creates.length > 0) {
    await tx.member.createMany({
      data: plan.creates.map(({ employeeNo, values: { branch, ...v } }) => ({ employeeNo, ...v, branchId: branchIds.get(branch) as number })),
    });
  }
  if (plan.deactivations.length > 0) {
    await tx.member.updateMany({ where: { id: { in: plan.deactivations.map((d) => d.memberId) } }, data: { status: 'INACTIVE' } });
  }
}

export async function recordImportAudit(
  tx: Prisma.TransactionClient,
  entry: { actorId: number | null; committeeId: number; after: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({
    data: { actorId: entry.actorId, action: 'roster.import', targetType: 'roster', targetId: String(entry.committeeId), after: entry.after },
  });
}
