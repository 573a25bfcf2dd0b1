// 年评比 results on 10 January: each member their composite score and grade, and the branch's
// 党员之星 candidates (as the rules select them; admins confirm the stars separately).
import { annualResultsCard } from '../../bot/cards/push-prompt-cards.js';
import { cardTo } from '../../bot/reply.js';
import { createDomainServices } from '../../domain/services.js';
import { formatSum, ADDRESSEE_FIELDS, skipReasonOf, type Audience, type Recipient } from './audience.js';

export const annualResultsAudience: Audience = async (context) => {
  const { db } = context;
  const year = Number(context.period);
  const people = await db.member.findMany({ select: ADDRESSEE_FIELDS, orderBy: { id: 'asc' } });
  const evaluations = new Map(
    (await db.annualEvaluation.findMany({ where: { year }, select: { memberId: true, compositeScore: true, grade: true } })).map((e) => [e.memberId, e]),
  );
  const domain = createDomainServices({ db, clock: { now: () => context.now }, timeZone: context.timeZone });
  // Listing candidates is an admin's read (the stars service refuses the system actor): the push
  // reads them as the committee's first active admin; without one, no candidates are shown.
  const admin = people.find((p) => p.role === 'ADMIN' && p.status === 'ACTIVE');
  const candidates = admin
    ? (await domain.stars.candidates({ memberId: admin.id, role: 'ADMIN', branchId: admin.branchId }, year)).filter((c) => c.candidate)
    : [];
  const names = new Map(people.map((p) => [String(p.id), p.name]));
  const candidatesOf = (branchId: number) => candidates.filter((c) => c.branchId === String(branchId)).map((c) => names.get(c.memberId) ?? c.name);
  return people.map((person): Recipient => {
    const skipReason = skipReasonOf(person, context);
    if (skipReason) return { memberId: person.id, skipReason };
    const own = evaluations.get(person.id);
    const facts = {
      score: own?.compositeScore ? formatSum(own.compositeScore) : null,
      grade: own?.grade ?? null,
      candidates: candidatesOf(person.branchId),
    };
    return { memberId: person.id, message: cardTo({ to: 'open_id', id: person.openId! }, annualResultsCard(context.period, facts)) };
  });
};
