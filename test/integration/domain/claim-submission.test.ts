// Recording claims against the real database: one claim per submitted form however often it arrives,
// the estimate with caps, likely duplicates, withdraw and resubmit, and photo evidence with the
// duplicate-photo flag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '../../../src/db/prisma.js';
import { isDomainError } from '../../../src/domain/errors.js';
import { createDomainServices, type DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, rejectionOf, servicesWithRules, settableClock, type Org } from './fixtures.js';

const env = useIsolated();
const clock = settableClock();
let org: Org;
let services: DomainServices;
let wide: Db;

beforeAll(async () => {
  org = await createOrg(env.db);
  services = await servicesWithRules(env.db, clock);
  wide = createPrisma(env.databaseUrl, { poolSize: 10 });
});

afterAll(async () => {
  await wide?.$disconnect();
});

const hash = (n: number) => n.toString(16).padStart(64, '0');

describe('creating a claim', () => {
  it('a form submitted ten times at once creates one claim', async () => {
    const racing = createDomainServices({ db: wide, clock, timeZone: 'Asia/Shanghai' });
    const form = { activityCode: 'V1-TALK', quantity: 1, activityDate: '2026-06-10', description: '班组宣讲', idempotencyKey: key('form') };
    const results = await Promise.all(Array.from({ length: 10 }, () => racing.claims.create(org.memberA1, form)));
    expect(new Set(results.map((r) => r.claim.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await env.db.claim.count({ where: { idempotencyKey: form.idempotencyKey } })).toBe(1);
  });

  it('another member reusing a submission key is refused', async () => {
    const form = { activityCode: 'V1-TALK', quantity: 1, activityDate: '2026-06-10', description: '宣讲二', idempotencyKey: key('form') };
    await services.claims.create(org.memberA1, form);
    expect(isDomainError(await rejectionOf(services.claims.create(org.memberA2, form)), 'IDEMPOTENCY_CONFLICT')).toBe(true);
  });

  it('estimates what the claim gives if approved, with the cap the ledger leaves', async () => {
    const member = await addMember(env.db, org.branchA);
    const input = { activityCode: 'V2-HAZARD', quantity: 8, activityDate: '2026-06-01', description: '巡检' };
    expect(await services.claims.estimate(member, input)).toMatchObject({ requested: 400, credited: 400, rulesVersion: '2026.1' });
    const { claim } = await services.claims.create(member, { ...input, idempotencyKey: key() });
    expect(claim.estimatedPoints).toBe(400);
    await services.claimReview.approve(org.secretaryA, claim.id);
    const next = await services.claims.estimate(member, { ...input, description: '复查' });
    expect(next).toMatchObject({ requested: 400, credited: 100, binding: { kind: 'activityMonthly', used: 400, remaining: 100 } });
  });

  it('asks for confirmation before a likely duplicate, then accepts it', async () => {
    const base = { activityCode: 'V3-ENERGY', quantity: 1, activityDate: '2026-06-08', description: '更换节能灯' };
    const { claim: first } = await services.claims.create(org.memberA2, { ...base, idempotencyKey: key() });
    const sameWords = { ...base, description: ' 更换节能灯 ', idempotencyKey: key() };
    const refused = await rejectionOf(services.claims.create(org.memberA2, sameWords));
    expect(isDomainError(refused, 'LIKELY_DUPLICATE')).toBe(true);
    expect((await services.claims.likelyDuplicates(org.memberA2, base)).map((c) => c.id)).toEqual([first.id]);
    const { created } = await services.claims.create(org.memberA2, { ...sameWords, confirmDuplicate: true });
    expect(created).toBe(true);
  });

  it('refuses future dates, unknown activities, bad quantities and empty descriptions, writing nothing', async () => {
    const before = await env.db.claim.count();
    const base = { activityCode: 'V1-TALK', quantity: 1, activityDate: '2026-06-10', description: 'x', idempotencyKey: key() };
    const cases = [
      [{ ...base, activityDate: '2026-06-16' }, 'INVALID_DATE'],
      [{ ...base, activityCode: 'V9-NOPE' }, 'UNKNOWN_ACTIVITY'],
      [{ ...base, roleCode: 'V2' as const }, 'UNKNOWN_ACTIVITY'],
      [{ ...base, quantity: 0 }, 'INVALID_QUANTITY'],
      [{ ...base, quantity: 0.125 }, 'INVALID_QUANTITY'],
      [{ ...base, description: '   ' }, 'INVALID_INPUT'],
    ] as const;
    for (const [input, code] of cases) expect(isDomainError(await rejectionOf(services.claims.create(org.memberA1, input)), code)).toBe(true);
    expect(await env.db.claim.count()).toBe(before);
  });
});

describe('withdraw and resubmit', () => {
  it('a member withdraws a pending claim; then it can be neither approved nor withdrawn again', async () => {
    const { claim } = await services.claims.create(org.memberA1, { activityCode: 'V1-TALK', quantity: 1, activityDate: '2026-06-11', description: key(), idempotencyKey: key() });
    expect(isDomainError(await rejectionOf(services.claims.withdraw(org.memberA2, claim.id)), 'ACTOR_NOT_ALLOWED')).toBe(true);
    expect((await services.claims.withdraw(org.memberA1, claim.id)).status).toBe('withdrawn');
    expect(isDomainError(await rejectionOf(services.claims.withdraw(org.memberA1, claim.id)), 'INVALID_TRANSITION')).toBe(true);
    expect(isDomainError(await rejectionOf(services.claimReview.approve(org.secretaryA, claim.id)), 'ALREADY_HANDLED')).toBe(true);
  });

  it('a returned claim is edited, resubmitted as revision 2 and approved with the new quantity', async () => {
    const member = await addMember(env.db, org.branchA);
    const { claim } = await services.claims.create(member, { activityCode: 'V1-ARTICLE', quantity: 1, activityDate: '2026-06-02', description: '稿件', idempotencyKey: key() });
    await services.claimReview.returnClaim(org.secretaryA, claim.id, '数量不对');
    expect(isDomainError(await rejectionOf(services.claims.resubmit(org.memberA1, claim.id)), 'ACTOR_NOT_ALLOWED')).toBe(true);
    const { claim: again, estimate } = await services.claims.resubmit(member, claim.id, { quantity: 3 });
    expect(again).toMatchObject({ status: 'pending', revision: 2, quantity: 3, reviewComment: '数量不对', reviewerId: null });
    expect(estimate.credited).toBe(300);
    const { entry } = await services.claimReview.approve(org.secretaryA, claim.id);
    expect(entry.pointsCredited).toBe(300);
  });
});

describe('photo evidence', () => {
  it('attaches to the latest claim, stores a re-delivered photo once, and flags the same photo on another claim', async () => {
    const member = await addMember(env.db, org.branchA);
    const first = (await services.claims.create(member, { activityCode: 'V2-TRAINING', quantity: 1, activityDate: '2026-06-12', description: '培训一', idempotencyKey: key() })).claim;
    const photo = { imageKey: 'img_1', contentHash: hash(1), messageId: 'om_1' };
    const attached = await services.evidence.attach(member, photo);
    expect(attached).toMatchObject({ claimId: first.id, created: true });
    expect(attached.duplicateOf).toBeUndefined();
    expect((await services.evidence.attach(member, photo)).created).toBe(false);

    const second = (await services.claims.create(member, { activityCode: 'V2-TRAINING', quantity: 1, activityDate: '2026-06-13', description: '培训二', idempotencyKey: key() })).claim;
    const reused = await services.evidence.attach(member, { imageKey: 'img_2', contentHash: hash(1), messageId: 'om_2' });
    expect(reused).toMatchObject({ claimId: second.id, duplicateOf: { evidenceId: attached.id, claimId: first.id } });
    const queue = await services.claimReview.listPending(org.secretaryA);
    expect(queue.find((p) => p.claim.id === second.id)?.evidence).toEqual([{ imageKey: 'img_2', duplicate: true }]);
  });

  it('has nothing to attach to after the window, and only the owner attaches', async () => {
    const member = await addMember(env.db, org.branchA);
    const { claim } = await services.claims.create(member, { activityCode: 'V2-TRAINING', quantity: 1, activityDate: '2026-06-12', description: '培训三', idempotencyKey: key() });
    expect(isDomainError(await rejectionOf(services.evidence.attach(org.memberA1, { claimId: claim.id, imageKey: 'i', contentHash: hash(3), messageId: 'om_3' })), 'ACTOR_NOT_ALLOWED')).toBe(true);
    clock.set('2026-06-15T02:11:00Z');
    try {
      expect(isDomainError(await rejectionOf(services.evidence.attach(member, { imageKey: 'i', contentHash: hash(4), messageId: 'om_4' })), 'NOT_FOUND')).toBe(true);
    } finally {
      clock.set('2026-06-15T02:00:00Z');
    }
  });
});
