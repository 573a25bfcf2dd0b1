// Monthly reminder: every member (not on leave, not inactive) gets their month so far; with
// `onlyWithoutVanguard`, only those with no vanguard record yet this month.
import { monthlyReminderCard } from '../../bot/cards/push-reminder-card.js';
import { cardTo } from '../../bot/reply.js';
import { firstDayOf, lastDayOf, parsePeriodKey } from '../../domain/periods/period-key.js';
import { ADDRESSEE_FIELDS, dbDate, formatSum, skipReasonOf, type Audience } from './audience.js';

export const monthlyReminderAudience: Audience = async (context) => {
  const { db, period } = context;
  const month = parsePeriodKey(period);
  const from = dbDate(firstDayOf(month));
  const to = dbDate(lastDayOf(month));
  const members = await db.member.findMany({ select: ADDRESSEE_FIELDS, orderBy: { id: 'asc' } });
  const points = await db.ledgerEntry.groupBy({ by: ['memberId'], where: { periodMonth: period }, _sum: { points: true } });
  const claims = await db.claim.groupBy({
    by: ['memberId', 'status'],
    where: { OR: [{ status: 'DRAFT' }, { status: { in: ['PENDING', 'APPROVED'] }, activityDate: { gte: from, lte: to } }] },
    _count: { _all: true },
  });
  const pointsOf = new Map(points.map((p) => [p.memberId, formatSum(p._sum.points)]));
  const byMember = new Map<number, typeof claims>();
  for (const c of claims) byMember.set(c.memberId, [...(byMember.get(c.memberId) ?? []), c]);
  const claimCount = (memberId: number, statuses: string[]) =>
    (byMember.get(memberId) ?? []).filter((c) => statuses.includes(c.status)).reduce((n, c) => n + c._count._all, 0);

  return members.map((m) => {
    const skipReason = skipReasonOf(m, context);
    if (skipReason) return { memberId: m.id, skipReason };
    const mine = claimCount(m.id, ['PENDING', 'APPROVED']);
    if (context.options.onlyWithoutVanguard && mine > 0) return { memberId: m.id, skipReason: 'has-record' };
    const facts = {
      period,
      points: pointsOf.get(m.id) ?? '0',
      vanguardRecords: mine,
      drafts: claimCount(m.id, ['DRAFT']),
      pending: claimCount(m.id, ['PENDING']),
    };
    return { memberId: m.id, message: cardTo({ to: 'open_id', id: m.openId! }, monthlyReminderCard(facts)) };
  });
};
