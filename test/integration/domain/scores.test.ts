// Scores from the database equal the pure engine's over the same ledger entries. The entries are written
// through the services (claims, caps, deductions, reversals, adjustments, a veto), read back here with
// raw SQL and validated by the zod ledger schema, then scored by scorePeriod / rankMembers /
// aggregateBranch and compared with what the score service returns.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLedgerEntry, type LedgerEntry } from '../../../src/domain/ledger/ledger-entry.js';
import { parsePoints } from '../../../src/domain/points.js';
import { parsePeriodKey } from '../../../src/domain/periods/period-key.js';
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';
import { RulesDefinition, type RulesDefinitionInput } from '../../../src/domain/rules/rules-schema.js';
import { selectVersionForPeriod } from '../../../src/domain/rules/select-version.js';
import { aggregateBranch } from '../../../src/domain/scoring/branch-aggregates.js';
import { rankMembers } from '../../../src/domain/scoring/rank.js';
import { scorePeriod } from '../../../src/domain/scoring/score-period.js';
import type { DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, servicesWithRules, settableClock, type Org, type Person } from './fixtures.js';

const env = useIsolated();
const clock = settableClock('2026-09-01T02:00:00Z');
let org: Org;
let s: DomainServices;
let members: Person[];
const RULES_2026_R2 = (() => {
  const input = structuredClone(buildDefaultRules(2026)) as RulesDefinitionInput;
  input.revision = 2;
  input.effectiveFrom = '2026-07-01';
  const talk = input.vanguard.roles[0]?.activities[0];
  if (talk) talk.pointsPerUnit = 3; // the amendment: 政策宣讲 3 points from July
  return RulesDefinition.parse(input);
})();

/** A small deterministic generator, so the data is varied but the same on every run. */
function rng(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const ACTIVITIES = [['V1-TALK', 1], ['V1-ARTICLE', 2], ['V2-HAZARD', 6], ['V2-EMERGENCY', 1], ['V3-SAVING', 25_000], ['V4-PROBLEM', 1], ['V4-MENTORING', 2]] as const;

beforeAll(async () => {
  org = await createOrg(env.db);
  s = await servicesWithRules(env.db, clock);
  await s.rules.ensureRulesVersion(2026, RULES_2026_R2);
  members = [org.memberA1, org.memberA2, ...(await Promise.all([1, 2, 3, 4].map(() => addMember(env.db, org.branchA))))];
  const random = rng(7);
  for (const [index, member] of members.entries()) {
    if (index === members.length - 1) continue; // one member with no activity at all
    for (let i = 0; i < 14; i += 1) {
      const [activityCode, quantity] = ACTIVITIES[Math.floor(random() * ACTIVITIES.length)] as (typeof ACTIVITIES)[number];
      const day = `2026-0${1 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const { claim } = await s.claims.create(member, { activityCode, quantity, activityDate: day, description: key('act'), idempotencyKey: key() });
      if (random() < 0.85) await s.claimReview.approve(org.secretaryA, claim.id);
    }
    if (index % 2 === 0) {
      const { entry } = await s.deductions.deduct(org.secretaryA, { memberId: member.memberId, deductionCode: 'B1-ABSENCE', occurredOn: '2026-03-10', reason: '缺席', idempotencyKey: key() });
      if (index === 0) await s.ledger.reverse(org.admin, { entryId: Number(entry.id), reason: '更正' });
    }
  }
  await s.ledger.adjust(org.admin, { memberId: members[1]!.memberId, itemCode: 'V3', points: 150, occurredOn: '2026-05-05', reason: '补录成果' });
  const { veto } = await s.vetoes.propose(org.secretaryA, { memberId: members[2]!.memberId, vetoCode: 'X1', occurredOn: '2026-05-20', reason: '红线', idempotencyKey: key() });
  await s.vetoes.confirm(org.admin, veto.id);
});

/** The branch's ledger read independently of the services: raw SQL, zod-validated entries. */
async function ledgerFromSql(): Promise<LedgerEntry[]> {
  const rows = await env.db.$queryRaw<Record<string, string | number | null | Date | object>[]>`
    SELECT e.id::text, e.member_id::text AS "memberId", e.branch_id::text AS "branchId", (r.year || '.' || r.version) AS "rulesVersion",
           lower(e.cause::text) AS cause, e.item_code::text AS "itemCode", e.activity_code AS "activityCode", e.deduction_code AS "deductionCode",
           e.quantity::float8 AS quantity, e.points::text AS points, e.requested_points::text AS requested, e.cap_note AS "capNote",
           to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn", e.reverses_entry_id::text AS "reversesEntryId",
           coalesce(e.claim_id, e.deduction_id, e.veto_proposal_id)::text AS "sourceId", e.reason, e.created_at AS "createdAt"
    FROM ledger_entries e JOIN rules_versions r ON r.id = e.rules_version_id JOIN members m ON m.id = e.member_id
    WHERE m.branch_id = ${org.branchA}`;
  return rows.map((row) => {
    const plain = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
    return parseLedgerEntry({
      ...plain, year: Number(String(row.occurredOn).slice(0, 4)),
      pointsCredited: parsePoints(String(row.points)), pointsRequested: parsePoints(String(row.requested)),
    });
  });
}

describe('scores from the database', () => {
  it.each(['2026-03', '2026-06', '2026-Q2', '2026-Q3', '2026'])('equal the pure engine for every member of the branch in %s', async (periodKey) => {
    const entries = await ledgerFromSql();
    const period = parsePeriodKey(periodKey);
    const rules = selectVersionForPeriod([buildDefaultRules(2026), RULES_2026_R2], period);
    const branch = await env.db.member.findMany({ where: { branchId: org.branchA }, select: { id: true } });
    const pure = branch.map((m) => scorePeriod(entries, rules, period, { memberId: String(m.id) }));
    const ranks = rankMembers(pure.map((p) => ({ memberId: p.memberId, score: p.standing.checklistScore })));

    const board = await s.scores.branchBoard(org.secretaryA, org.branchA, periodKey);
    expect(board.rulesVersion).toBe(`2026.${rules.revision}`);
    expect(board.rows.map((r) => [String(r.memberId), r.rank, r.tiedCount])).toEqual(ranks.map((r) => [r.memberId, r.rank, r.tiedCount]));
    for (const row of board.rows) expect(row.score).toEqual(pure.find((p) => p.memberId === String(row.memberId)));
    expect(board.aggregate).toEqual(aggregateBranch(periodKey, pure, rules));
    expect(await s.scores.branchAggregates(org.admin, org.branchA, periodKey)).toEqual(board.aggregate);
    const overview = await s.scores.committeeOverview(org.admin, periodKey);
    expect(overview.branches.find((b) => b.branchId === org.branchA)?.aggregate).toEqual(board.aggregate);

    for (const member of members) {
      const mine = await s.scores.memberScore(member, member.memberId, periodKey);
      expect(mine.score).toEqual(pure.find((p) => p.memberId === String(member.memberId)));
      expect(mine.rank).toBe(ranks.find((r) => r.memberId === String(member.memberId))?.rank);
    }
  });

  it('covers what it claims to: caps, a reversal, an adjustment, a veto, both rule revisions and a tie', async () => {
    const entries = await ledgerFromSql();
    expect(entries.some((e) => e.capNote !== undefined)).toBe(true);
    expect(new Set(entries.map((e) => e.cause))).toEqual(new Set(['claim', 'deduction', 'reversal', 'adjustment', 'veto']));
    expect(new Set(entries.map((e) => e.rulesVersion))).toEqual(new Set(['2026.1', '2026.2']));
    const talks = entries.filter((e) => e.activityCode === 'V1-TALK' && e.cause === 'claim' && e.capNote === undefined);
    for (const talk of talks) expect(talk.pointsRequested).toBe(talk.occurredOn >= '2026-07-01' ? 300 : 200);
    const board = await s.scores.branchBoard(org.admin, org.branchA, '2026');
    expect(board.rows.some((r) => r.tiedCount > 1)).toBe(true);
  });

  it('gives a monthly trend equal to the pure engine month by month', async () => {
    const entries = await ledgerFromSql();
    const member = members[0] as Person;
    const trend = await s.scores.monthlyTrend(member, member.memberId, '2026-08', 6);
    expect(trend.map((t) => t.period)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    for (const point of trend) {
      const rules = point.period >= '2026-07' ? RULES_2026_R2 : buildDefaultRules(2026);
      const pure = scorePeriod(entries, rules, parsePeriodKey(point.period), { memberId: String(member.memberId) });
      expect(point).toEqual({ period: point.period, moved: pure.movement.total, checklistScore: pure.standing.checklistScore });
    }
  });

  it('anonymises other names for members when the setting says so; a member always sees their own', async () => {
    await env.db.setting.create({ data: { key: 'board.anonymised', value: true } });
    try {
      const seen = await s.scores.branchBoard(org.memberA1, org.branchA, '2026');
      expect(seen.anonymised).toBe(true);
      expect(seen.rows.filter((r) => r.name !== null).map((r) => r.memberId)).toEqual([org.memberA1.memberId]);
      expect(seen.rows.find((r) => r.isViewer)?.name).toBe(org.memberA1.name);
      const secretary = await s.scores.branchBoard(org.secretaryA, org.branchA, '2026');
      expect(secretary.rows.every((r) => r.name !== null)).toBe(true);
    } finally {
      await env.db.setting.delete({ where: { key: 'board.anonymised' } });
    }
  });

  it('lists a member’s recent entries with their causes', async () => {
    const member = members[0] as Person;
    const history = await s.ledger.history(member, member.memberId, { limit: 50 });
    const reversed = history.find((h) => h.entry.cause === 'deduction');
    expect(reversed?.reversedById).toBeDefined();
    expect(reversed?.deduction).toMatchObject({ reason: '缺席', status: 'REVERSED' });
    expect(history.find((h) => h.entry.cause === 'claim')?.claim?.description).toMatch(/^act-/);
    expect(history.map((h) => Number(h.entry.id))).toEqual([...history.map((h) => Number(h.entry.id))].sort((a, b) => b - a));
  });
});
