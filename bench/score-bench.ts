// Bench: a member's period score and the branch board computed from the database by the score service,
// over the demo data; also the query plan of the board's ledger read, to show the index it uses.
import type { Db } from '../src/db/prisma.js';
import { SYSTEM_ACTOR } from '../src/domain/access/actor.js';
import { firstDayOf, lastDayOf, parsePeriodKey, yearPeriod } from '../src/domain/periods/period-key.js';
import { createDomainServices } from '../src/domain/services.js';
import { systemClock } from '../src/domain/shared/db.js';
import { spread, timeEach, type Timing } from './timing.js';

export interface ScoreBenchResult {
  readonly members: number;
  readonly branches: number;
  readonly ledgerRows: number;
  readonly timings: readonly Timing[];
  /** The board's ledger read for the largest branch: indexes used and execution time. */
  readonly plan: string;
}

export interface ScoreBenchOptions {
  readonly periods: readonly string[];
  /** Members timed per period (spread over all of them). */
  readonly sample: number;
}

async function boardPlan(db: Db, periodKey: string): Promise<string> {
  const [largest] = await db.$queryRaw<{ branch_id: number }[]>`
    SELECT branch_id FROM members WHERE status <> 'INACTIVE' GROUP BY branch_id ORDER BY count(*) DESC LIMIT 1`;
  if (!largest) return 'no branches';
  const period = parsePeriodKey(periodKey);
  const ids = (await db.member.findMany({ where: { branchId: largest.branch_id, status: { not: 'INACTIVE' } }, select: { id: true } })).map((m) => m.id);
  // The same predicate the repository's entriesOfMembers sends.
  const rows = await db.$queryRawUnsafe<{ 'QUERY PLAN': unknown }[]>(
    `EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM ledger_entries WHERE member_id = ANY($1::int[]) AND occurred_on >= $2::date AND occurred_on <= $3::date ORDER BY id`,
    ids, firstDayOf(yearPeriod(period.year)), lastDayOf(period),
  );
  const plan = (rows[0]?.['QUERY PLAN'] as { Plan: Record<string, unknown>; 'Execution Time': number }[])[0];
  const indexes = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node['Index Name'] === 'string') indexes.add(node['Index Name']);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  if (plan) walk(plan.Plan);
  return `${ids.length} members, ${String(plan?.Plan['Actual Rows'] ?? '?')} rows, ${[...indexes].join(', ') || 'no index'}, ${plan?.['Execution Time'].toFixed(1)} ms`;
}

export async function benchScores(db: Db, options: ScoreBenchOptions): Promise<ScoreBenchResult> {
  const services = createDomainServices({ db, clock: systemClock, timeZone: 'Asia/Shanghai' });
  const members = await db.member.findMany({ where: { status: { not: 'INACTIVE' } }, select: { id: true }, orderBy: { id: 'asc' } });
  const branches = await db.branch.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const ledgerRows = await db.ledgerEntry.count();
  const sample = spread(members.map((m) => m.id), options.sample);
  const timings: Timing[] = [];
  // Warm-up: connections, the rules cache and the planner's first plans are not what is measured.
  for (const id of sample.slice(0, 5)) await services.scores.memberScore(SYSTEM_ACTOR, id, options.periods[0] ?? '2026');
  for (const periodKey of options.periods) {
    timings.push(await timeEach(`member score ${periodKey}`, sample, (id) => services.scores.memberScore(SYSTEM_ACTOR, id, periodKey)));
    timings.push(await timeEach(`branch board ${periodKey}`, branches.map((b) => b.id), (id) => services.scores.branchBoard(SYSTEM_ACTOR, id, periodKey)));
  }
  return { members: members.length, branches: branches.length, ledgerRows, timings, plan: await boardPlan(db, options.periods[options.periods.length - 1] ?? '2026') };
}
