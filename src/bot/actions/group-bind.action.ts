// The group card's "bind to my branch" button: a secretary (or admin) binds the group to their own branch,
// and the year's pledge wall is posted there at once.
import { z } from 'zod';
import { groupBoundCard } from '../cards/admin-cards.js';
import { t } from '../messages/index.js';
import { refreshPledgeWalls } from '../pledge-wall.js';
import { currentYear } from '../pledge-views.js';
import type { ActionDefinition } from './action.js';

const value = z.object({ n: z.string().max(100).optional() });

export const groupBindAction: ActionDefinition = {
  action: 'group.bind',
  run: async ({ actor, input, services }) => {
    const { n } = value.parse(input.value);
    if (!input.chatId) return { toast: { type: 'error', content: t.common.errors.notFound } };
    const { changed } = await services.domain.groups.bind(actor, { chatId: input.chatId, ...(n ? { name: n } : {}) });
    const also = changed ? await refreshPledgeWalls(services, actor.branchId, currentYear(services), { onlyChatId: input.chatId }) : [];
    return { toast: { type: 'success', content: t.admin.group.boundTitle }, card: groupBoundCard(actor.branchName), also };
  },
};
