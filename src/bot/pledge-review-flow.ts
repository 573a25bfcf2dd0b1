// What happens around 审诺: the review cards a submitted pledge sends to its reviewers (under the pledge's
// topic), and after a decision the patches of every reviewer's copy, the member's notice and the wall.
import type { PledgeView } from '../domain/pledges/pledges-repository.js';
import type { Actor } from './actor.js';
import { pledgeApprovedNoticeCard, pledgeDecidedCard, pledgeReturnedNoticeCard, pledgeReviewCard, type ReviewSubject } from './cards/pledge-review-cards.js';
import type { Card } from './cards/elements.js';
import { branchNameOf, namesOf, recipientOf, reviewersOf } from './people.js';
import { refreshPledgeWalls } from './pledge-wall.js';
import { cardTo, type OutgoingMessage } from './reply.js';
import type { BotServices } from './services.js';
import { lockTopic, patchTopic, topics } from './topics.js';

export async function reviewSubject(services: BotServices, pledge: PledgeView): Promise<ReviewSubject> {
  const names = await namesOf(services.db, [pledge.memberId]);
  return { pledge, memberName: names.get(pledge.memberId) ?? '', branchName: await branchNameOf(services.db, pledge.branchId) };
}

/** Review cards to everyone who may review the pledge, each a copy under the pledge's topic. */
export async function reviewRequests(services: BotServices, pledge: PledgeView): Promise<OutgoingMessage[]> {
  const card = pledgeReviewCard(await reviewSubject(services, pledge));
  const reviewers = await reviewersOf(services.db, pledge.memberId);
  return reviewers.map((r) => cardTo({ to: 'open_id', id: r.openId }, card, { topic: topics.pledgeReview(pledge.id) }));
}

export interface DecisionOutcome {
  /** The decided card: the clicked card's replacement. */
  card: Card;
  also: OutgoingMessage[];
}

/** After approve/return: every other reviewer's copy patched, the member told, the wall refreshed. */
export async function afterDecision(services: BotServices, pledge: PledgeView, actor: Actor, exceptMessageId: string | undefined): Promise<DecisionOutcome> {
  const approved = pledge.status === 'approved';
  const topic = topics.pledgeReview(pledge.id);
  await lockTopic(services.db, topic);
  const card = pledgeDecidedCard({ ...(await reviewSubject(services, pledge)), approved, by: actor.name });
  const also = await patchTopic(services.db, topic, card, exceptMessageId ? { exceptMessageId } : {});
  const member = await recipientOf(services.db, pledge.memberId);
  if (member) also.push(cardTo({ to: 'open_id', id: member.openId }, approved ? pledgeApprovedNoticeCard(pledge) : pledgeReturnedNoticeCard(pledge)));
  if (approved) also.push(...(await refreshPledgeWalls(services, pledge.branchId, pledge.year)));
  return { card, also };
}
