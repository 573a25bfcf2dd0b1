// Deductions with objections and the one-vote veto against the real database, judged by the score the
// member sees: an upheld objection restores it, a rejected veto leaves it, a confirmed veto zeroes it.
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/domain/errors.js';
import type { DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, rejectionOf, servicesWithRules, settableClock, type Org, type Person } from './fixtures.js';

const env = useIsolated();
const clock = settableClock();
let org: Org;
let s: DomainServices;

beforeAll(async () => {
  org = await createOrg(env.db);
  s = await servicesWithRules(env.db, clock);
});

const checklist = async (member: Person, period = '2026') => (await s.scores.memberScore(member, member.memberId, period)).score.standing.checklistScore;

async function memberWithClaim(): Promise<Person> {
  const member = await addMember(env.db, org.branchA);
  const { claim } = await s.claims.create(member, { activityCode: 'V4-PROBLEM', quantity: 1, activityDate: '2026-05-05', description: '攻关', idempotencyKey: key() });
  await s.claimReview.approve(org.secretaryA, claim.id);
  return member;
}

describe('deductions and objections', () => {
  it('deduction → objection upheld → reversal restores the score', async () => {
    const member = await memberWithClaim();
    expect(await checklist(member)).toBe(63_00);
    const { deduction, entry } = await s.deductions.deduct(org.secretaryA, {
      memberId: member.memberId, deductionCode: 'B1-ABSENCE', occurrences: 2, occurredOn: '2026-06-01', reason: '两次无故缺席', idempotencyKey: key(),
    });
    expect(deduction).toMatchObject({ points: 400, itemCode: 'B1', status: 'active' });
    expect(entry).toMatchObject({ cause: 'deduction', pointsCredited: -400, itemCode: 'B1' });
    expect(await checklist(member)).toBe(59_00);

    const objection = await s.deductions.object(member, { deductionId: deduction.id, text: '当天出差，有审批' });
    expect((await s.deductions.listOpenObjections(org.secretaryA)).map((o) => o.id)).toContain(objection.id);
    const { objection: resolved, reversal } = await s.deductions.resolveObjection(org.secretaryA, { objectionId: objection.id, upheld: true, resolution: '出差属实' });
    expect(resolved.status).toBe('upheld');
    expect(reversal).toMatchObject({ cause: 'reversal', pointsCredited: 400, reversesEntryId: entry.id, occurredOn: '2026-06-01' });
    expect(await checklist(member)).toBe(63_00);
    expect((await env.db.deduction.findUniqueOrThrow({ where: { id: deduction.id } })).status).toBe('REVERSED');
    const score = await s.scores.memberScore(member, member.memberId, '2026-06');
    expect(score.score.movement.deductionCount).toBe(0);

    expect(isDomainError(await rejectionOf(s.deductions.resolveObjection(org.admin, { objectionId: objection.id, upheld: false, resolution: 'x' })), 'ALREADY_HANDLED')).toBe(true);
    expect(await env.db.ledgerEntry.count({ where: { deductionId: deduction.id } })).toBe(2);
  });

  it('an objection rejected leaves the deduction; a second objection is refused', async () => {
    const member = await addMember(env.db, org.branchA);
    const { deduction } = await s.deductions.deduct(org.secretaryA, { memberId: member.memberId, deductionCode: 'B2-STUDY', occurredOn: '2026-06-02', reason: '学习未达标', idempotencyKey: key() });
    const objection = await s.deductions.object(member, { deductionId: deduction.id, text: '有补学' });
    expect((await s.deductions.object(member, { deductionId: deduction.id, text: '再说一次' })).id).toBe(objection.id);
    await s.deductions.resolveObjection(org.secretaryA, { objectionId: objection.id, upheld: false, resolution: '补学未完成' });
    expect(await checklist(member)).toBe(59_00);
    expect(isDomainError(await rejectionOf(s.deductions.object(member, { deductionId: deduction.id, text: '不服' })), 'ALREADY_HANDLED')).toBe(true);
  });

  it('refuses an objection after the window and by anyone but the member', async () => {
    const member = await addMember(env.db, org.branchA);
    const { deduction } = await s.deductions.deduct(org.secretaryA, { memberId: member.memberId, deductionCode: 'B3-TASK', occurredOn: '2026-06-03', reason: '未完成任务', idempotencyKey: key() });
    expect(isDomainError(await rejectionOf(s.deductions.object(org.memberA1, { deductionId: deduction.id, text: 'x' })), 'ACTOR_NOT_ALLOWED')).toBe(true);
    clock.set('2026-06-18T02:00:01Z'); // three days and a second later
    try {
      expect(isDomainError(await rejectionOf(s.deductions.object(member, { deductionId: deduction.id, text: '晚了' })), 'OBJECTION_WINDOW_CLOSED')).toBe(true);
    } finally {
      clock.set('2026-06-15T02:00:00Z');
    }
    expect(await env.db.objection.count({ where: { deductionId: deduction.id } })).toBe(0);
  });

  it('a double-submitted deduction deducts once; basic items never go below zero', async () => {
    const member = await addMember(env.db, org.branchA);
    const form = { memberId: member.memberId, deductionCode: 'B1-ABSENCE', occurrences: 15, occurredOn: '2026-06-04', reason: '长期缺席', idempotencyKey: key() };
    const [first, second] = await Promise.all([s.deductions.deduct(org.secretaryA, form), s.deductions.deduct(org.secretaryA, form)]);
    expect(first.deduction.id).toBe(second.deduction.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(await env.db.ledgerEntry.count({ where: { deductionId: first.deduction.id } })).toBe(1);
    const { score } = await s.scores.memberScore(org.secretaryA, member.memberId, '2026');
    expect(score.standing.basicRemaining.B1).toBe(0);
    expect(score.movement.byItem.B1).toBe(-3000);
    expect(score.standing.checklistScore).toBe(40_00);
  });
});

describe('vetoes', () => {
  it('a proposal and a rejection leave the score untouched', async () => {
    const member = await memberWithClaim();
    const { veto } = await s.vetoes.propose(org.secretaryA, { memberId: member.memberId, vetoCode: 'X3', occurredOn: '2026-04-01', reason: '违章作业', idempotencyKey: key() });
    expect(veto).toMatchObject({ status: 'proposed', year: 2026, occurredOn: '2026-04-01' });
    expect(await checklist(member)).toBe(63_00);
    expect(isDomainError(await rejectionOf(s.vetoes.confirm(org.secretaryA, veto.id)), 'ACTOR_NOT_ALLOWED')).toBe(true);
    expect(isDomainError(await rejectionOf(s.vetoes.reject(org.admin, veto.id, ' ')), 'REASON_REQUIRED')).toBe(true);
    expect((await s.vetoes.reject(org.admin, veto.id, '经核实不构成')).status).toBe('rejected');
    expect(await checklist(member)).toBe(63_00);
    expect(await env.db.ledgerEntry.count({ where: { vetoProposalId: veto.id } })).toBe(0);
    expect(isDomainError(await rejectionOf(s.vetoes.confirm(org.admin, veto.id)), 'ALREADY_HANDLED')).toBe(true);
  });

  it('a confirmation zeroes the year from the conduct date on, and the evaluation grades 不合格', async () => {
    const member = await memberWithClaim();
    const { veto } = await s.vetoes.propose(org.secretaryA, { memberId: member.memberId, vetoCode: 'X2', occurredOn: '2026-04-01', reason: '违纪', idempotencyKey: key() });
    expect((await s.vetoes.listProposed(org.admin)).map((v) => v.id)).toContain(veto.id);
    const [a, b] = await Promise.allSettled([s.vetoes.confirm(org.admin, veto.id, '证据确凿'), s.vetoes.confirm(org.admin, veto.id)]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(await env.db.ledgerEntry.count({ where: { vetoProposalId: veto.id } })).toBe(1);

    const year = await s.scores.memberScore(member, member.memberId, '2026');
    expect(year.score.standing).toMatchObject({ checklistScore: 0, vetoed: true, vetoItems: ['X2'] });
    expect((await s.scores.memberScore(member, member.memberId, '2026-03')).score.standing.checklistScore).toBe(60_00);
    const { evaluation } = await s.evaluation.enterScores(org.secretaryA, { memberId: member.memberId, year: 2026, democratic: 100_00, mass: 100_00 });
    expect(evaluation).toMatchObject({ checklist: 0, vetoed: true, grade: 'unqualified', composite: 70_00 });
  });
});
