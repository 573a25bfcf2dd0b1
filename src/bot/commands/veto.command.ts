// `否决 [姓名]` (secretary/admin): propose a one-vote veto — member, veto item X1–X3, date, reason and
// evidence; an admin confirms or rejects it.
import { assertManagesBranch } from '../../domain/access/actor.js';
import { vetoFormCard } from '../cards/veto-cards.js';
import { formKey, todayIn } from '../forms.js';
import { memberOptions, pickerNotes } from '../member-picker.js';
import type { CommandDefinition } from './command.js';

export const vetoCommand: CommandDefinition<'veto'> = {
  name: 'veto',
  aliases: ['否决', '一票否决', '否决项', 'veto'],
  menuKeys: ['veto'],
  run: async ({ actor, input, argText, services }) => {
    assertManagesBranch(actor, actor.branchId, 'propose a veto');
    const typed = argText.slice(0, 20);
    const picker = await memberOptions(services, actor, typed);
    const today = todayIn(services.timeZone, services.now());
    const rules = (await services.domain.rules.forDate(today)).definition;
    const notes = pickerNotes(picker, typed);
    return { reply: vetoFormCard({ members: picker.options, notes, items: rules.vetoes, today, formKey: formKey(input.key, 'veto.submit') }) };
  },
};
