// `待审` / `pending`: the claims waiting for my review (my branch's members for a secretary; for an admin,
// everyone's but their own, secretaries' included), oldest first, with batch approve, and a pointer to
// the pledges waiting in 审诺.
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../actor.js';
import { pendingClaimsCard } from '../cards/claim-review-cards.js';
import type { Card } from '../cards/elements.js';
import { claimFacts } from '../claim-views.js';
import type { BotServices } from '../services.js';
import type { CommandDefinition } from './command.js';

const LISTED = 50;

export async function pendingCard(services: BotServices, actor: Actor): Promise<Card> {
  const pending = await services.domain.claimReview.listPending(actor, { limit: LISTED });
  const claims = [];
  for (const p of pending.slice(0, 10)) claims.push({ claim: p.claim, memberName: p.memberName, facts: await claimFacts(services, p.claim) });
  let pendingPledges = 0;
  try {
    pendingPledges = (await services.domain.pledges.listPending(actor)).length;
  } catch (error) {
    // Claims and pledges share the reviewer rule; a refusal here only hides the pledge pointer.
    if (!(error instanceof DomainError) || error.code !== 'ACTOR_NOT_ALLOWED') throw error;
  }
  return pendingClaimsCard({ claims, total: pending.length, pendingPledges });
}

export const pendingCommand: CommandDefinition<'pending'> = {
  name: 'pending',
  aliases: ['待审', '待审核', '审核', 'pending', 'review'],
  menuKeys: ['pending'],
  run: async ({ actor, services }) => ({ reply: await pendingCard(services, actor) }),
};
