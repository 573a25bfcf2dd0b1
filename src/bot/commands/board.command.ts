// `排行` / `rank` [period] [branch, for admins]: the branch board, paged; `board.page` turns its pages.
import { z } from 'zod';
import type { ActionDefinition } from '../actions/action.js';
import type { Actor } from '../actor.js';
import { boardCard } from '../cards/board-card.js';
import type { Card } from '../cards/elements.js';
import { branchArg, splitBranchAndPeriod } from '../branch-arg.js';
import { periodArg, type ChosenPeriod } from '../period-arg.js';
import { branchNameOf } from '../people.js';
import { replyPrivately } from '../private-reply.js';
import { rulesOfPeriod } from '../points-view.js';
import type { BotServices } from '../services.js';
import type { CommandDefinition } from './command.js';

async function boardPage(services: BotServices, actor: Actor, branch: { id: number; name: string }, chosen: ChosenPeriod, page: number): Promise<Card> {
  await rulesOfPeriod(services, chosen.period);
  const board = await services.domain.scores.branchBoard(actor, branch.id, chosen.key);
  return boardCard({ board, branchName: branch.name, periodLabel: chosen.label, page });
}

export const boardCommand: CommandDefinition<'board'> = {
  name: 'board',
  aliases: ['排行', '排行榜', '积分榜', '排名', '亮积分', 'rank', 'board', 'ranking'],
  menuKeys: ['board', 'rank'],
  run: async ({ actor, input, args, services }) => {
    const words = splitBranchAndPeriod(args);
    const chosen = periodArg(services, words.periodWord);
    const branch = await branchArg(services, actor, words.branchName);
    // Names on the board depend on who asks (anonymised for members): never post one person's view to a group.
    return replyPrivately({ actor, input }, await boardPage(services, actor, branch, chosen, 1));
  },
};

const pageValue = z.object({ b: z.coerce.number().int().positive(), p: z.string().max(10), pg: z.coerce.number().int().min(1).max(1000) });

export const boardPageAction: ActionDefinition = {
  action: 'board.page',
  run: async ({ actor, input, services }) => {
    const value = pageValue.parse(input.value);
    const chosen = periodArg(services, value.p);
    const branch = { id: value.b, name: await branchNameOf(services.db, value.b) };
    return { card: await boardPage(services, actor, branch, chosen, value.pg) };
  },
};
