// A reviewer's pledge actions: approve or return (审诺, with a required comment to return), open a review
// card from the 审诺 list, and 评诺 verdicts on the branch review with its paging.
import { z } from 'zod';
import { assertManagesBranch } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/errors.js';
import { branchPledgesCard } from '../cards/branch-pledges-card.js';
import { pledgeReviewCard } from '../cards/pledge-review-cards.js';
import { formText, readForm } from '../forms.js';
import { t } from '../messages/index.js';
import { refreshPledgeWalls } from '../pledge-wall.js';
import { afterDecision, reviewSubject } from '../pledge-review-flow.js';
import { branchPledges, currentYear } from '../pledge-views.js';
import { cardTo } from '../reply.js';
import { topics } from '../topics.js';
import type { ActionDefinition } from './action.js';

const pledgeId = z.object({ p: z.coerce.number().int().positive() });
const verdictValue = pledgeId.extend({ v: z.enum(['fulfilled', 'partial', 'unfulfilled']), pg: z.coerce.number().int().min(1).max(1000).default(1) });
const pageValue = z.object({ pg: z.coerce.number().int().min(1).max(1000) });

export const pledgeApproveAction: ActionDefinition = {
  action: 'pledge.approve',
  run: async ({ actor, input, services }) => {
    const pledge = await services.domain.pledges.approve(actor, pledgeId.parse(input.value).p);
    const { card, also } = await afterDecision(services, pledge, actor, input.messageId);
    return { toast: { type: 'success', content: t.pledges.review.approvedToast }, card, also };
  },
};

export const pledgeReturnAction: ActionDefinition = {
  action: 'pledge.return',
  run: async ({ actor, input, services }) => {
    const { comment } = readForm(input, z.object({ comment: formText(500).default('') }));
    const pledge = await services.domain.pledges.returnPledge(actor, pledgeId.parse(input.value).p, comment);
    const { card, also } = await afterDecision(services, pledge, actor, input.messageId);
    return { toast: { type: 'success', content: t.pledges.review.returnedToast }, card, also };
  },
};

/** From the 审诺 list: the pledge's review card as a new message, one more copy under its topic. */
export const pledgeReviewOpenAction: ActionDefinition = {
  action: 'pledge.review.open',
  run: async ({ actor, input, services }) => {
    const id = pledgeId.parse(input.value).p;
    const pledge = (await services.domain.pledges.listPending(actor)).find((p) => p.id === id);
    if (!pledge) throw new DomainError('NOT_FOUND', 'no such pending pledge for this reviewer', { pledgeId: id });
    const card = pledgeReviewCard(await reviewSubject(services, pledge));
    return { also: [cardTo({ to: 'open_id', id: actor.openId }, card, { topic: topics.pledgeReview(pledge.id) })] };
  },
};

export const pledgeVerdictAction: ActionDefinition = {
  action: 'pledge.verdict',
  run: async ({ actor, input, services }) => {
    const value = verdictValue.parse(input.value);
    const pledge = await services.domain.pledges.markFulfilment(actor, { pledgeId: value.p, verdict: value.v });
    const also = await refreshPledgeWalls(services, pledge.branchId, pledge.year);
    // The list shown is the reviewer's own branch; an admin judging elsewhere gets the toast only.
    const card = pledge.branchId === actor.branchId ? branchPledgesCard({ year: pledge.year, items: await branchPledges(services, actor, pledge.year), page: value.pg }) : undefined;
    return { toast: { type: 'success', content: t.pledges.branchReview.recorded }, ...(card ? { card } : {}), also };
  },
};

export const pledgeBranchPageAction: ActionDefinition = {
  action: 'pledge.branch.page',
  run: async ({ actor, input, services }) => {
    assertManagesBranch(actor, actor.branchId, 'review branch pledges');
    const year = currentYear(services);
    return { card: branchPledgesCard({ year, items: await branchPledges(services, actor, year), page: pageValue.parse(input.value).pg }) };
  },
};

export const pledgeReviewActions: readonly ActionDefinition[] = [
  pledgeApproveAction, pledgeReturnAction, pledgeReviewOpenAction, pledgeVerdictAction, pledgeBranchPageAction,
];
