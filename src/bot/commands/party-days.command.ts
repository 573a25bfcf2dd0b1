// `党日` / `party day`: my branch's party days (upcoming ones to open, answer and check in; for the
// secretary also the ended ones, to count absences) and the way into the library.
import { isAttendanceFinal } from '../../domain/party-days/attendance-rules.js';
import { partyDayHomeCard } from '../cards/party-day-cards.js';
import { dayFacts, manages } from '../party-day-views.js';
import type { CommandDefinition } from './command.js';

const LISTED = 6;

export const partyDaysCommand: CommandDefinition<'party-days'> = {
  name: 'party-days',
  aliases: ['党日', '主题党日', '党日活动', '党日库', 'party day', 'party days', 'partyday'],
  menuKeys: ['party-days'],
  run: async ({ actor, services }) => {
    const days = await services.domain.partyDays.listForBranch(actor, actor.branchId, 30);
    const window = await services.domain.partyDays.checkInWindow();
    const now = services.now();
    const upcoming = days.filter((d) => !isAttendanceFinal(now, d.startsAt, window)).reverse().slice(0, LISTED);
    const past = days.filter((d) => isAttendanceFinal(now, d.startsAt, window)).slice(0, LISTED);
    return {
      reply: partyDayHomeCard({
        branchName: actor.branchName,
        upcoming: await Promise.all(upcoming.map((d) => dayFacts(services, d))),
        past: await Promise.all(past.map((d) => dayFacts(services, d))),
        manages: manages(actor, actor.branchId),
      }),
    };
  },
};
