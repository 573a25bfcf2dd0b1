// A reviewer's claim actions: approve (exactly once: a second click, from any copy, is "already handled"),
// return with a required reason, open a claim's review card from the 待审 list, and batch approve.
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { claimReviewCard } from '../cards/claim-review-cards.js';
import { afterApproval, afterReturn, claimReviewSubject, claimReviewTopic } from '../claim-review-flow.js';
import { pendingCard } from '../commands/pending.command.js';
import { formText, readForm } from '../forms.js';
import { t } from '../messages/index.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import type { ActionDefinition } from './action.js';

const r = t.claims.review;
const claimId = z.object({ c: z.coerce.number().int().positive() });
const batchValue = z.object({ ids: z.string().regex(/^\d+(,\d+){0,49}$/) });

export const claimApproveAction: ActionDefinition = {
  action: 'claim.approve',
  run: async ({ actor, input, services }) => {
    const result = await services.domain.claimReview.approve(actor, claimId.parse(input.value).c);
    const { card, also } = await afterApproval(services, result, actor, input.messageId);
    return { toast: { type: 'success', content: r.approvedToast }, card, also };
  },
};

export const claimReturnAction: ActionDefinition = {
  action: 'claim.return',
  run: async ({ actor, input, services }) => {
    const { reason } = readForm(input, z.object({ reason: formText(500).default('') }));
    const claim = await services.domain.claimReview.returnClaim(actor, claimId.parse(input.value).c, reason);
    const { card, also } = await afterReturn(services, claim, actor, input.messageId);
    return { toast: { type: 'success', content: r.returnedToast }, card, also };
  },
};

/** 通过 on one line of the 待审 list: approved exactly once like the card's, and the list refreshed. */
export const claimListApproveAction: ActionDefinition = {
  action: 'claim.approve.list',
  run: async ({ actor, input, services }) => {
    const result = await services.domain.claimReview.approve(actor, claimId.parse(input.value).c);
    const { also } = await afterApproval(services, result, actor);
    return { toast: { type: 'success', content: r.approvedToast }, card: await pendingCard(services, actor), also };
  },
};

/** From the 待审 list: the claim's review card as a new message, one more copy under its topic. */
export const claimReviewOpenAction: ActionDefinition = {
  action: 'claim.review.open',
  run: async ({ actor, input, services }) => {
    const id = claimId.parse(input.value).c;
    const claim = await services.domain.claims.get(actor, id);
    if (claim.status !== 'pending') throw new DomainError('ALREADY_HANDLED', 'the claim is no longer pending', { claimId: id });
    const card = claimReviewCard(await claimReviewSubject(services, claim));
    return { also: [cardTo({ to: 'open_id', id: actor.openId }, card, { topic: claimReviewTopic(claim.id) })] };
  },
};

/** 全部通过 on the 待审 list: each claim approved in the documented order; the list is refreshed. */
export const claimBatchApproveAction: ActionDefinition = {
  action: 'claim.approve.batch',
  run: async ({ actor, input, services }) => {
    const ids = batchValue.parse(input.value).ids.split(',').map(Number);
    const results = await services.domain.claimReview.approveMany(actor, ids);
    const also: OutgoingMessage[] = [];
    let approved = 0;
    for (const outcome of results) {
      if (!('result' in outcome)) continue;
      approved += 1;
      const after = await afterApproval(services, outcome.result, actor);
      also.push(...after.also);
    }
    const toast = t.claims.pending.batchDone(approved, results.length - approved);
    return { toast: { type: approved > 0 ? 'success' : 'info', content: toast }, card: await pendingCard(services, actor), also };
  },
};

export const claimReviewActions: readonly ActionDefinition[] = [claimApproveAction, claimListApproveAction, claimReturnAction, claimReviewOpenAction, claimBatchApproveAction];
