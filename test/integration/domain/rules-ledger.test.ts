// Rules versions stored and picked by activity date, and the ledger service's corrections: reversals
// (idempotent, freeing the cap room they took) and admin adjustments with a mandatory reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/domain/errors.js';
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';
import { createRulesService } from '../../../src/domain/rules/rules-service.js';
import type { DomainServices } from '../../../src/domain/services.js';
import { useIsolated } from '../../helpers/isolated.js';
import { addMember, createOrg, key, rejectionOf, servicesWithRules, settableClock, type Org } from './fixtures.js';

const env = useIsolated();
const clock = settableClock();
let org: Org;
let s: DomainServices;

beforeAll(async () => {
  org = await createOrg(env.db);
  s = await servicesWithRules(env.db, clock);
});

describe('rules versions', () => {
  it('stores a year once and picks the version in force on the activity date', async () => {
    const first = await s.rules.ensureRulesVersion(2026);
    const again = await s.rules.ensureRulesVersion(2026);
    expect(again.id).toBe(first.id);
    expect(await env.db.rulesVersion.count({ where: { year: 2026 } })).toBe(1);
    expect((await s.rules.forDate('2026-12-31')).label).toBe('2026.1');
    expect((await s.rules.forDate('2027-01-01')).label).toBe('2027.1');
    expect(isDomainError(await rejectionOf(s.rules.forDate('2031-05-01')), 'RULES_NOT_FOUND')).toBe(true);
    expect(isDomainError(await rejectionOf(s.rules.ensureRulesVersion(2028, buildDefaultRules(2029))), 'RULES_YEAR_MISMATCH')).toBe(true);
  });

  it('reloads a stale cache when a date has no version yet', async () => {
    const cached = createRulesService({ db: env.db, clock, cacheTtlMs: 3_600_000 });
    await cached.versions();
    await createRulesService({ db: env.db, clock }).ensureRulesVersion(2030);
    expect((await cached.forDate('2030-03-01')).label).toBe('2030.1');
  });

  it('refuses a stored definition that disagrees with its row', async () => {
    const definition = { ...buildDefaultRules(2031), year: 2032 };
    await env.db.rulesVersion.create({ data: { year: 2031, version: 1, effectiveFrom: new Date('2031-01-01T00:00:00Z'), definition } });
    const fresh = createRulesService({ db: env.db, clock, cacheTtlMs: 0 });
    expect(isDomainError(await rejectionOf(fresh.versions()), 'INVALID_RULES')).toBe(true);
    await env.db.rulesVersion.deleteMany({ where: { year: 2031 } });
  });
});

describe('reversals', () => {
  it('cancel an approved claim once, restore the score and free its cap room', async () => {
    const member = await addMember(env.db, org.branchA);
    const create = (quantity: number, description: string) =>
      s.claims.create(member, { activityCode: 'V2-HAZARD', quantity, activityDate: '2026-06-01', description, idempotencyKey: key() });
    const { claim } = await create(10, '全月巡检');
    const { entry } = await s.claimReview.approve(org.secretaryA, claim.id);
    expect(entry.pointsCredited).toBe(500);
    expect((await s.claims.estimate(member, { activityCode: 'V2-HAZARD', quantity: 2, activityDate: '2026-06-02', description: 'x' })).credited).toBe(0);

    const [a, b] = await Promise.all([
      s.ledger.reverse(org.admin, { entryId: Number(entry.id), reason: '重复申报' }),
      s.ledger.reverse(org.admin, { entryId: Number(entry.id), reason: '重复申报' }),
    ]);
    expect(a.entry.id).toBe(b.entry.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.entry).toMatchObject({ cause: 'reversal', pointsCredited: -500, reversesEntryId: entry.id, occurredOn: '2026-06-01' });
    expect((await s.scores.memberScore(member, member.memberId, '2026-06')).score.movement).toMatchObject({ total: 0, claimCount: 0 });
    expect((await s.claims.estimate(member, { activityCode: 'V2-HAZARD', quantity: 2, activityDate: '2026-06-02', description: 'x' })).credited).toBe(100);
    expect(isDomainError(await rejectionOf(s.ledger.reverse(org.admin, { entryId: Number(a.entry.id), reason: 'x' })), 'NOT_REVERSIBLE')).toBe(true);
    expect(isDomainError(await rejectionOf(s.ledger.reverse(org.admin, { entryId: Number(entry.id), reason: ' ' })), 'REASON_REQUIRED')).toBe(true);
  });
});

describe('adjustments', () => {
  it('need a reason, write once per request id, and are audited', async () => {
    const member = await addMember(env.db, org.branchA);
    const input = { memberId: member.memberId, itemCode: 'B3' as const, points: -150, occurredOn: '2026-05-01', reason: '补扣', requestId: key('adj') };
    expect(isDomainError(await rejectionOf(s.ledger.adjust(org.admin, { ...input, reason: '' })), 'REASON_REQUIRED')).toBe(true);
    const first = await s.ledger.adjust(org.admin, input);
    const second = await s.ledger.adjust(org.admin, input);
    expect(second.entry.id).toBe(first.entry.id);
    expect(second.created).toBe(false);
    expect(first.entry).toMatchObject({ cause: 'adjustment', pointsCredited: -150, itemCode: 'B3', rulesVersion: '2026.1', reason: '补扣' });
    expect(await env.db.auditLog.count({ where: { action: 'ledger.adjust', targetId: first.entry.id } })).toBe(1);
    expect((await s.scores.memberScore(member, member.memberId, '2026')).score.standing.basicRemaining.B3).toBe(1850);
  });
});
