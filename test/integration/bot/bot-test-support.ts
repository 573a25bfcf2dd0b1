// Shared by the bot's end-to-end tests: the pledge window of this year's rules set open or closed (the
// version is rewritten before anything refers to it), and row counts to prove a refusal wrote nothing.
import type { BotHarness } from '../../helpers/bot-harness.js';
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';
import { localDateOf } from '../../../src/domain/periods/zoned-time.js';
import type { Prisma } from '../../../src/generated/prisma/client.js';

export function todayShanghai(): string {
  return localDateOf(new Date(), 'Asia/Shanghai');
}

/** Open: all year. Closed: a month that is not this one (December, or January in the second half). */
export async function setPledgeWindow(bot: BotHarness, open: boolean): Promise<void> {
  const today = todayShanghai();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const closedMonth = month <= 6 ? 12 : 1;
  const pledgeWindow = open
    ? { start: { month: 1, day: 1 }, end: { month: 12, day: 'last' as const } }
    : { start: { month: closedMonth, day: 1 }, end: { month: closedMonth, day: 'last' as const } };
  const definition = { ...buildDefaultRules(year), pledgeWindow };
  await bot.edge.db.rulesVersion.update({ where: { year_version: { year, version: 1 } }, data: { definition: definition as unknown as Prisma.InputJsonValue } });
  bot.domain.rules.invalidate();
}

/** Rows of every table a privileged action writes: equal before and after means nothing was written. */
export async function writtenRows(bot: BotHarness) {
  const db = bot.edge.db;
  const [ledger, deductions, objections, vetoes, audit, groups, members, progress] = await Promise.all([
    db.ledgerEntry.count(), db.deduction.count(), db.objection.count(), db.vetoProposal.count(), db.auditLog.count(),
    db.branchGroupChat.findMany({ orderBy: { id: 'asc' } }), db.member.count(), db.pledgeProgress.count(),
  ]);
  const pledges = await db.pledge.findMany({ select: { id: true, status: true, fulfilment: true }, orderBy: { id: 'asc' } });
  const openObjections = await db.objection.count({ where: { status: 'OPEN' } });
  const proposed = await db.vetoProposal.count({ where: { status: 'PROPOSED' } });
  return { ledger, deductions, objections, vetoes, audit, groups, members, progress, pledges, openObjections, proposed };
}
