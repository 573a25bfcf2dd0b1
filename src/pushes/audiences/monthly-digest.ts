// 月统计 on the 1st for last month: each secretary their branch, each admin the per-branch table.
import { branchDigestCard, committeeDigestCard } from '../../bot/cards/push-digest-cards.js';
import { cardTo } from '../../bot/reply.js';
import { ADDRESSEE_FIELDS, skipReasonOf, type Audience, type Recipient } from './audience.js';
import { branchMonth, type BranchMonth } from './branch-stats.js';

export const monthlyDigestAudience: Audience = async (context) => {
  const { db, period } = context;
  const people = await db.member.findMany({ where: { role: { in: ['SECRETARY', 'ADMIN'] } }, select: ADDRESSEE_FIELDS, orderBy: { id: 'asc' } });
  const branches = await db.branch.findMany({ select: { id: true, name: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
  const stats = new Map<number, BranchMonth>();
  const statsOf = async (branch: { id: number; name: string }) => {
    if (!stats.has(branch.id)) stats.set(branch.id, await branchMonth(db, branch, period));
    return stats.get(branch.id)!;
  };
  const needsAll = people.some((p) => p.role === 'ADMIN' && !skipReasonOf(p, context));
  if (needsAll) for (const b of branches) await statsOf(b);
  const recipients: Recipient[] = [];
  for (const person of people) {
    const skipReason = skipReasonOf(person, context);
    if (skipReason) {
      recipients.push({ memberId: person.id, skipReason });
      continue;
    }
    const target = { to: 'open_id' as const, id: person.openId! };
    if (person.role === 'ADMIN') {
      recipients.push({ memberId: person.id, message: cardTo(target, committeeDigestCard(period, branches.map((b) => stats.get(b.id)!))) });
      continue;
    }
    const branch = branches.find((b) => b.id === person.branchId);
    if (branch) recipients.push({ memberId: person.id, message: cardTo(target, branchDigestCard(period, await statsOf(branch))) });
  }
  return recipients;
};
