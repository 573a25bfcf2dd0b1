// Pledges through their workflow, volunteer records and leave, against the real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/domain/errors.js';
import type { DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, rejectionOf, servicesWithRules, settableClock, type Org } from './fixtures.js';

const env = useIsolated();
const clock = settableClock('2026-02-27T02:00:00Z');
let org: Org;
let s: DomainServices;

beforeAll(async () => {
  org = await createOrg(env.db);
  s = await servicesWithRules(env.db, clock);
});

const pledgeForm = () => ({ content: '全年处置隐患 50 处', serves: 'V2' as const, target: '50 处', dueOn: '2026-12-31', idempotencyKey: key('pledge') });

describe('pledges', () => {
  it('are refused outside the window (default 1 Jan – end of Feb), writing nothing', async () => {
    clock.set('2026-03-01T02:00:00Z');
    try {
      const before = await env.db.pledge.count();
      const error = await rejectionOf(s.pledges.create(org.memberA1, pledgeForm()));
      expect(isDomainError(error, 'PLEDGE_WINDOW_CLOSED')).toBe(true);
      expect(await env.db.pledge.count()).toBe(before);
    } finally {
      clock.set('2026-02-27T02:00:00Z');
    }
  });

  it('a double-submitted pledge form creates one pledge', async () => {
    const form = pledgeForm();
    const results = await Promise.all([1, 2, 3].map(() => s.pledges.create(org.memberA1, form)));
    expect(new Set(results.map((r) => r.pledge.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]?.pledge.status).toBe('pending');
  });

  it('goes 定诺 → returned with a comment → resubmitted → 审诺 approved → 践诺 progress → 评诺 once', async () => {
    const member = await addMember(env.db, org.branchA);
    const { pledge } = await s.pledges.create(member, pledgeForm());
    expect((await s.pledges.listPending(org.secretaryA)).map((p) => p.id)).toContain(pledge.id);
    expect(isDomainError(await rejectionOf(s.pledges.returnPledge(org.secretaryA, pledge.id, ' ')), 'REASON_REQUIRED')).toBe(true);
    expect(await s.pledges.returnPledge(org.secretaryA, pledge.id, '目标要量化')).toMatchObject({ status: 'returned', reviewComment: '目标要量化' });

    clock.set('2026-03-05T02:00:00Z'); // a returned pledge may be resubmitted after the window
    try {
      const again = await s.pledges.resubmit(member, pledge.id, { target: '处置隐患 60 处' });
      expect(again).toMatchObject({ status: 'pending', target: '处置隐患 60 处', revision: 2 });
      const [a, b] = await Promise.allSettled([s.pledges.approve(org.secretaryA, pledge.id), s.pledges.approve(org.admin, pledge.id)]);
      expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect((await s.pledges.listBranch(org.memberA1, org.branchA, 2026)).map((p) => p.id)).toContain(pledge.id);

      const progressKey = key('progress');
      await s.pledges.recordProgress(member, { pledgeId: pledge.id, percent: 40, text: '已处置 24 处', idempotencyKey: progressKey });
      await s.pledges.recordProgress(member, { pledgeId: pledge.id, percent: 40, text: '已处置 24 处', idempotencyKey: progressKey });
      expect(isDomainError(await rejectionOf(s.pledges.recordProgress(member, { pledgeId: pledge.id, percent: 101, text: 'x', idempotencyKey: key() })), 'INVALID_QUANTITY')).toBe(true);
      expect(isDomainError(await rejectionOf(s.pledges.recordProgress(org.memberA1, { pledgeId: pledge.id, percent: 50, text: 'x', idempotencyKey: key() })), 'ACTOR_NOT_ALLOWED')).toBe(true);
      expect(await s.pledges.progress(org.memberA1, pledge.id)).toHaveLength(1);
      expect((await s.pledges.listMine(member, 2026))[0]).toMatchObject({ status: 'inProgress', latestProgress: { percent: 40 } });

      const judged = await s.pledges.markFulfilment(org.secretaryA, { pledgeId: pledge.id, verdict: 'partial', comment: '完成八成' });
      expect(judged).toMatchObject({ status: 'partial', verdict: 'partial', evaluatorId: org.secretaryA.memberId });
      expect(isDomainError(await rejectionOf(s.pledges.markFulfilment(org.admin, { pledgeId: pledge.id, verdict: 'fulfilled' })), 'INVALID_TRANSITION')).toBe(true);
      expect(await env.db.auditLog.count({ where: { targetType: 'pledge', targetId: String(pledge.id) } })).toBe(3);
    } finally {
      clock.set('2026-02-27T02:00:00Z');
    }
  });

  it('hides unapproved pledges of others from members, and a secretary’s own pledge goes to an admin', async () => {
    const member = await addMember(env.db, org.branchA);
    const { pledge } = await s.pledges.create(member, pledgeForm());
    expect((await s.pledges.listBranch(org.memberA2, org.branchA, 2026)).map((p) => p.id)).not.toContain(pledge.id);
    expect((await s.pledges.listBranch(org.secretaryA, org.branchA, 2026)).map((p) => p.id)).toContain(pledge.id);
    const own = (await s.pledges.create(org.secretaryA, pledgeForm())).pledge;
    expect((await s.pledges.listPending(org.secretaryA)).map((p) => p.id)).not.toContain(own.id);
    expect(isDomainError(await rejectionOf(s.pledges.approve(org.secretaryA, own.id)), 'ACTOR_NOT_ALLOWED')).toBe(true);
    expect((await s.pledges.approve(org.admin, own.id)).status).toBe('approved');
    expect((await s.pledges.withdraw(member, pledge.id)).status).toBe('withdrawn');
  });
});

describe('volunteer records', () => {
  it('record once per submission and sum into the branch hours', async () => {
    const member = await addMember(env.db, org.branchB);
    const form = { hours: 2.5, activity: '社区义诊', serviceDate: '2026-02-20', idempotencyKey: key('vol') };
    const [a, b] = await Promise.all([s.volunteer.record(member, form), s.volunteer.record(member, form)]);
    expect(a.record.id).toBe(b.record.id);
    await s.volunteer.record(member, { ...form, hours: 1, idempotencyKey: key('vol') });
    expect(await s.volunteer.branchHours(org.secretaryB, org.branchB, '2026-02')).toBe(350);
    expect((await s.volunteer.listMine(member, 2026)).map((r) => r.hours).sort()).toEqual([100, 250]);
    for (const hours of [0, 24.5, 1.005]) {
      expect(isDomainError(await rejectionOf(s.volunteer.record(member, { ...form, hours, idempotencyKey: key() })), 'INVALID_QUANTITY')).toBe(true);
    }
    expect(isDomainError(await rejectionOf(s.volunteer.branchHours(org.secretaryA, org.branchB, '2026-02')), 'ACTOR_NOT_ALLOWED')).toBe(true);
  });
});

describe('leave', () => {
  it('pauses until a date and ends on 销假; deactivated members cannot', async () => {
    const member = await addMember(env.db, org.branchA);
    expect(await s.leave.startLeave(member, '2026-03-31')).toEqual({ memberId: member.memberId, status: 'ON_LEAVE', leaveUntil: '2026-03-31' });
    expect(await env.db.member.findUniqueOrThrow({ where: { id: member.memberId } })).toMatchObject({ status: 'ON_LEAVE' });
    expect(isDomainError(await rejectionOf(s.leave.startLeave(member, '2026-02-01')), 'INVALID_DATE')).toBe(true);
    expect(await s.leave.endLeave(member)).toEqual({ memberId: member.memberId, status: 'ACTIVE', leaveUntil: null });
    await env.db.member.update({ where: { id: member.memberId }, data: { status: 'INACTIVE' } });
    expect(isDomainError(await rejectionOf(s.leave.startLeave(member, '2026-03-31')), 'ACTOR_NOT_ALLOWED')).toBe(true);
  });
});
