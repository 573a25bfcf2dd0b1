// `扣分 [姓名]` (secretary/admin): the deduction form — a member of my branch (narrowed by the name typed
// after the command), the basic item's deduction rule from this year's rules, occurrences, date, reason.
import { assertManagesBranch } from '../../domain/access/actor.js';
import { deductionFormCard } from '../cards/deduction-cards.js';
import { formKey, todayIn } from '../forms.js';
import { memberOptions, pickerNotes } from '../member-picker.js';
import type { CommandDefinition } from './command.js';

export const deductCommand: CommandDefinition<'deduct'> = {
  name: 'deduct',
  aliases: ['扣分', '记录扣分', 'deduct'],
  menuKeys: ['deduct'],
  run: async ({ actor, input, argText, services }) => {
    assertManagesBranch(actor, actor.branchId, 'deduct points');
    const typed = argText.slice(0, 20);
    const picker = await memberOptions(services, actor, typed);
    const today = todayIn(services.timeZone, services.now());
    const rules = (await services.domain.rules.forDate(today)).definition;
    const notes = pickerNotes(picker, typed);
    return {
      reply: deductionFormCard({
        members: picker.options,
        notes,
        rules: rules.deductions,
        itemNames: Object.fromEntries(rules.basic.map((b) => [b.code, b.name])),
        today,
        formKey: formKey(input.key, 'deduct.submit'),
      }),
    };
  },
};
