// Services handed a transaction client join the caller's transaction: the pipeline can commit its dedupe
// row and the effect together, and a rollback takes the effect (ledger entry, audit row) with it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDomainServices, type DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { createOrg, key, servicesWithRules, settableClock, writeCounts, type Org } from './fixtures.js';

const env = useIsolated();
const clock = settableClock();
let org: Org;
let s: DomainServices;

beforeAll(async () => {
  org = await createOrg(env.db);
  s = await servicesWithRules(env.db, clock);
});

async function pendingClaim(): Promise<number> {
  const { claim } = await s.claims.create(org.memberA1, { activityCode: 'V1-TALK', quantity: 1, activityDate: '2026-06-01', description: key(), idempotencyKey: key() });
  return claim.id;
}

describe('a service inside the caller’s transaction', () => {
  it('rolls back with it', async () => {
    const claimId = await pendingClaim();
    const before = await writeCounts(env.db);
    const failure = new Error('the dedupe row clashed');
    await expect(
      env.db.$transaction(async (tx) => {
        await tx.processedEvent.create({ data: { key: `event:${claimId}`, rootKey: `event:${claimId}`, eventType: 'card.action.trigger' } });
        const inner = createDomainServices({ db: tx, clock, timeZone: 'Asia/Shanghai' });
        await inner.claimReview.approve(org.secretaryA, claimId);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await writeCounts(env.db)).toEqual(before);
    expect(await env.db.processedEvent.count()).toBe(0);
  });

  it('commits with it', async () => {
    const claimId = await pendingClaim();
    await env.db.$transaction(async (tx) => {
      await tx.processedEvent.create({ data: { key: `event:${claimId}`, rootKey: `event:${claimId}`, eventType: 'card.action.trigger' } });
      await createDomainServices({ db: tx, clock, timeZone: 'Asia/Shanghai' }).claimReview.approve(org.secretaryA, claimId);
    });
    expect(await env.db.ledgerEntry.count({ where: { claimId } })).toBe(1);
    expect(await env.db.processedEvent.count({ where: { key: `event:${claimId}` } })).toBe(1);
  });
});
