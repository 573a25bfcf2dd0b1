// `承诺` / `pledges`: my pledges (status, review comments, progress) and, in the pledge window, a form
// for a new one; outside the window, when it opens.
import { myPledgesCard } from '../cards/pledge-cards.js';
import { formKey } from '../forms.js';
import { pledgeWindowToday } from '../pledge-views.js';
import type { CommandDefinition } from './command.js';

export const pledgesCommand: CommandDefinition<'pledges'> = {
  name: 'pledges',
  aliases: ['承诺', '我的承诺', '定诺', '践诺', 'pledges', 'pledge'],
  menuKeys: ['pledges'],
  run: async ({ actor, input, services }) => {
    const window = await pledgeWindowToday(services);
    const pledges = await services.domain.pledges.listMine(actor, window.year);
    return {
      reply: myPledgesCard({
        year: window.year,
        pledges,
        window: { open: window.open, opens: window.opens, closes: window.closes },
        formKey: formKey(input.key, 'pledge.create'),
        today: window.today,
      }),
    };
  },
};
