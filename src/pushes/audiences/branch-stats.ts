// A branch's month in numbers for 月统计: claims, points per vanguard role, six months' trend,
// top members, members with nothing, pending reviews, deductions. Read-only aggregate queries.
import type { Db } from '../../db/prisma.js';
import { firstDayOf, formatPeriodKey, lastDayOf, parsePeriodKey, shiftPeriod } from '../../domain/periods/period-key.js';
import { dbDate, formatSum } from './audience.js';

export interface BranchMonth {
  branchId: number;
  branchName: string;
  members: number;
  claims: number;
  approved: number;
  points: string;
  perRole: { role: string; points: number }[];
  trend: { month: string; points: number }[];
  top: { name: string; points: string }[];
  withNothing: string[];
  pendingReviews: number;
  deductions: { count: number; points: string };
}

const ROLES = ['V1', 'V2', 'V3', 'V4'] as const;

export async function branchMonth(db: Db, branch: { id: number; name: string }, period: string): Promise<BranchMonth> {
  const month = parsePeriodKey(period);
  const inMonth = { gte: dbDate(firstDayOf(month)), lte: dbDate(lastDayOf(month)) };
  const months = Array.from({ length: 6 }, (_, i) => formatPeriodKey(shiftPeriod(month, i - 5)));
  const [members, claims, ledger, trend, pendingReviews] = await Promise.all([
    db.member.findMany({ where: { branchId: branch.id, status: 'ACTIVE' }, select: { id: true, name: true }, orderBy: { id: 'asc' } }),
    db.claim.findMany({
      where: { branchId: branch.id, activityDate: inMonth, status: { in: ['PENDING', 'APPROVED', 'RETURNED'] } },
      select: { memberId: true, status: true },
    }),
    db.ledgerEntry.findMany({
      where: { branchId: branch.id, periodMonth: period },
      select: { memberId: true, points: true, cause: true, claim: { select: { roleCode: true } } },
    }),
    db.ledgerEntry.groupBy({ by: ['periodMonth'], where: { branchId: branch.id, periodMonth: { in: months } }, _sum: { points: true } }),
    db.claim.count({ where: { branchId: branch.id, status: 'PENDING' } }),
  ]);
  const perMember = new Map<number, number>();
  for (const e of ledger) perMember.set(e.memberId, (perMember.get(e.memberId) ?? 0) + Number(e.points));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const active = new Set([...claims.map((c) => c.memberId), ...ledger.map((e) => e.memberId)]);
  const deductions = ledger.filter((e) => e.cause === 'DEDUCTION');
  return {
    branchId: branch.id,
    branchName: branch.name,
    members: members.length,
    claims: claims.length,
    approved: claims.filter((c) => c.status === 'APPROVED').length,
    points: formatSum(ledger.reduce((sum, e) => sum + Number(e.points), 0)),
    perRole: ROLES.map((role) => ({
      role,
      points: Number(ledger.filter((e) => e.claim?.roleCode === role).reduce((sum, e) => sum + Number(e.points), 0).toFixed(2)),
    })),
    trend: months.map((m) => ({ month: m, points: Number(Number(trend.find((t) => t.periodMonth === m)?._sum.points ?? 0).toFixed(2)) })),
    top: [...perMember.entries()]
      .filter(([id, points]) => names.has(id) && points > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([id, points]) => ({ name: names.get(id)!, points: formatSum(points) })),
    withNothing: members.filter((m) => !active.has(m.id)).map((m) => m.name),
    pendingReviews,
    deductions: { count: deductions.length, points: formatSum(-deductions.reduce((sum, e) => sum + Number(e.points), 0)) },
  };
}
