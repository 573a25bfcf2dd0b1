// `我的记录` / `my records`: my claims, paged, with withdraw and edit-and-resubmit; the page and withdraw
// buttons answer by replacing the card.
import { z } from 'zod';
import type { Actor } from '../actor.js';
import type { ActionDefinition } from '../actions/action.js';
import { afterWithdrawal } from '../claim-review-flow.js';
import { claimFacts, pointsText } from '../claim-views.js';
import { MY_CLAIMS_PAGE, myClaimsCard } from '../cards/my-claims-card.js';
import type { Card } from '../cards/elements.js';
import { t } from '../messages/index.js';
import type { BotServices } from '../services.js';
import type { CommandDefinition } from './command.js';

/** How many of a member's claims the list covers (newest first). */
const LISTED = 100;

export async function myClaimsPage(services: BotServices, actor: Actor, page: number): Promise<Card> {
  const claims = await services.domain.claims.listMine(actor, { limit: LISTED });
  const pages = Math.max(1, Math.ceil(claims.length / MY_CLAIMS_PAGE));
  const current = Math.min(Math.max(page, 1), pages);
  const shown = claims.slice((current - 1) * MY_CLAIMS_PAGE, current * MY_CLAIMS_PAGE);
  const entries = await services.db.ledgerEntry.findMany({
    where: { claimId: { in: shown.filter((c) => c.status === 'approved').map((c) => c.id) }, cause: 'CLAIM' },
    select: { claimId: true, points: true },
  });
  const credited = new Map(entries.map((e) => [e.claimId, pointsText(Math.round(Number(e.points) * 100))]));
  const lines = [];
  for (const claim of shown) {
    const points = credited.get(claim.id);
    lines.push({ claim, facts: await claimFacts(services, claim), ...(points !== undefined ? { credited: points } : {}) });
  }
  return myClaimsCard({ lines, page: current, pages });
}

export const myRecordsCommand: CommandDefinition<'my-records'> = {
  name: 'my-records',
  aliases: ['我的记录', '记录列表', 'my records', 'records'],
  menuKeys: ['my-records'],
  run: async ({ actor, services }) => ({ reply: await myClaimsPage(services, actor, 1) }),
};

const pageValue = z.object({ pg: z.coerce.number().int().min(1).max(1000).default(1) });

export const claimPageAction: ActionDefinition = {
  action: 'claim.mine',
  run: async ({ actor, input, services }) => ({ card: await myClaimsPage(services, actor, pageValue.parse(input.value).pg) }),
};

export const claimWithdrawAction: ActionDefinition = {
  action: 'claim.withdraw',
  run: async ({ actor, input, services }) => {
    const value = pageValue.extend({ c: z.coerce.number().int().positive() }).parse(input.value);
    const claim = await services.domain.claims.withdraw(actor, value.c);
    const also = await afterWithdrawal(services, claim);
    return { toast: { type: 'success', content: t.claims.mine.withdrawn }, card: await myClaimsPage(services, actor, value.pg), also };
  },
};
