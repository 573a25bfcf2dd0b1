// A member's claim actions: submit the form or an inline preview (idempotent: the card carries its
// submission key), confirm a likely duplicate, open the form, edit and resubmit a returned claim.
import { z } from 'zod';
import { isDomainError } from '../../domain/errors.js';
import { readSetting } from '../../domain/settings/settings-repository.js';
import type { Actor } from '../actor.js';
import { claimDuplicateCard, claimSubmittedCard } from '../cards/claim-cards.js';
import { claimForm } from '../claim-form.js';
import { checkAgainstRules, draftFromButton, draftFromForm, draftValue, friendly, type ClaimDraft } from '../claim-input.js';
import { claimReviewRequests } from '../claim-review-flow.js';
import { bindingCapText, claimFacts, draftFacts } from '../claim-views.js';
import { formKey, submissionKey } from '../forms.js';
import { t } from '../messages/index.js';
import type { BotServices } from '../services.js';
import type { ActionDefinition, ActionResult, CardActionInput } from './action.js';

const c = t.claims;
const claimId = z.object({ c: z.coerce.number().int().positive() });
const keyOf = (input: CardActionInput) => z.object({ k: z.string().min(1).max(64) }).parse(input.value).k;

/** Creates the claim under the card's key; a likely duplicate is asked about instead of written. */
async function submitClaim(services: BotServices, actor: Actor, input: CardActionInput, draft: ClaimDraft, confirmDuplicate: boolean): Promise<ActionResult> {
  await checkAgainstRules(services, draft);
  try {
    const { claim, created, estimate } = await friendly(() =>
      services.domain.claims.create(actor, { ...draft, idempotencyKey: submissionKey(input), confirmDuplicate }),
    );
    const capNote = await bindingCapText(services, claim.activityDate, estimate);
    const photoMinutes = await readSetting(services.db, 'evidence.attachWindowMinutes');
    const card = claimSubmittedCard(await claimFacts(services, claim), { photoMinutes, ...(capNote ? { capNote } : {}) });
    if (!created) return { toast: { type: 'info', content: t.common.toast.alreadyDone }, card };
    return { toast: { type: 'success', content: c.submitted.toast }, card, also: await claimReviewRequests(services, claim) };
  } catch (error) {
    if (!isDomainError(error, 'LIKELY_DUPLICATE')) throw error;
    const estimate = await services.domain.claims.estimate(actor, draft);
    const ids = Array.isArray(error.details.claimIds) ? error.details.claimIds : [];
    const confirm = { a: 'claim.confirm', k: keyOf(input), ...draftValue(draft), dup: true };
    return { toast: { type: 'warning', content: c.duplicate.title }, card: claimDuplicateCard(await draftFacts(services, draft, estimate), ids.length, confirm) };
  }
}

export const claimCreateAction: ActionDefinition = {
  action: 'claim.create',
  run: async ({ actor, input, services }) => submitClaim(services, actor, input, draftFromForm(input), false),
};

/** The inline preview's 提交, or 仍然提交 on the duplicate question (`dup`). */
export const claimConfirmAction: ActionDefinition = {
  action: 'claim.confirm',
  run: async ({ actor, input, services }) => submitClaim(services, actor, input, draftFromButton(input), input.value.dup === true),
};

/** The preview's "edit with the form": the form pre-filled with the preview's values. */
export const claimFormAction: ActionDefinition = {
  action: 'claim.form',
  run: async ({ actor, input, services }) => {
    const draft = draftFromButton(input);
    const rules = (await services.domain.rules.forDate(draft.activityDate)).definition;
    const role = rules.vanguard.roles.find((r) => r.activities.some((a) => a.code === draft.activityCode));
    const values = { ...(role ? { role: role.code } : {}), activity: draft.activityCode, date: draft.activityDate, quantity: String(draft.quantity), description: draft.description };
    return { card: await claimForm(services, actor, { submitValue: { a: 'claim.create', k: formKey(input.key, 'claim.create') }, values }) };
  },
};

/** A returned claim: the form pre-filled with the claim, submitting resubmits it. */
export const claimEditAction: ActionDefinition = {
  action: 'claim.edit',
  run: async ({ actor, input, services }) => {
    const claim = await services.domain.claims.get(actor, claimId.parse(input.value).c);
    if (claim.memberId !== actor.memberId || claim.status !== 'returned') return { toast: { type: 'info', content: t.common.toast.alreadyDone } };
    const values = { role: claim.roleCode, activity: claim.activityCode, date: claim.activityDate, quantity: String(claim.quantity), description: claim.description };
    const notes = claim.reviewComment ? [`${c.mine.reviewComment}：${claim.reviewComment}`] : [];
    return {
      card: await claimForm(services, actor, { title: c.form.editTitle, submitLabel: c.form.resubmit, notes, values, submitValue: { a: 'claim.resubmit', c: claim.id } }),
    };
  },
};

export const claimResubmitAction: ActionDefinition = {
  action: 'claim.resubmit',
  run: async ({ actor, input, services }) => {
    const id = claimId.parse(input.value).c;
    const draft = draftFromForm(input);
    await checkAgainstRules(services, draft);
    const { claim, estimate } = await friendly(() => services.domain.claims.resubmit(actor, id, draft));
    const capNote = await bindingCapText(services, claim.activityDate, estimate);
    const photoMinutes = await readSetting(services.db, 'evidence.attachWindowMinutes');
    const card = claimSubmittedCard(await claimFacts(services, claim), { resubmitted: true, photoMinutes, ...(capNote ? { capNote } : {}) });
    return { toast: { type: 'success', content: c.submitted.toast }, card, also: await claimReviewRequests(services, claim) };
  },
};

export const claimMemberActions: readonly ActionDefinition[] = [claimCreateAction, claimConfirmAction, claimFormAction, claimEditAction, claimResubmitAction];
