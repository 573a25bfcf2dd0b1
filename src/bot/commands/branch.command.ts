// `支部` / `branch` [branch name, for admins]: the branch now, for its secretary; `branch.page` pages its members.
import { z } from 'zod';
import type { ActionDefinition } from '../actions/action.js';
import { branchArg, splitBranchAndPeriod } from '../branch-arg.js';
import { loadBranchView } from '../branch-view.js';
import { branchCard } from '../cards/branch-card.js';
import { branchNameOf } from '../people.js';
import { replyPrivately } from '../private-reply.js';
import type { CommandDefinition } from './command.js';

export const branchCommand: CommandDefinition<'branch'> = {
  name: 'branch',
  aliases: ['支部', '支部概况', '支部情况', 'branch'],
  menuKeys: ['branch'],
  run: async ({ actor, input, args, services }) => {
    // The view is always this month; a period word typed out of habit (支部 本月) is not part of the name.
    const branch = await branchArg(services, actor, splitBranchAndPeriod(args).branchName);
    return replyPrivately({ actor, input }, branchCard(await loadBranchView(services, actor, branch), { page: 1, timeZone: services.timeZone }));
  },
};

const pageValue = z.object({ b: z.coerce.number().int().positive(), pg: z.coerce.number().int().min(1).max(1000) });

export const branchPageAction: ActionDefinition = {
  action: 'branch.page',
  run: async ({ actor, input, services }) => {
    const value = pageValue.parse(input.value);
    const branch = { id: value.b, name: await branchNameOf(services.db, value.b) };
    return { card: branchCard(await loadBranchView(services, actor, branch), { page: value.pg, timeZone: services.timeZone }) };
  },
};
