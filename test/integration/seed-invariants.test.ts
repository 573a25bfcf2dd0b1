// The invariants the schema puts in the database, proved on a real PostgreSQL: unique business keys, the
// append-only ledger and audit log, CHECK constraints, the one-open-objection index, frozen rules, locked years.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDefaultRules } from '../../src/domain/rules/default-rules.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { seedDatabase } from '../../prisma/seed/seed-database.js';
import { useIsolated } from '../helpers/isolated.js';

const database = useIsolated();
const fx = { branchId: 0, memberId: 0, secretaryId: 0, rulesVersionId: 0 };
let seq = 0;
const next = (prefix: string) => `${prefix}-${++seq}`;
const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

/** Rejects with PostgreSQL's or Prisma's error; the message names the constraint or trigger that refused. */
async function refused(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await expect(promise).rejects.toThrow(pattern);
}

function claimData(overrides: Partial<Prisma.ClaimUncheckedCreateInput> = {}): Prisma.ClaimUncheckedCreateInput {
  return {
    memberId: fx.memberId, branchId: fx.branchId, rulesVersionId: fx.rulesVersionId, roleCode: 'V2', activityCode: 'V2-HAZARD',
    activityDate: day('2026-03-05'), quantity: '3', description: '发现并处置隐患3处', status: 'PENDING',
    submittedAt: new Date(), idempotencyKey: next('claim'), ...overrides,
  };
}

function entryData(claimId: number, overrides: Partial<Prisma.LedgerEntryUncheckedCreateInput> = {}): Prisma.LedgerEntryUncheckedCreateInput {
  return {
    memberId: fx.memberId, branchId: fx.branchId, rulesVersionId: fx.rulesVersionId, cause: 'CLAIM', itemCode: 'V2',
    activityCode: 'V2-HAZARD', points: '1.50', requestedPoints: '1.50', occurredOn: day('2026-03-05'), periodMonth: '2026-03',
    claimId, businessKey: `claim:${claimId}:r1`, ...overrides,
  };
}

beforeAll(async () => {
  const { db } = database;
  await seedDatabase(db, { year: 2026 });
  const committee = await db.committee.findFirstOrThrow();
  const branch = await db.branch.create({ data: { committeeId: committee.id, code: 'T01', name: '测试党支部' } });
  const member = await db.member.create({ data: { employeeNo: 'T0001', name: '张测试', branchId: branch.id } });
  const secretary = await db.member.create({ data: { employeeNo: 'T0002', name: '李书记', branchId: branch.id, role: 'SECRETARY' } });
  const rules = await db.rulesVersion.findUniqueOrThrow({ where: { year_version: { year: 2026, version: 1 } } });
  Object.assign(fx, { branchId: branch.id, memberId: member.id, secretaryId: secretary.id, rulesVersionId: rules.id });
});

describe('the points ledger', () => {
  it('writes an effect once however many writers race for it', async () => {
    const claim = await database.db.claim.create({ data: claimData() });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => database.db.ledgerEntry.create({ data: entryData(claim.id) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await database.db.ledgerEntry.count({ where: { claimId: claim.id } })).toBe(1);
  });

  it('refuses updates and deletes: corrections are reversing entries, and an entry is reversed once', async () => {
    const { db } = database;
    const claim = await db.claim.create({ data: claimData() });
    const entry = await db.ledgerEntry.create({ data: entryData(claim.id) });
    await refused(db.ledgerEntry.update({ where: { id: entry.id }, data: { points: '9' } }), /append-only/);
    await refused(db.ledgerEntry.delete({ where: { id: entry.id } }), /append-only/);
    await refused(db.$executeRawUnsafe('TRUNCATE ledger_entries CASCADE'), /append-only/);
    const reversal = { cause: 'REVERSAL' as const, points: '-1.50', requestedPoints: '-1.50', reversesEntryId: entry.id, reason: '重复申报' };
    await db.ledgerEntry.create({ data: entryData(claim.id, { ...reversal, businessKey: `reversal:${entry.id}` }) });
    await refused(db.ledgerEntry.create({ data: entryData(claim.id, { ...reversal, businessKey: `reversal:${entry.id}:again` }) }), /reverses_entry_id/);
  });

  it('checks what each cause must carry and that the month key matches the date', async () => {
    const { db } = database;
    const claim = await db.claim.create({ data: claimData() });
    await refused(db.ledgerEntry.create({ data: entryData(claim.id, { periodMonth: '2026-04', businessKey: next('k') }) }), /period_month_matches/);
    const adjustment = { cause: 'ADJUSTMENT' as const, itemCode: 'B1' as const, activityCode: null, claimId: null, businessKey: next('adj') };
    await refused(db.ledgerEntry.create({ data: entryData(claim.id, adjustment) }), /adjustment_reason/);
    await db.ledgerEntry.create({ data: entryData(claim.id, { ...adjustment, reason: '补录组织生活出勤', businessKey: next('adj') }) });
    await refused(db.ledgerEntry.create({ data: entryData(claim.id, { itemCode: 'B2', businessKey: next('k') }) }), /claim_link/);
  });

  it('keeps the audit log append-only too', async () => {
    const row = await database.db.auditLog.create({ data: { action: 'member.import', targetType: 'member', targetId: '1' } });
    await refused(database.db.auditLog.delete({ where: { id: row.id } }), /append-only/);
  });
});

describe('claims and reviews', () => {
  it('turns a double-submitted form into one claim', async () => {
    const key = next('form');
    await database.db.claim.create({ data: claimData({ idempotencyKey: key }) });
    await refused(database.db.claim.create({ data: claimData({ idempotencyKey: key }) }), /idempotency_key/);
  });

  it('refuses a self-review and a return without a reason', async () => {
    const { db } = database;
    const claim = await db.claim.create({ data: claimData() });
    await refused(db.claim.update({ where: { id: claim.id }, data: { status: 'APPROVED', reviewerId: fx.memberId, reviewedAt: new Date() } }), /no_self_review/);
    await refused(db.claim.update({ where: { id: claim.id }, data: { status: 'RETURNED', reviewerId: fx.secretaryId, reviewedAt: new Date() } }), /return_has_reason/);
    await db.claim.update({ where: { id: claim.id }, data: { status: 'RETURNED', reviewerId: fx.secretaryId, reviewedAt: new Date(), reviewComment: '请补充照片' } });
  });
});

describe('deductions, objections, rules and evaluations', () => {
  it('allows one open objection per deduction', async () => {
    const { db } = database;
    const deduction = await db.deduction.create({
      data: {
        memberId: fx.memberId, branchId: fx.branchId, rulesVersionId: fx.rulesVersionId, ruleCode: 'B1-ABSENCE', itemCode: 'B1', points: '2',
        occurredOn: day('2026-03-05'), reason: '无故缺席主题党日', createdById: fx.secretaryId, objectionDeadline: new Date(Date.now() + 3 * 86_400_000), idempotencyKey: next('d'),
      },
    });
    const first = await db.objection.create({ data: { deductionId: deduction.id, memberId: fx.memberId, text: '当天在抢险' } });
    await refused(db.objection.create({ data: { deductionId: deduction.id, memberId: fx.memberId, text: '再次异议' } }), /objections_one_open_per_deduction|deduction_id/);
    await db.objection.update({ where: { id: first.id }, data: { status: 'REJECTED', resolverId: fx.secretaryId, resolvedAt: new Date(), resolution: '维持' } });
    await db.objection.create({ data: { deductionId: deduction.id, memberId: fx.memberId, text: '补充证明' } });
  });

  it('freezes a rules version once claims use it, but lets its note change', async () => {
    const { db } = database;
    await refused(db.rulesVersion.update({ where: { id: fx.rulesVersionId }, data: { definition: { changed: true } } }), /in use/);
    await db.rulesVersion.update({ where: { id: fx.rulesVersionId }, data: { note: '说明可以修改' } });
    await refused(
      db.rulesVersion.create({ data: { year: 2027, version: 1, effectiveFrom: day('2026-12-31'), definition: buildDefaultRules(2027) as unknown as Prisma.InputJsonValue } }),
      /year_matches/,
    );
  });

  it('keeps every evaluation score, the star components included, on the 0–100 scale', async () => {
    const { db } = database;
    await db.evaluationYear.create({ data: { year: 2026 } });
    const base = { memberId: fx.secretaryId, branchId: fx.branchId, year: 2026 };
    await refused(db.annualEvaluation.create({ data: { ...base, democraticScore: '100.5' } }), /scores_range/);
    await refused(db.annualEvaluation.create({ data: { ...base, politicalScore: '120' } }), /star_scores_range/);
    await db.annualEvaluation.create({ data: { ...base, politicalScore: '95', jobSkillScore: '90', performanceScore: '88' } });
  });

  it('locks a finalised year except for a reasoned admin adjustment', async () => {
    const { db } = database;
    await db.evaluationYear.create({ data: { year: 2025 } });
    const evaluation = await db.annualEvaluation.create({ data: { memberId: fx.memberId, branchId: fx.branchId, year: 2025, democraticScore: '92' } });
    await db.evaluationYear.update({ where: { year: 2025 }, data: { status: 'FINALIZED', finalizedById: fx.secretaryId, finalizedAt: new Date() } });
    await refused(db.annualEvaluation.update({ where: { id: evaluation.id }, data: { democraticScore: '80' } }), /finalised/);
    await refused(db.annualEvaluation.create({ data: { memberId: fx.secretaryId, branchId: fx.branchId, year: 2025 } }), /finalised/);
    await db.annualEvaluation.update({
      where: { id: evaluation.id },
      data: { democraticScore: '80', adjustedById: fx.secretaryId, adjustedAt: new Date(), adjustmentReason: '录入错误，按支部会议记录更正' },
    });
    await refused(db.evaluationYear.update({ where: { year: 2025 }, data: { status: 'OPEN' } }), /cannot be reopened/);
  });
});

describe('Feishu plumbing', () => {
  it('dedupes events and card clicks by key', async () => {
    const { db } = database;
    await db.processedEvent.create({ data: { key: 'event:ev_1', rootKey: 'event:ev_1', eventType: 'im.message.receive_v1' } });
    await refused(db.processedEvent.create({ data: { key: 'event:ev_1', rootKey: 'event:ev_1', eventType: 'im.message.receive_v1' } }), /Unique constraint|key/);
    await db.cardActionReceipt.create({ data: { key: 'card:om_1:approve', result: { toast: '已通过' } } });
    await refused(db.cardActionReceipt.create({ data: { key: 'card:om_1:approve', result: {} } }), /Unique constraint|key/);
  });

  it('keeps one campaign per kind and period and one delivery per recipient', async () => {
    const { db } = database;
    const campaign = await db.pushCampaign.create({ data: { kind: 'MONTHLY_REMINDER', periodKey: '2026-11' } });
    await refused(db.pushCampaign.create({ data: { kind: 'MONTHLY_REMINDER', periodKey: '2026-11' } }), /kind|period_key/);
    await db.pushDelivery.create({ data: { campaignId: campaign.id, memberId: fx.memberId, uuid: next('u') } });
    await refused(db.pushDelivery.create({ data: { campaignId: campaign.id, memberId: fx.memberId, uuid: next('u') } }), /campaign_id|member_id/);
    await refused(db.pushDelivery.create({ data: { campaignId: campaign.id, memberId: fx.secretaryId, chatId: 'oc_x', uuid: next('u') } }), /one_recipient/);
  });
});
