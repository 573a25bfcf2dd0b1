// `npm run db:seed` against a real database: the base seed is idempotent and keeps admins' edits; the ×1 demo
// loads the committee's shape, consistent with the rules, once.
import { describe, expect, it } from 'vitest';
import { buildDefaultRules } from '../../src/domain/rules/default-rules.js';
import { RulesDefinition } from '../../src/domain/rules/rules-schema.js';
import { PARTY_DAY_LIBRARY } from '../../src/domain/party-days/party-day-library.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { DEFAULT_SETTINGS } from '../../prisma/seed/default-settings.js';
import { seedDatabase } from '../../prisma/seed/seed-database.js';
import { DEMO_MARKER_KEY, seedDemo } from '../../prisma/seed/seed-demo.js';
import { useIsolated } from '../helpers/isolated.js';
import type { Db } from '../../src/db/prisma.js';

const database = useIsolated();

/** Row count of every table in the public schema, for “a second run changes nothing”. */
async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}
const demo = { seed: 7, scale: 1, asOf: '2026-11-28' };

describe('base seed', () => {
  it('loads the committee, the year’s rules, the settings and the party-day library', async () => {
    const report = await seedDatabase(database.db, { year: 2026 });
    expect(report).toMatchObject({ committeeCreated: true, rulesVersion: { year: 2026, version: 1, created: true } });
    expect(report.settingsCreated).toBe(Object.keys(DEFAULT_SETTINGS).length);
    expect(report.seriesCreated).toBe(PARTY_DAY_LIBRARY.length);
    expect(report.plansCreated).toBe(PARTY_DAY_LIBRARY.flatMap((s) => s.plans).length);

    const stored = await database.db.rulesVersion.findUniqueOrThrow({ where: { year_version: { year: 2026, version: 1 } } });
    expect(stored.effectiveFrom.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(RulesDefinition.parse(stored.definition)).toEqual(buildDefaultRules(2026));
    const plan = await database.db.partyDayPlan.findUniqueOrThrow({ where: { code: 'SP-TASKFORCE-01' }, include: { series: true } });
    expect(plan.series).toMatchObject({ name: '党员突击队', category: 'SERVING_PRODUCTION' });
    expect(plan.steps.length).toBeGreaterThanOrEqual(4);
  });

  it('changes nothing when run again, and keeps what an admin changed', async () => {
    await database.db.setting.update({ where: { key: 'board.anonymised' }, data: { value: true } });
    await database.db.partyDaySeries.update({ where: { code: 'IE-RED-TOUR' }, data: { description: '支部自定义说明' } });
    const before = await tableCounts(database.db);

    const again = await seedDatabase(database.db, { year: 2026 });
    expect(again).toMatchObject({ committeeCreated: false, settingsCreated: 0, seriesCreated: 0, plansCreated: 0 });
    expect(again.rulesVersion.created).toBe(false);
    expect(await tableCounts(database.db)).toEqual(before);
    expect((await database.db.setting.findUniqueOrThrow({ where: { key: 'board.anonymised' } })).value).toBe(true);
    expect((await database.db.partyDaySeries.findUniqueOrThrow({ where: { code: 'IE-RED-TOUR' } })).description).toBe('支部自定义说明');
  });
});

describe('demo seed ×1', () => {
  it('loads 21 branches and 710 members with one secretary per branch and one admin', async () => {
    const result = await seedDemo(database.db, demo);
    expect(result.skipped).toBe(false);
    const { db } = database;
    expect(await db.branch.count()).toBe(21);
    expect(await db.member.count()).toBe(710);
    const secretaries = await db.member.groupBy({ by: ['branchId'], where: { role: 'SECRETARY' }, _count: { _all: true } });
    expect(secretaries).toHaveLength(21);
    expect(secretaries.every((s) => s._count._all === 1)).toBe(true);
    expect(await db.member.count({ where: { role: 'ADMIN' } })).toBe(1);
    expect(await db.branchGroupChat.count()).toBe(21);
    expect(await db.rulesVersion.count()).toBe(2);
  }, 120_000);

  it('holds exactly what the generator produced', async () => {
    const { activities } = generateDemo({ ...demo, rulesFor: buildDefaultRules });
    const sum = (pick: (a: (typeof activities)[number]) => readonly unknown[]) => activities.reduce((n, a) => n + pick(a).length, 0);
    const { db } = database;
    expect(await db.claim.count()).toBe(sum((a) => a.claims));
    expect(await db.ledgerEntry.count()).toBe(sum((a) => a.ledger));
    expect(await db.deduction.count()).toBe(sum((a) => a.deductions));
    expect(await db.objection.count()).toBe(sum((a) => a.objections));
    expect(await db.pledge.count()).toBe(sum((a) => a.pledges));
    expect(await db.pledgeProgress.count()).toBe(sum((a) => a.progress));
    expect(await db.volunteerRecord.count()).toBe(sum((a) => a.volunteer));
  });

  it('credits each approved claim once, within the caps, under the version of its year', async () => {
    const { db } = database;
    const [orphans] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM claims c WHERE c.status = 'APPROVED'
         AND (SELECT count(*) FROM ledger_entries e WHERE e.claim_id = c.id AND e.cause = 'CLAIM') <> 1`,
    );
    expect(Number(orphans?.n)).toBe(0);
    // The demo keys its credits the way the live services do, so approving a demo claim again cannot credit twice.
    const [foreignKeys] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM ledger_entries WHERE cause = 'CLAIM' AND business_key <> 'claim:' || claim_id`,
    );
    expect(Number(foreignKeys?.n)).toBe(0);
    const [over] = await db.$queryRawUnsafe<{ role: string | null; total: string | null }[]>(
      `SELECT max(role_total)::text AS role, max(member_total)::text AS total FROM (
         SELECT sum(points) AS role_total, sum(sum(points)) OVER (PARTITION BY member_id, extract(year FROM occurred_on)) AS member_total
           FROM ledger_entries WHERE item_code IN ('V1','V2','V3','V4')
          GROUP BY member_id, item_code, extract(year FROM occurred_on)) t`,
    );
    expect(Number(over?.role)).toBeLessThanOrEqual(10);
    expect(Number(over?.total)).toBeLessThanOrEqual(40);
    const [mismatched] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM ledger_entries e JOIN rules_versions r ON r.id = e.rules_version_id
        WHERE r.year <> extract(year FROM e.occurred_on)`,
    );
    expect(Number(mismatched?.n)).toBe(0);
  });

  it('is not loaded twice', async () => {
    const before = await tableCounts(database.db);
    const again = await seedDemo(database.db, demo);
    expect(again).toMatchObject({ skipped: true, marker: { seed: 7, scale: 1, asOf: '2026-11-28' } });
    await seedDatabase(database.db, { year: 2026 });
    expect(await tableCounts(database.db)).toEqual(before);
    expect(await database.db.setting.findUnique({ where: { key: DEMO_MARKER_KEY } })).not.toBeNull();
  });
});
