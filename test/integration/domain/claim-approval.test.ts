// Approving claims against the real database: exactly one credit however many approvals race, caps that
// hold under concurrent approvals of one member's claims, the batch order, and returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '../../../src/db/prisma.js';
import { isDomainError } from '../../../src/domain/errors.js';
import { createDomainServices, type DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, rejectionOf, servicesWithRules, settableClock, type Org, type Person } from './fixtures.js';

const env = useIsolated();
const clock = settableClock();
let wide: Db;
let org: Org;
let services: DomainServices;
/** Services on a 20-connection pool, so the racing approvals really run side by side. */
let racing: DomainServices;

beforeAll(async () => {
  wide = createPrisma(env.databaseUrl, { poolSize: 20 });
  org = await createOrg(env.db);
  services = await servicesWithRules(env.db, clock);
  racing = createDomainServices({ db: wide, clock, timeZone: 'Asia/Shanghai', rulesCacheTtlMs: 0 });
});

afterAll(async () => {
  await wide?.$disconnect();
});

async function claim(member: Person, activityCode: string, quantity: number, activityDate: string, description = key('d')) {
  const { claim } = await services.claims.create(member, { activityCode, quantity, activityDate, description, idempotencyKey: key() });
  return claim.id;
}

async function creditedFor(claimIds: readonly number[]): Promise<number> {
  const rows = await env.db.ledgerEntry.findMany({ where: { claimId: { in: [...claimIds] }, cause: 'CLAIM' } });
  return rows.reduce((sum, r) => sum + Math.round(Number(r.points) * 100), 0);
}

describe('approving one claim', () => {
  it('50 concurrent approvals write one ledger entry; the other 49 are told it was already handled', async () => {
    const claimId = await claim(org.memberA1, 'V1-TALK', 1, '2026-06-01');
    const reviewers = [org.secretaryA, org.admin];
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => racing.claimReview.approve(reviewers[i % 2] as Person, claimId)));

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(lost.every((o) => isDomainError(o.reason, 'ALREADY_HANDLED'))).toBe(true);
    expect(await env.db.ledgerEntry.count({ where: { claimId } })).toBe(1);
    expect(await env.db.auditLog.count({ where: { action: 'claim.approve', targetId: String(claimId) } })).toBe(1);
    const stored = await env.db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(stored.status).toBe('APPROVED');
    const entry = await env.db.ledgerEntry.findFirstOrThrow({ where: { claimId } });
    expect(entry.businessKey).toBe(`claim:${claimId}`);
    expect(entry.points.toFixed(2)).toBe('2.00');
  });

  it('approving an approved claim again says already handled and writes nothing', async () => {
    const claimId = await claim(org.memberA1, 'V1-ARTICLE', 1, '2026-06-02');
    await services.claimReview.approve(org.secretaryA, claimId);
    const error = await rejectionOf(services.claimReview.approve(org.admin, claimId));
    expect(isDomainError(error, 'ALREADY_HANDLED')).toBe(true);
    expect(await env.db.ledgerEntry.count({ where: { claimId } })).toBe(1);
  });

  it('a returned claim cannot then be approved, and a return needs a reason', async () => {
    const claimId = await claim(org.memberA2, 'V1-ARTICLE', 1, '2026-06-03');
    expect(isDomainError(await rejectionOf(services.claimReview.returnClaim(org.secretaryA, claimId, '  ')), 'REASON_REQUIRED')).toBe(true);
    const returned = await services.claimReview.returnClaim(org.secretaryA, claimId, '请补充照片');
    expect(returned).toMatchObject({ status: 'returned', reviewComment: '请补充照片', reviewerId: org.secretaryA.memberId });
    expect(isDomainError(await rejectionOf(services.claimReview.approve(org.admin, claimId)), 'ALREADY_HANDLED')).toBe(true);
    expect(await env.db.ledgerEntry.count({ where: { claimId } })).toBe(0);
  });
});

describe('caps under concurrent approvals of one member', () => {
  it('eight hazard claims approved at once credit exactly the 5-point monthly cap', async () => {
    const member = await addMember(env.db, org.branchA);
    // 3 hazards = 1.50 points each: 12.00 requested against a 5.00 monthly cap.
    const ids = [];
    for (let i = 0; i < 8; i += 1) ids.push(await claim(member, 'V2-HAZARD', 3, `2026-05-${String(10 + i).padStart(2, '0')}`));
    const results = await Promise.all(ids.map((id, i) => racing.claimReview.approve(i % 2 ? org.admin : org.secretaryA, id)));

    expect(await creditedFor(ids)).toBe(500);
    expect(results.reduce((sum, r) => sum + r.entry.pointsCredited, 0)).toBe(500);
    const capped = results.filter((r) => r.entry.pointsCredited < r.entry.pointsRequested);
    expect(capped.length).toBeGreaterThan(0);
    expect(capped.every((r) => r.entry.capNote?.kind === 'activityMonthly')).toBe(true);
  });

  it('role and vanguard yearly caps hold across months and activities', async () => {
    const member = await addMember(env.db, org.branchA);
    const ids = [];
    // 技术员: 6 × 3.00 = 18.00 against the 10-point role cap.
    for (let month = 1; month <= 6; month += 1) ids.push(await claim(member, 'V4-PROBLEM', 1, `2026-0${month}-05`));
    const results = await Promise.all(ids.map((id) => racing.claimReview.approve(org.secretaryA, id)));
    expect(await creditedFor(ids)).toBe(1000);
    expect(results.some((r) => r.entry.capNote?.kind === 'roleYearly')).toBe(true);
  });
});

describe('batch approval', () => {
  it('credits by activity date, then submission, whatever order the reviewer picked', async () => {
    const member = await addMember(env.db, org.branchA);
    const later = await claim(member, 'V2-HAZARD', 4, '2026-04-20'); // 2.00 points, submitted first
    const earlier = await claim(member, 'V2-HAZARD', 8, '2026-04-10'); // 4.00 points
    const results = await services.claimReview.approveMany(org.secretaryA, [later, earlier]);

    expect(results.map((r) => r.claimId)).toEqual([earlier, later]);
    const byClaim = new Map(results.map((r) => [r.claimId, 'result' in r ? r.result.entry : undefined]));
    expect(byClaim.get(earlier)?.pointsCredited).toBe(400);
    expect(byClaim.get(later)).toMatchObject({ pointsCredited: 100, pointsRequested: 200, capNote: { kind: 'activityMonthly', remaining: 100 } });
  });

  it('reports claims it could not approve without stopping the batch', async () => {
    const member = await addMember(env.db, org.branchA);
    const done = await claim(member, 'V1-TALK', 1, '2026-06-04');
    const open = await claim(member, 'V1-TALK', 1, '2026-06-05');
    await services.claimReview.approve(org.secretaryA, done);
    const results = await services.claimReview.approveMany(org.secretaryA, [done, open, 999_999]);
    const codes = Object.fromEntries(results.map((r) => [r.claimId, 'error' in r ? r.error.code : 'approved']));
    expect(codes).toEqual({ [done]: 'ALREADY_HANDLED', [open]: 'approved', 999999: 'NOT_FOUND' });
  });
});

describe('the review queue', () => {
  it('shows a secretary their members’ pending claims oldest first, never their own; their own go to the admin', async () => {
    const mine = await claim(org.secretaryA, 'V1-TALK', 1, '2026-06-06');
    const first = await claim(org.memberA2, 'V3-ENERGY', 1, '2026-06-06');
    const queue = (await services.claimReview.listPending(org.secretaryA)).map((p) => p.claim.id);
    expect(queue).toContain(first);
    expect(queue).not.toContain(mine);
    expect(queue).toEqual([...queue].sort((a, b) => a - b));
    expect((await services.claimReview.listPending(org.admin)).map((p) => p.claim.id)).toContain(mine);
    expect((await services.claimReview.listPending(org.secretaryB)).map((p) => p.claim.id)).not.toContain(first);
  });
});
