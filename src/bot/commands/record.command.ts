// `记录` / `record`: inline (`记录 安全员 发现并处置隐患 3 处`) answers with a preview of the points it will
// give, to submit with one tap; anything missing or contradictory opens the form, pre-filled with what was
// understood. Bare `记录` (also the menu and the help or reminder card's button) opens the form.
import { defaultDescription, isComplete, parseInlineClaim } from '../claim-inline.js';
import { checkDraft, draftValue, friendly, type ClaimDraft } from '../claim-input.js';
import { claimForm } from '../claim-form.js';
import { bindingCapText, draftFacts } from '../claim-views.js';
import { claimPreviewCard } from '../cards/claim-cards.js';
import { formKey, todayIn } from '../forms.js';
import { t } from '../messages/index.js';
import { truncate } from '../text.js';
import type { CommandDefinition } from './command.js';

export const recordCommand: CommandDefinition<'record'> = {
  name: 'record',
  aliases: ['记录', '记一条', '记录作为', 'record'],
  menuKeys: ['record'],
  run: async ({ actor, input, args, argText, services }) => {
    const submitValue = { a: 'claim.create', k: formKey(input.key, 'claim.create') };
    if (args.length === 0) return { reply: await claimForm(services, actor, { submitValue }) };
    const today = todayIn(services.timeZone, services.now());
    const rules = (await services.domain.rules.forDate(today)).definition;
    const parsed = parseInlineClaim(args, rules, today);
    if (!isComplete(parsed)) {
      return {
        reply: await claimForm(services, actor, {
          submitValue,
          notes: [t.claims.form.notUnderstood(truncate(argText, 40))],
          values: {
            ...(parsed.role ? { role: parsed.role.code } : {}),
            ...(parsed.activity ? { activity: parsed.activity.code } : {}),
            date: parsed.date,
            ...(parsed.quantity !== undefined ? { quantity: String(parsed.quantity) } : {}),
            ...(parsed.description ? { description: truncate(parsed.description, 500) } : {}),
          },
        }),
      };
    }
    const draft: ClaimDraft = checkDraft({
      roleCode: parsed.role.code,
      activityCode: parsed.activity.code,
      activityDate: parsed.date,
      quantity: parsed.quantity,
      description: parsed.description || defaultDescription(parsed.activity, parsed.quantity),
    });
    const estimate = await friendly(() => services.domain.claims.estimate(actor, draft));
    const capNote = await bindingCapText(services, draft.activityDate, estimate);
    const facts = await draftFacts(services, draft, estimate);
    return {
      reply: claimPreviewCard(facts, {
        ...(capNote ? { capNote } : {}),
        submit: { a: 'claim.confirm', k: formKey(input.key, 'claim.confirm'), ...draftValue(draft) },
        edit: { a: 'claim.form', ...draftValue(draft) },
      }),
    };
  },
};
