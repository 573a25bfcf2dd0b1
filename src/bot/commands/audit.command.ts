// `审计 [页码]` (admin): recent audit log entries, newest first, ten to a page with paging buttons.
import { z } from 'zod';
import type { Actor } from '../actor.js';
import { AUDIT_PAGE_SIZE, auditCard } from '../cards/audit-card.js';
import type { Card } from '../cards/elements.js';
import { formatInstant } from '../format-time.js';
import { namesOf } from '../people.js';
import type { BotServices } from '../services.js';
import type { ActionDefinition } from '../actions/action.js';
import type { CommandDefinition } from './command.js';

export async function auditPage(services: BotServices, actor: Actor, page: number): Promise<Card> {
  // One more row than shown tells whether there is a next page.
  const rows = await services.domain.audit.recent(actor, { limit: AUDIT_PAGE_SIZE + 1, offset: (page - 1) * AUDIT_PAGE_SIZE });
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  const names = await namesOf(services.db, shown.flatMap((r) => (r.actorId === null ? [] : [r.actorId])));
  return auditCard({ rows: shown, names, page, hasMore: rows.length > AUDIT_PAGE_SIZE, formatTime: (d) => formatInstant(d, services.timeZone) });
}

const pageArg = z.coerce.number().int().min(1).max(1000).catch(1);

export const auditCommand: CommandDefinition<'audit'> = {
  name: 'audit',
  aliases: ['审计', '审计日志', 'audit'],
  menuKeys: ['audit'],
  run: async ({ actor, args, services }) => ({ reply: await auditPage(services, actor, pageArg.parse(args[0])) }),
};

export const auditPageAction: ActionDefinition = {
  action: 'audit.page',
  run: async ({ actor, input, services }) => ({ card: await auditPage(services, actor, z.object({ pg: z.coerce.number().int().min(1).max(1000) }).parse(input.value).pg) }),
};
