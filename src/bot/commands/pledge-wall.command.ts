// `亮诺`: the branch's pledge wall. Anyone gets the wall card in their own chat; a secretary's 亮诺 also
// posts or refreshes it in the branch's bound groups (or says how to bind one).
import { isSecretaryOrAdmin } from '../actor.js';
import { markdown } from '../cards/elements.js';
import { t } from '../messages/index.js';
import { buildPledgeWall, refreshPledgeWalls } from '../pledge-wall.js';
import { yearArg } from '../pledge-views.js';
import type { CommandDefinition } from './command.js';

export const pledgeWallCommand: CommandDefinition<'pledge-wall'> = {
  name: 'pledge-wall',
  aliases: ['亮诺', '亮诺墙', '承诺墙', 'pledge wall'],
  menuKeys: ['pledge-wall'],
  run: async ({ actor, args, services }) => {
    const year = yearArg(services, args);
    const wall = await buildPledgeWall(services, actor.branchId, year);
    if (!isSecretaryOrAdmin(actor)) return { reply: wall };
    const also = await refreshPledgeWalls(services, actor.branchId, year);
    const bound = (await services.domain.groups.activeChats(actor.branchId)).length > 0;
    wall.body.elements.push(markdown(bound ? t.pledges.wall.posted : t.pledges.wall.noGroup, { size: 'notation' }));
    return { reply: wall, also };
  },
};
