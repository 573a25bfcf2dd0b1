// The permission table of product.md §9, enforced by the services: every role × every privileged call ×
// a subject in the actor's own branch or another → allowed, or ACTOR_NOT_ALLOWED with nothing written.
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, type DomainErrorCode } from '../../../src/domain/errors.js';
import type { DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, rejectionOf, servicesWithRules, settableClock, writeCounts, type Org, type Person } from './fixtures.js';

const env = useIsolated();
// February: the pledge window is open, so pledges can be set up for review.
const clock = settableClock('2026-02-10T02:00:00Z');
let org: Org;
let s: DomainServices;

beforeAll(async () => {
  org = await createOrg(env.db);
  s = await servicesWithRules(env.db, clock);
  await s.rules.ensureRulesVersion(2025);
});

/** Who may: branch reviewers (secretary of the branch, admins), admins only, readers of a branch or of a member. */
type Rule = 'review' | 'admin' | 'branchRead' | 'memberRead';
type Run = (actor: Person) => Promise<unknown>;

interface Case {
  readonly name: string;
  readonly rule: Rule;
  /** Builds a fresh subject in `branchId` and returns the call to make; done by allowed people. */
  readonly prepare: (branchId: number) => Promise<Run>;
  /** Calls that are not about a branch are run once per role. */
  readonly branchless?: boolean;
  /** Errors that mean the call got past the permission check (e.g. no star candidate exists). */
  readonly acceptable?: readonly DomainErrorCode[];
}

const claimOf = async (subject: Person) =>
  (await s.claims.create(subject, { activityCode: 'V1-TALK', quantity: 1, activityDate: '2026-02-01', description: key(), idempotencyKey: key() })).claim.id;
const pledgeOf = async (subject: Person) =>
  (await s.pledges.create(subject, { content: '全年宣讲 6 场', serves: 'V1', target: '6 场', dueOn: '2026-12-31', idempotencyKey: key() })).pledge.id;
const deductionOf = async (subject: Person) =>
  s.deductions.deduct(org.admin, { memberId: subject.memberId, deductionCode: 'B1-ABSENCE', occurredOn: '2026-02-01', reason: '缺席', idempotencyKey: key() });
const vetoOf = async (subject: Person) =>
  (await s.vetoes.propose(org.admin, { memberId: subject.memberId, vetoCode: 'X2', occurredOn: '2026-02-01', reason: '违纪', idempotencyKey: key() })).veto.id;

const cases: Case[] = [
  { name: 'approve a claim', rule: 'review', prepare: async (b) => { const id = await claimOf(await addMember(env.db, b)); return (a) => s.claimReview.approve(a, id); } },
  { name: 'return a claim', rule: 'review', prepare: async (b) => { const id = await claimOf(await addMember(env.db, b)); return (a) => s.claimReview.returnClaim(a, id, '请补充'); } },
  { name: 'deduct points', rule: 'review', prepare: async (b) => { const m = await addMember(env.db, b); return (a) => s.deductions.deduct(a, { memberId: m.memberId, deductionCode: 'B2-DUES', occurredOn: '2026-02-01', reason: '未交党费', idempotencyKey: key() }); } },
  {
    name: 'resolve an objection', rule: 'review',
    prepare: async (b) => {
      const m = await addMember(env.db, b);
      const { deduction } = await deductionOf(m);
      const objection = await s.deductions.object(m, { deductionId: deduction.id, text: '我请过假' });
      return (a) => s.deductions.resolveObjection(a, { objectionId: objection.id, upheld: true, resolution: '假条属实' });
    },
  },
  { name: 'propose a veto', rule: 'review', prepare: async (b) => { const m = await addMember(env.db, b); return (a) => s.vetoes.propose(a, { memberId: m.memberId, vetoCode: 'X1', occurredOn: '2026-02-01', reason: '违反政策', idempotencyKey: key() }); } },
  { name: 'approve a pledge', rule: 'review', prepare: async (b) => { const id = await pledgeOf(await addMember(env.db, b)); return (a) => s.pledges.approve(a, id); } },
  { name: 'return a pledge', rule: 'review', prepare: async (b) => { const id = await pledgeOf(await addMember(env.db, b)); return (a) => s.pledges.returnPledge(a, id, '目标不具体'); } },
  {
    name: 'mark pledge fulfilment', rule: 'review',
    prepare: async (b) => { const id = await pledgeOf(await addMember(env.db, b)); await s.pledges.approve(org.admin, id); return (a) => s.pledges.markFulfilment(a, { pledgeId: id, verdict: 'fulfilled' }); },
  },
  { name: 'enter evaluation scores', rule: 'review', prepare: async (b) => { const m = await addMember(env.db, b); return (a) => s.evaluation.enterScores(a, { memberId: m.memberId, year: 2026, democratic: 9000 }); } },
  { name: 'read the branch evaluation', rule: 'review', prepare: async (b) => (a) => s.evaluation.branchEvaluation(a, b, 2026) },
  { name: 'list star candidates of a branch', rule: 'review', prepare: async (b) => (a) => s.stars.candidates(a, 2026, { branchId: b }) },
  { name: 'confirm a veto', rule: 'admin', prepare: async (b) => { const id = await vetoOf(await addMember(env.db, b)); return (a) => s.vetoes.confirm(a, id); } },
  { name: 'reject a veto', rule: 'admin', prepare: async (b) => { const id = await vetoOf(await addMember(env.db, b)); return (a) => s.vetoes.reject(a, id, '证据不足'); } },
  { name: 'adjust points', rule: 'admin', prepare: async (b) => { const m = await addMember(env.db, b); return (a) => s.ledger.adjust(a, { memberId: m.memberId, itemCode: 'B3', points: 100, occurredOn: '2026-02-01', reason: '补录' }); } },
  { name: 'reverse a ledger entry', rule: 'admin', prepare: async (b) => { const { entry } = await deductionOf(await addMember(env.db, b)); return (a) => s.ledger.reverse(a, { entryId: Number(entry.id), reason: '误扣' }); } },
  { name: 'confirm a star', rule: 'admin', acceptable: ['NOT_ELIGIBLE'], prepare: async (b) => { const m = await addMember(env.db, b); return (a) => s.stars.confirm(a, { memberId: m.memberId, year: 2026 }); } },
  { name: 'finalise the year', rule: 'admin', branchless: true, prepare: async () => (a) => s.evaluationYear.finalizeYear(a, 2025, { allowIncomplete: true }) },
  { name: 'read the committee overview', rule: 'admin', branchless: true, prepare: async () => (a) => s.scores.committeeOverview(a, '2026-01') },
  { name: 'read the indicator report', rule: 'admin', branchless: true, prepare: async () => (a) => s.indicators.report(a, '2026-01') },
  { name: 'read the audit log', rule: 'admin', branchless: true, prepare: async () => (a) => s.audit.recent(a) },
  { name: 'read the branch board', rule: 'branchRead', prepare: async (b) => (a) => s.scores.branchBoard(a, b, '2026-02') },
  { name: "read another member's score", rule: 'memberRead', prepare: async (b) => { const m = await addMember(env.db, b); return (a) => s.scores.memberScore(a, m.memberId, '2026'); } },
  { name: "read another member's ledger history", rule: 'memberRead', prepare: async (b) => { const m = await addMember(env.db, b); return (a) => s.ledger.history(a, m.memberId); } },
];

function allowed(rule: Rule, role: Person['role'], ownBranch: boolean): boolean {
  if (role === 'ADMIN') return true;
  if (rule === 'admin') return false;
  if (rule === 'branchRead') return ownBranch;
  return role === 'SECRETARY' && ownBranch;
}

const isRead = (c: Case) => /^(read|list) /.test(c.name);

const roles = ['member', 'secretary', 'admin'] as const;
const actorFor = (role: (typeof roles)[number]) => (role === 'member' ? org.memberA1 : role === 'secretary' ? org.secretaryA : org.admin);

describe.each(cases)('$name', (c) => {
  const combos = roles.flatMap((role) => (c.branchless ? [{ role, own: true }] : [{ role, own: true }, { role, own: false }]));
  it.each(combos)('by a $role, own branch: $own', async ({ role, own }) => {
    const actor = actorFor(role);
    const run = await c.prepare(own ? org.branchA : org.branchB);
    const before = await writeCounts(env.db);
    if (allowed(c.rule, actor.role, own)) {
      const error = await run(actor).then(() => undefined, (e: unknown) => e);
      if (error !== undefined) expect(c.acceptable?.some((code) => isDomainError(error, code)), String(error)).toBe(true);
      // Every privileged write leaves an audit row; reads leave none.
      const written = (await writeCounts(env.db)).audit as number;
      if (isRead(c)) expect(written).toBe(before.audit);
      else if (error === undefined) expect(written).toBeGreaterThan(before.audit as number);
    } else {
      const error = await rejectionOf(run(actor));
      expect(isDomainError(error, 'ACTOR_NOT_ALLOWED'), String(error)).toBe(true);
      expect(await writeCounts(env.db)).toEqual(before);
    }
  });
});

describe('nobody reviews their own record', () => {
  it('a secretary cannot approve their own claim or another secretary’s; an admin can, but not their own', async () => {
    const ownClaim = await claimOf(org.secretaryA);
    const deputy = { ...(await addMember(env.db, org.branchA)), role: 'SECRETARY' as const };
    await env.db.member.update({ where: { id: deputy.memberId }, data: { role: 'SECRETARY' } });
    const deputyClaim = await claimOf(deputy);
    const adminClaim = await claimOf(org.admin);
    const before = await writeCounts(env.db);
    for (const [actor, claimId] of [[org.secretaryA, ownClaim], [org.secretaryA, deputyClaim], [org.admin, adminClaim]] as const) {
      expect(isDomainError(await rejectionOf(s.claimReview.approve(actor, claimId)), 'ACTOR_NOT_ALLOWED')).toBe(true);
    }
    expect(await writeCounts(env.db)).toEqual(before);
    await s.claimReview.approve(org.admin, ownClaim);
    await s.claimReview.approve(org.admin, deputyClaim);
  });

  it('nobody deducts, vetoes or evaluates themselves, and the system cannot act as a person', async () => {
    const before = await writeCounts(env.db);
    const self = [
      () => s.deductions.deduct(org.secretaryA, { memberId: org.secretaryA.memberId, deductionCode: 'B1-ABSENCE', occurredOn: '2026-02-01', reason: 'x', idempotencyKey: key() }),
      () => s.vetoes.propose(org.admin, { memberId: org.admin.memberId, vetoCode: 'X1', occurredOn: '2026-02-01', reason: 'x', idempotencyKey: key() }),
      () => s.evaluation.enterScores(org.admin, { memberId: org.admin.memberId, year: 2026, mass: 9000 }),
      () => s.claims.create({ role: 'SYSTEM' }, { activityCode: 'V1-TALK', quantity: 1, activityDate: '2026-02-01', description: 'x', idempotencyKey: key() }),
    ];
    for (const call of self) expect(isDomainError(await rejectionOf(call()), 'ACTOR_NOT_ALLOWED')).toBe(true);
    expect(await writeCounts(env.db)).toEqual(before);
  });
});
