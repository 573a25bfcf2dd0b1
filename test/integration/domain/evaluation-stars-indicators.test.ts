// The annual evaluation, stars and indicators against the real database: composites and grades from the
// rules engine, the 优秀-share warning, finalisation and its lock, admin adjustments, star candidates and
// confirmation, and the period-over-period indicator report.
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/domain/errors.js';
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';
import { evaluateMember } from '../../../src/domain/evaluation/composite.js';
import type { DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, rejectionOf, servicesWithRules, settableClock, type Org, type Person } from './fixtures.js';

const env = useIsolated();
const clock = settableClock('2026-12-15T02:00:00Z');
let org: Org;
let s: DomainServices;
let star: Person; // 86.00 checklist
let strong: Person; // 70.00 checklist
let plain: Person; // 60.00 checklist
let deducted: Person; // 84.00 checklist, one deduction

async function claims(member: Person, list: readonly [string, number][]): Promise<void> {
  for (const [activityCode, count] of list) {
    for (let i = 0; i < count; i += 1) {
      const { claim } = await s.claims.create(member, { activityCode, quantity: 1, activityDate: `2026-${String(i + 1).padStart(2, '0')}-10`, description: key(), idempotencyKey: key() });
      await s.claimReview.approve(org.secretaryA, claim.id);
    }
  }
}

beforeAll(async () => {
  org = await createOrg(env.db);
  s = await servicesWithRules(env.db, clock);
  [star, strong, plain, deducted] = await Promise.all([1, 2, 3, 4].map(() => addMember(env.db, org.branchA))) as [Person, Person, Person, Person];
  const lots: [string, number][] = [['V4-PROBLEM', 4], ['V1-TALK', 5], ['V3-IMPROVEMENT', 3]];
  await claims(star, lots);
  await claims(deducted, lots);
  await claims(strong, [['V4-PROBLEM', 4]]);
  await s.deductions.deduct(org.secretaryA, { memberId: deducted.memberId, deductionCode: 'B1-ABSENCE', occurredOn: '2026-11-01', reason: '缺席', idempotencyKey: key() });
  for (const m of [star, strong, plain, deducted]) {
    const stars = { political: 95_00, jobSkill: m === strong ? 80_00 : 90_00, performance: 88_00 };
    await s.evaluation.enterScores(org.secretaryA, { memberId: m.memberId, year: 2026, democratic: 100_00, mass: 100_00, ...stars });
  }
});

describe('annual evaluation', () => {
  it('stores composites and grades equal to the rules engine’s, with the checklist from the ledger', async () => {
    const rules = buildDefaultRules(2026);
    const view = await s.evaluation.branchEvaluation(org.secretaryA, org.branchA, 2026);
    const byId = new Map(view.rows.map((r) => [r.memberId, r]));
    for (const [member, checklist] of [[star, 86_00], [strong, 70_00], [plain, 60_00], [deducted, 84_00]] as const) {
      const expected = evaluateMember({ democratic: 100_00, mass: 100_00, checklist }, false, rules);
      expect(byId.get(member.memberId)).toMatchObject({ checklist, composite: expected.composite, grade: expected.grade });
    }
    // 3 of the 4 evaluated members are 优秀 (≥ 90), above one third: the branch is warned.
    expect(view).toMatchObject({ excellentCount: 3, missing: view.rows.length - 4, warning: { code: 'EXCELLENT_SHARE_EXCEEDED', excellent: 3, members: 4, allowed: 1 } });
  });

  it('previews what a missing score needs for each grade', async () => {
    const fresh = await addMember(env.db, org.branchA); // nothing stored yet: mass is the missing score
    const preview = await s.evaluation.preview(org.secretaryA, { memberId: fresh.memberId, year: 2026, democratic: 100_00 });
    expect(preview.needed?.component).toBe('mass');
    // 50 + 18 + 0.2 × 34.98 = 74.996, which rounds half up to 75.00: 合格.
    expect(preview.needed?.byGrade.qualified).toBe(34_98);
    expect(preview.needed?.byGrade.excellent).toBeNull();
    expect(isDomainError(await rejectionOf(s.evaluation.enterScores(org.secretaryA, { memberId: plain.memberId, year: 2026, mass: 100_01 })), 'INVALID_SCORE')).toBe(true);
  });

  it('lists star candidates with reasons and confirms a candidate once', async () => {
    const decisions = await s.stars.candidates(org.secretaryA, 2026, { branchId: org.branchA });
    const of = (m: Person) => decisions.find((d) => d.memberId === String(m.memberId));
    expect(of(star)).toMatchObject({ candidate: true, rank: 1 });
    expect(of(deducted)?.exclusions.map((x) => x.code)).toContain('DEDUCTION');
    expect(of(strong)?.exclusions).toContainEqual({ code: 'COMPONENT_BELOW', component: 'jobSkill', score: 80_00, min: 85_00 });
    const unscored = decisions.find((d) => d.memberId === String(org.memberA1.memberId));
    expect(unscored?.exclusions).toContainEqual({ code: 'COMPONENT_BELOW', component: 'political', score: null, min: 85_00 });
    expect(isDomainError(await rejectionOf(s.stars.confirm(org.admin, { memberId: strong.memberId, year: 2026 })), 'NOT_ELIGIBLE')).toBe(true);
    expect((await s.stars.confirm(org.admin, { memberId: star.memberId, year: 2026, citation: '安全标兵' })).created).toBe(true);
    expect((await s.stars.confirm(org.admin, { memberId: star.memberId, year: 2026 })).created).toBe(false);
    expect(await env.db.star.count({ where: { memberId: star.memberId } })).toBe(1);
  });

  it('finalises once every member is scored (or when told to), then locks the year except for reasoned adjustments', async () => {
    const incomplete = await rejectionOf(s.evaluationYear.finalizeYear(org.admin, 2026));
    expect(isDomainError(incomplete, 'EVALUATION_INCOMPLETE')).toBe(true);
    expect(await env.db.evaluationYear.findUnique({ where: { year: 2026 } })).toMatchObject({ status: 'OPEN' });

    const summary = await s.evaluationYear.finalizeYear(org.admin, 2026, { allowIncomplete: true });
    expect(summary).toMatchObject({ year: 2026, evaluated: 4, byGrade: { excellent: 3, qualified: 1 }, warnings: [{ branchId: org.branchA, excellent: 3 }] });
    expect(isDomainError(await rejectionOf(s.evaluationYear.finalizeYear(org.admin, 2026)), 'ALREADY_HANDLED')).toBe(true);

    const before = await env.db.annualEvaluation.findUniqueOrThrow({ where: { memberId_year: { memberId: plain.memberId, year: 2026 } } });
    expect(isDomainError(await rejectionOf(s.evaluation.enterScores(org.secretaryA, { memberId: plain.memberId, year: 2026, mass: 50_00 })), 'EVALUATION_YEAR_FINALISED')).toBe(true);
    // The SQL lock holds even for code that skips the service.
    await expect(env.db.annualEvaluation.update({ where: { id: before.id }, data: { massScore: '50.00' } })).rejects.toThrow();
    expect((await env.db.annualEvaluation.findUniqueOrThrow({ where: { id: before.id } })).massScore?.toFixed(2)).toBe('100.00');

    expect(isDomainError(await rejectionOf(s.evaluation.adjust(org.admin, { memberId: plain.memberId, year: 2026, mass: 50_00, reason: ' ' })), 'REASON_REQUIRED')).toBe(true);
    const adjusted = await s.evaluation.adjust(org.admin, { memberId: plain.memberId, year: 2026, mass: 50_00, reason: '群众测评复核' });
    expect(adjusted).toMatchObject({ mass: 50_00, composite: 78_00, grade: 'qualified', adjustmentReason: '群众测评复核' });
    expect(await env.db.auditLog.count({ where: { action: 'evaluation.adjust', targetId: String(before.id) } })).toBe(1);
  });

  it('refuses an adjustment while the year is open', async () => {
    const member = await addMember(env.db, org.branchA);
    const error = await rejectionOf(s.evaluation.adjust(org.admin, { memberId: member.memberId, year: 2027, mass: 50_00, reason: 'x' }));
    expect(isDomainError(error, 'INVALID_TRANSITION')).toBe(true);
  });
});

describe('indicator report', () => {
  it('compares each branch with the previous period, direction by direction', async () => {
    const member = await addMember(env.db, org.branchB);
    const approve = async (activityDate: string, activityCode = 'V2-HAZARD', quantity = 2) => {
      const { claim } = await s.claims.create(member, { activityCode, quantity, activityDate, description: key(), idempotencyKey: key() });
      await s.claimReview.approve(org.secretaryB, claim.id);
    };
    await approve('2026-09-05');
    await approve('2026-10-05');
    await approve('2026-10-06', 'V1-TALK', 1);
    await s.volunteer.record(member, { hours: 3, activity: '义务植树', serviceDate: '2026-10-01', idempotencyKey: key() });
    await s.deductions.deduct(org.secretaryB, { memberId: member.memberId, deductionCode: 'B2-DUES', occurredOn: '2026-09-01', reason: '未交党费', idempotencyKey: key() });

    const report = await s.indicators.report(org.admin, '2026-10');
    expect(report).toMatchObject({ period: '2026-10', previous: '2026-09' });
    const b = report.branches.find((r) => r.branchId === String(org.branchB));
    const change = (k: string) => b?.changes.find((c) => c.key === k);
    expect(change('claims')).toMatchObject({ current: 2, previous: 1, outcome: 'improved' });
    expect(change('approvedPoints')).toMatchObject({ current: 300, previous: 100 });
    expect(change('hazardsHandled')).toMatchObject({ current: 2, previous: 2, outcome: 'unchanged' });
    expect(change('volunteerHours')).toMatchObject({ current: 300, previous: 0 });
    expect(change('deductions')).toMatchObject({ current: 0, previous: 1, outcome: 'improved' });
    expect(change('participationPercent')?.current).toBe(Math.round(10_000 / 3)); // 1 of 3 active members
  });
});
