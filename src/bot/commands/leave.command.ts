// `请假` / `休假` [until date]: pause reminders until a date (a date picker when none is typed);
// `销假`: end the leave now.
import { formKey, parseTypedDate, todayIn } from '../forms.js';
import { leaveEndedCard, leaveFormCard, leaveStartedCard } from '../cards/service-cards.js';
import { t } from '../messages/index.js';
import { UserFacingError } from '../user-error.js';
import type { CommandDefinition } from './command.js';

export const leaveCommand: CommandDefinition<'leave'> = {
  name: 'leave',
  aliases: ['请假', '休假', 'leave'],
  menuKeys: ['leave'],
  run: async ({ actor, input, argText, services }) => {
    const today = todayIn(services.timeZone, services.now());
    if (argText === '') return { reply: leaveFormCard(today, formKey(input.key, 'leave.submit')) };
    const until = parseTypedDate(argText.replace(/^(到|至|until)\s*/i, ''), today);
    if (!until) throw new UserFacingError(t.service.leave.badDate);
    const state = await services.domain.leave.startLeave(actor, until);
    return { reply: leaveStartedCard(state.leaveUntil ?? until) };
  },
};

export const endLeaveCommand: CommandDefinition<'end-leave'> = {
  name: 'end-leave',
  aliases: ['销假', '结束请假', 'back'],
  menuKeys: ['end-leave'],
  run: async ({ actor, services }) => {
    await services.domain.leave.endLeave(actor);
    return { reply: leaveEndedCard(actor.status === 'ON_LEAVE') };
  },
};
