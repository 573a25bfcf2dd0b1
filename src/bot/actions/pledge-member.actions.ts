// A member's pledge actions: submit a new pledge (定诺), edit and resubmit a returned one, open the
// progress form and record progress (践诺). Forms carry their submission key: a double tap creates one.
import { z } from 'zod';
import { myPledgesCard, pledgeEditCard, pledgeSubmittedCard, progressFormCard, progressSavedCard, SERVES_CODES } from '../cards/pledge-cards.js';
import { formDate, formInt, formKey, readForm, requiredText, submissionKey, todayIn } from '../forms.js';
import { t } from '../messages/index.js';
import { refreshPledgeWalls } from '../pledge-wall.js';
import { reviewRequests } from '../pledge-review-flow.js';
import { myPledge, pledgeWindowToday } from '../pledge-views.js';
import type { ActionDefinition } from './action.js';

const pledgeId = z.object({ p: z.coerce.number().int().positive() });
const pledgeForm = z.object({ content: requiredText(500), serves: z.enum(SERVES_CODES), target: requiredText(200), due: formDate });
const progressForm = z.object({ percent: formInt.pipe(z.number().min(0).max(100)), text: requiredText(500) });

export const pledgeCreateAction: ActionDefinition = {
  action: 'pledge.create',
  run: async ({ actor, input, services }) => {
    const f = readForm(input, pledgeForm);
    const { pledge, created } = await services.domain.pledges.create(actor, {
      content: f.content, serves: f.serves, target: f.target, dueOn: f.due, idempotencyKey: submissionKey(input),
    });
    const also = created ? await reviewRequests(services, pledge) : [];
    return { toast: { type: created ? 'success' : 'info', content: created ? t.pledges.created.title : t.common.toast.alreadyDone }, card: pledgeSubmittedCard(pledge), also };
  },
};

export const pledgeEditAction: ActionDefinition = {
  action: 'pledge.edit',
  run: async ({ actor, input, services }) => {
    const pledge = await myPledge(services, actor, pledgeId.parse(input.value).p);
    if (pledge.status !== 'returned') return { toast: { type: 'info', content: t.common.toast.alreadyDone } };
    return { card: pledgeEditCard(pledge, formKey(input.key, 'pledge.resubmit'), todayIn(services.timeZone, services.now())) };
  },
};

export const pledgeResubmitAction: ActionDefinition = {
  action: 'pledge.resubmit',
  run: async ({ actor, input, services }) => {
    const id = pledgeId.parse(input.value).p;
    const f = readForm(input, pledgeForm);
    const pledge = await services.domain.pledges.resubmit(actor, id, { content: f.content, serves: f.serves, target: f.target, dueOn: f.due });
    return { toast: { type: 'success', content: t.pledges.created.title }, card: pledgeSubmittedCard(pledge, true), also: await reviewRequests(services, pledge) };
  },
};

export const pledgeProgressOpenAction: ActionDefinition = {
  action: 'pledge.progress.open',
  run: async ({ actor, input, services }) => {
    const pledge = await myPledge(services, actor, pledgeId.parse(input.value).p);
    return { card: progressFormCard(pledge, formKey(input.key, 'pledge.progress')) };
  },
};

export const pledgeProgressAction: ActionDefinition = {
  action: 'pledge.progress',
  run: async ({ actor, input, services }) => {
    const id = pledgeId.parse(input.value).p;
    const f = readForm(input, progressForm);
    await services.domain.pledges.recordProgress(actor, { pledgeId: id, percent: f.percent, text: f.text, idempotencyKey: submissionKey(input) });
    const pledge = await myPledge(services, actor, id);
    const also = await refreshPledgeWalls(services, pledge.branchId, pledge.year);
    return { toast: { type: 'success', content: t.pledges.progress.savedTitle }, card: progressSavedCard(pledge, pledge.latestProgress?.percent ?? f.percent), also };
  },
};

/** Re-shows my pledges (after a closed form, for instance). */
export const pledgeListAction: ActionDefinition = {
  action: 'pledge.list',
  run: async ({ actor, input, services }) => {
    const window = await pledgeWindowToday(services);
    const pledges = await services.domain.pledges.listMine(actor, window.year);
    return {
      card: myPledgesCard({ year: window.year, pledges, window, formKey: formKey(input.key, 'pledge.create'), today: window.today }),
    };
  },
};

export const pledgeMemberActions: readonly ActionDefinition[] = [
  pledgeCreateAction, pledgeEditAction, pledgeResubmitAction, pledgeProgressOpenAction, pledgeProgressAction, pledgeListAction,
];
