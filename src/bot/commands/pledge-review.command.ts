// Secretaries' pledge commands: `审诺` lists the pledges waiting for my review; `评诺` / `承诺盘点` is the
// mid-year and year-end review of the branch's pledges with progress and the 评诺 verdict buttons.
import { assertManagesBranch } from '../../domain/access/actor.js';
import { branchPledgesCard } from '../cards/branch-pledges-card.js';
import { pendingPledgesCard } from '../cards/pledge-review-cards.js';
import { namesOf } from '../people.js';
import { branchPledges, yearArg } from '../pledge-views.js';
import type { CommandDefinition } from './command.js';

export const pledgePendingCommand: CommandDefinition<'pledge-pending'> = {
  name: 'pledge-pending',
  aliases: ['审诺', '审核承诺', '待审承诺', 'pledge review'],
  menuKeys: ['pledge-pending'],
  run: async ({ actor, services }) => {
    const pending = await services.domain.pledges.listPending(actor);
    const names = await namesOf(services.db, pending.map((p) => p.memberId));
    return { reply: pendingPledgesCard(pending.map((pledge) => ({ pledge, memberName: names.get(pledge.memberId) ?? '' }))) };
  },
};

export const pledgeBranchCommand: CommandDefinition<'pledge-branch'> = {
  name: 'pledge-branch',
  aliases: ['评诺', '承诺盘点', '盘点承诺', '中期盘点', '年终盘点', 'pledge status'],
  menuKeys: ['pledge-branch'],
  run: async ({ actor, args, services }) => {
    assertManagesBranch(actor, actor.branchId, 'review branch pledges');
    const year = yearArg(services, args);
    return { reply: branchPledgesCard({ year, items: await branchPledges(services, actor, year), page: 1 }) };
  },
};
