// What happens around a claim's review: the review cards a submitted claim sends its reviewers (under the
// claim's topic), and after a decision (or a withdrawal) every reviewer's copy patched and the member told.
import type { ApprovalResult } from '../domain/claims/claim-review-service.js';
import { toClaimView, type ClaimView } from '../domain/claims/claims-repository.js';
import type { Actor } from './actor.js';
import { claimApprovedNoticeCard, claimDecidedCard, claimReturnedNoticeCard, claimReviewCard, type ClaimDecision, type ClaimReviewSubject } from './cards/claim-review-cards.js';
import type { Card } from './cards/elements.js';
import { bindingCapText, claimFacts, pointsText } from './claim-views.js';
import { t } from './messages/index.js';
import { adminsExcept, branchNameOf, namesOf, recipientOf, reviewersOf } from './people.js';
import { cardTo, type OutgoingMessage } from './reply.js';
import type { BotServices } from './services.js';
import { lockTopic, patchTopic } from './topics.js';

/** Every copy of a claim's review card is sent under this topic, so a decision updates them all. */
export const claimReviewTopic = (claimId: number) => `claim:${claimId}:review`;

export async function claimReviewSubject(services: BotServices, claim: ClaimView): Promise<ClaimReviewSubject> {
  const names = await namesOf(services.db, [claim.memberId]);
  const evidence = await services.db.claimEvidence.findMany({
    where: { claimId: claim.id },
    select: { displayKey: true, duplicateOf: { select: { claimId: true } } },
    orderBy: { id: 'asc' },
  });
  const duplicateOfClaims = [...new Set(evidence.flatMap((e) => (e.duplicateOf ? [e.duplicateOf.claimId] : [])))];
  return {
    claim,
    facts: await claimFacts(services, claim),
    memberName: names.get(claim.memberId) ?? '',
    branchName: await branchNameOf(services.db, claim.branchId),
    evidence: { count: evidence.length, duplicateOfClaims, images: evidence.flatMap((e) => (e.displayKey ? [e.displayKey] : [])) },
  };
}

/**
 * Review cards to everyone who may review the claim (a secretary's own go to the admins); a branch without
 * a secretary falls back to the admins, so no claim waits unseen.
 */
export async function claimReviewRequests(services: BotServices, claim: ClaimView): Promise<OutgoingMessage[]> {
  const card = claimReviewCard(await claimReviewSubject(services, claim));
  const secretaries = await reviewersOf(services.db, claim.memberId);
  const reviewers = secretaries.length > 0 ? secretaries : await adminsExcept(services.db, claim.memberId);
  return reviewers.map((r) => cardTo({ to: 'open_id', id: r.openId }, card, { topic: claimReviewTopic(claim.id) }));
}

/**
 * Serialises everything that rewrites a claim's review copies (a decision, a withdrawal, a photo): taken
 * before the card is built, so the card reflects what the previous writer committed and the last patch wins.
 */
async function lockCopies(services: BotServices, claimId: number): Promise<void> {
  await lockTopic(services.db, claimReviewTopic(claimId));
}

/** Brings every copy under the claim's topic to `card`, except the one a callback is answering. */
function patchCopies(services: BotServices, claimId: number, card: Card, exceptMessageId?: string): Promise<OutgoingMessage[]> {
  return patchTopic(services.db, claimReviewTopic(claimId), card, exceptMessageId ? { exceptMessageId } : {});
}

export interface ClaimDecisionOutcome {
  card: Card;
  also: OutgoingMessage[];
}

/** After an approval: the decided card everywhere, the member told what was credited and why any cap. */
export async function afterApproval(services: BotServices, result: ApprovalResult, actor: Actor, exceptMessageId?: string): Promise<ClaimDecisionOutcome> {
  await lockCopies(services, result.claim.id);
  const subject = await claimReviewSubject(services, result.claim);
  const credited = pointsText(result.outcome.credited);
  const card = claimDecidedCard({ ...subject, decision: { kind: 'approved', by: actor.name, credited } });
  const also = await patchCopies(services, result.claim.id, card, exceptMessageId);
  const member = await recipientOf(services.db, result.claim.memberId);
  const capNote = await bindingCapText(services, result.claim.activityDate, result.outcome);
  const facts = { ...subject.facts, points: t.claims.points.value(credited), pointsLabel: t.claims.fields.credited };
  if (member) also.push(cardTo({ to: 'open_id', id: member.openId }, claimApprovedNoticeCard(facts, { credited, ...(capNote ? { capNote } : {}) })));
  return { card, also };
}

/** After a return: the decided card everywhere, the member told why, with the edit button. */
export async function afterReturn(services: BotServices, claim: ClaimView, actor: Actor, exceptMessageId?: string): Promise<ClaimDecisionOutcome> {
  await lockCopies(services, claim.id);
  const subject = await claimReviewSubject(services, claim);
  const card = claimDecidedCard({ ...subject, decision: { kind: 'returned', by: actor.name } });
  const also = await patchCopies(services, claim.id, card, exceptMessageId);
  const member = await recipientOf(services.db, claim.memberId);
  if (member) also.push(cardTo({ to: 'open_id', id: member.openId }, claimReturnedNoticeCard(subject.facts, claim)));
  return { card, also };
}

/** After the member withdrew: reviewers' copies say so, so nobody reviews it. */
export async function afterWithdrawal(services: BotServices, claim: ClaimView): Promise<OutgoingMessage[]> {
  const decision: ClaimDecision = { kind: 'withdrawn' };
  await lockCopies(services, claim.id);
  return patchCopies(services, claim.id, claimDecidedCard({ ...(await claimReviewSubject(services, claim)), decision }));
}

/**
 * Reviewers' copies refreshed (a photo arrived), only while the claim still waits for review: the status is
 * read again under the lock, so a decision committed meanwhile is never overwritten by a live card.
 */
export async function refreshReviewCopies(services: BotServices, claimId: number): Promise<OutgoingMessage[]> {
  await lockCopies(services, claimId);
  const row = await services.db.claim.findUnique({ where: { id: claimId } });
  if (!row || row.status !== 'PENDING') return [];
  return patchCopies(services, claimId, claimReviewCard(await claimReviewSubject(services, toClaimView(row))));
}
