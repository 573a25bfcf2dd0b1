// `积分` / `我的积分` / `points` [本月|本季|本年|2026-10…]: my score card, all numbers from the rules engine.
import { pointsCard } from '../cards/points-card.js';
import { periodArg } from '../period-arg.js';
import { loadPointsView } from '../points-view.js';
import { replyPrivately } from '../private-reply.js';
import type { CommandDefinition } from './command.js';

export const pointsCommand: CommandDefinition<'points'> = {
  name: 'points',
  aliases: ['积分', '我的积分', '查积分', 'points', 'score'],
  menuKeys: ['points'],
  run: async ({ actor, input, args, services }) => {
    const chosen = periodArg(services, args.join(''));
    return replyPrivately({ actor, input }, pointsCard(await loadPointsView(services, actor, chosen)));
  },
};
