// The 六升两降 indicator report from the database: each branch's figures for a period and the one before,
// compared by the pure `buildIndicatorReport`.
//
// Sources: ledger figures (participation, claims, points, hazards, deductions, vetoes) from the entries
// dated in each period, attributed to the branch recorded on the entry; the member count is the branch's
// members not deactivated; volunteer hours are summed by service date; pledge fulfilment is the share of
// the year's approved pledges marked 已践诺 by the period's end (so it rises towards year end).
import { assertReadsCommittee, type ServiceActor } from '../access/actor.js';
import { toDomainEntry } from '../ledger/ledger-mapper.js';
import { entriesBetween } from '../ledger/ledger-repository.js';
import { labelsOf } from '../ledger/ledger-writer.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { divideRounded } from '../points.js';
import { firstDayOf, formatPeriodKey, lastDayOf, parsePeriodKey, previousPeriod, type Period } from '../periods/period-key.js';
import { periodEnd } from '../periods/zoned-time.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { toDbDate, toHundredthsFromDb, type ServiceDeps } from '../shared/db.js';
import { figuresFromLedger } from './ledger-figures.js';
import { buildIndicatorReport, type BranchIndicatorReport, type BranchPeriodFigures } from './indicator-report.js';

export interface IndicatorReport {
  readonly period: string;
  readonly previous: string;
  readonly branches: readonly (BranchIndicatorReport & { readonly name: string })[];
}

export interface IndicatorsService {
  /** Admin (or the system): every branch, `periodKey` against the period before it. */
  report(actor: ServiceActor, periodKey: string): Promise<IndicatorReport>;
}

export function createIndicatorsService(deps: ServiceDeps & { readonly rules?: RulesService }): IndicatorsService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  async function volunteerHours(period: Period): Promise<Map<number, number>> {
    const groups = await db.volunteerRecord.groupBy({
      by: ['branchId'],
      where: { serviceDate: { gte: toDbDate(firstDayOf(period)), lte: toDbDate(lastDayOf(period)) } },
      _sum: { hours: true },
    });
    return new Map(groups.map((g) => [g.branchId, g._sum.hours === null ? 0 : toHundredthsFromDb(g._sum.hours)]));
  }

  async function pledgeFulfilment(period: Period): Promise<Map<number, number>> {
    const pledges = await db.pledge.findMany({
      where: { year: period.year, status: 'APPROVED' },
      select: { branchId: true, fulfilment: true, evaluatedAt: true },
    });
    const end = periodEnd(period, deps.timeZone);
    const tally = new Map<number, { approved: number; fulfilled: number }>();
    for (const p of pledges) {
      const t = tally.get(p.branchId) ?? { approved: 0, fulfilled: 0 };
      t.approved += 1;
      if (p.fulfilment === 'FULFILLED' && p.evaluatedAt !== null && p.evaluatedAt < end) t.fulfilled += 1;
      tally.set(p.branchId, t);
    }
    return new Map([...tally].map(([branchId, t]) => [branchId, divideRounded(t.fulfilled * 100_00, t.approved)]));
  }

  return {
    async report(actor, periodKey) {
      assertReadsCommittee(actor, 'read the indicator report');
      const current = parsePeriodKey(periodKey);
      const previous = previousPeriod(current);
      const labelOf = labelsOf(await rules.versions());
      const [branches, counts, rows] = await Promise.all([
        db.branch.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } }),
        db.member.groupBy({ by: ['branchId'], where: { status: { not: 'INACTIVE' } }, _count: { _all: true } }),
        entriesBetween(db, firstDayOf(previous), lastDayOf(current)),
      ]);
      const memberCount = new Map(counts.map((c) => [c.branchId, c._count._all]));
      const byBranch = new Map<number, LedgerEntry[]>();
      for (const row of rows) {
        const list = byBranch.get(row.branchId) ?? [];
        list.push(toDomainEntry(row, labelOf));
        byBranch.set(row.branchId, list);
      }
      const figures = async (period: Period) => {
        const [hours, pledges] = await Promise.all([volunteerHours(period), pledgeFulfilment(period)]);
        return (branchId: number): BranchPeriodFigures =>
          figuresFromLedger(byBranch.get(branchId) ?? [], period, {
            memberCount: memberCount.get(branchId) ?? 0,
            volunteerHours: hours.get(branchId) ?? 0,
            pledgeFulfilmentPercent: pledges.get(branchId) ?? 0,
          });
      };
      const [now, before] = await Promise.all([figures(current), figures(previous)]);
      const names = new Map(branches.map((b) => [b.id, b.name]));
      const report = buildIndicatorReport(branches.map((b) => ({ branchId: String(b.id), current: now(b.id), previous: before(b.id) })));
      return {
        period: formatPeriodKey(current),
        previous: formatPeriodKey(previous),
        branches: report.map((r) => ({ ...r, name: names.get(Number(r.branchId)) ?? '' })),
      };
    },
  };
}
