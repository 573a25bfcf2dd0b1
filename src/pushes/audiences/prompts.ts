// Audiences of the prompting pushes: 季盘点, 年评比, stale reviews and the 定诺 window.
import { evaluationPromptCard, memberStocktakeCard, pledgeWindowCard, secretaryStocktakeCard, staleReviewsCard } from '../../bot/cards/push-prompt-cards.js';
import { formatInstant } from '../../bot/format-time.js';
import { t } from '../../bot/messages/index.js';
import { cardTo } from '../../bot/reply.js';
import { formatPeriodKey, monthsOf, parsePeriodKey } from '../../domain/periods/period-key.js';
import { ADDRESSEE_FIELDS, formatSum, skipReasonOf, type Addressee, type Audience, type AudienceContext, type Recipient } from './audience.js';

const DEFAULT_STALE_DAYS = 3;

async function addressees(context: AudienceContext, roles?: ('MEMBER' | 'SECRETARY' | 'ADMIN')[]): Promise<Addressee[]> {
  return context.db.member.findMany({ where: roles ? { role: { in: roles } } : {}, select: ADDRESSEE_FIELDS, orderBy: { id: 'asc' } });
}

/** One recipient per person: skipped with its reason, or the message `build` makes. */
async function each(context: AudienceContext, people: Addressee[], build: (p: Addressee) => Promise<Recipient['message'] | undefined>): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const person of people) {
    const skipReason = skipReasonOf(person, context);
    if (skipReason) {
      out.push({ memberId: person.id, skipReason });
      continue;
    }
    const message = await build(person);
    if (message) out.push({ memberId: person.id, message });
  }
  return out;
}

const pledgeStatusLabel: Record<string, string> = {
  DRAFT: t.pledges.status.draft,
  PENDING: t.pledges.status.pending,
  APPROVED: t.pledges.status.approved,
  RETURNED: t.pledges.status.returned,
};

export const quarterlyStocktakeAudience: Audience = async (context) => {
  const { db } = context;
  const quarter = parsePeriodKey(context.period);
  const months = monthsOf(quarter).map(formatPeriodKey);
  const people = await addressees(context);
  const ledger = await db.ledgerEntry.groupBy({ by: ['memberId'], where: { periodMonth: { in: months } }, _sum: { points: true }, _count: { _all: true } });
  const pledges = await db.pledge.findMany({
    where: { year: quarter.year, status: { in: ['PENDING', 'APPROVED', 'RETURNED', 'DRAFT'] } },
    select: { memberId: true, branchId: true, content: true, target: true, status: true, progress: { select: { percent: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
    orderBy: { id: 'asc' },
  });
  const branches = new Map((await db.branch.findMany({ select: { id: true, name: true } })).map((b) => [b.id, b.name]));
  return each(context, people, async (person) => {
    const target = { to: 'open_id' as const, id: person.openId! };
    if (person.role === 'SECRETARY') {
      const branchLedger = await db.ledgerEntry.aggregate({ where: { branchId: person.branchId, periodMonth: { in: months } }, _sum: { points: true } });
      const mine = pledges.filter((p) => p.branchId === person.branchId);
      const pledgeCounts = Object.entries(pledgeStatusLabel).map(([status, label]) => ({ label, count: mine.filter((p) => p.status === status).length }));
      const members = people.filter((p) => p.branchId === person.branchId && p.status === 'ACTIVE').length;
      return cardTo(target, secretaryStocktakeCard(context.period, { branchName: branches.get(person.branchId) ?? '', points: formatSum(branchLedger._sum.points), members, pledgeCounts }));
    }
    const own = ledger.find((l) => l.memberId === person.id);
    const lines = pledges
      .filter((p) => p.memberId === person.id)
      .map((p) => ({ content: p.content, target: p.target, status: p.status, percent: p.progress[0]?.percent ?? null }));
    return cardTo(target, memberStocktakeCard(context.period, { points: formatSum(own?._sum.points), entries: own?._count._all ?? 0, pledges: lines }));
  });
};

export const annualEvaluationAudience: Audience = async (context) => {
  const months = monthsOf(parsePeriodKey(context.period)).map(formatPeriodKey);
  const secretaries = await addressees(context, ['SECRETARY']);
  return each(context, secretaries, async (person) => {
    const sum = await context.db.ledgerEntry.aggregate({ where: { branchId: person.branchId, periodMonth: { in: months } }, _sum: { points: true } });
    const members = await context.db.member.count({ where: { branchId: person.branchId, status: 'ACTIVE' } });
    return cardTo({ to: 'open_id', id: person.openId! }, evaluationPromptCard(context.period, { points: formatSum(sum._sum.points), members }));
  });
};

export const staleReviewsAudience: Audience = async (context) => {
  const days = context.options.staleDays ?? DEFAULT_STALE_DAYS;
  const before = new Date(context.now.getTime() - days * 86_400_000);
  const reviewers = await addressees(context, ['SECRETARY', 'ADMIN']);
  // Nobody is nudged about nothing: only reviewers with a claim waiting longer than `days`.
  return each(context, reviewers, async (person) => {
    const where =
      person.role === 'SECRETARY'
        ? { branchId: person.branchId, member: { role: 'MEMBER' as const } }
        : { member: { role: { in: ['SECRETARY' as const, 'ADMIN' as const] } } };
    const stale = await context.db.claim.findMany({ where: { ...where, status: 'PENDING', submittedAt: { lt: before } }, select: { submittedAt: true }, orderBy: { submittedAt: 'asc' } });
    if (stale.length === 0) return undefined;
    const oldest = formatInstant(stale[0]!.submittedAt!, context.timeZone);
    return cardTo({ to: 'open_id', id: person.openId! }, staleReviewsCard({ count: stale.length, days, oldest }));
  });
};

export const pledgeWindowAudience: Audience = async (context) =>
  each(context, await addressees(context), async (person) => cardTo({ to: 'open_id', id: person.openId! }, pledgeWindowCard(context.period)));
