// Writes one branch's year of activity in one transaction, so a branch is either fully loaded or not at all
// (a re-run after a crash skips the loaded branches). Ledger business keys follow the services' format
// (`claim:<id>:r<revision>`, `deduction:<id>`, `reversal:<entryId>`), so the live code can never write an
// effect the demo already wrote.
import type { Prisma } from '../generated/prisma/client.js';
import { createInBatches, dbDate, idOf, optionalIdOf, rulesVersionIdFor, type DemoDb, type DemoIds, type DemoWriteContext } from './demo-writer-support.js';
import type { DemoBranchActivity, DemoLedgerEntry } from './demo-types.js';

async function keyedIds<T extends { id: number }>(rows: Promise<T[]>, key: (row: T) => string): Promise<Map<string, number>> {
  return new Map((await rows).map((r) => [key(r), r.id]));
}

function ledgerRow(
  ctx: DemoWriteContext,
  ids: DemoIds & { branchId: number; claimIds: Map<string, number>; deductionIds: Map<string, number> },
  e: DemoLedgerEntry,
  businessKey: string,
  reversesEntryId: number | null,
): Prisma.LedgerEntryCreateManyInput {
  return {
    memberId: idOf(ids.memberIds, e.memberNo, 'member'),
    branchId: ids.branchId,
    rulesVersionId: rulesVersionIdFor(ctx, e.occurredOn),
    cause: e.cause,
    itemCode: e.itemCode,
    activityCode: e.activityCode,
    deductionCode: e.deductionCode,
    quantity: e.quantity,
    points: e.points,
    requestedPoints: e.requestedPoints,
    capNote: e.capNote === null ? undefined : { ...e.capNote },
    occurredOn: dbDate(e.occurredOn),
    periodMonth: e.occurredOn.slice(0, 7),
    claimId: optionalIdOf(ids.claimIds, e.claimKey, 'claim'),
    deductionId: optionalIdOf(ids.deductionIds, e.deductionKey, 'deduction'),
    reversesEntryId,
    reason: e.reason,
    actorId: optionalIdOf(ids.memberIds, e.actorNo, 'member'),
    businessKey,
    createdAt: e.createdAt,
  };
}

async function writeLedger(
  tx: DemoDb,
  ctx: DemoWriteContext,
  ids: DemoIds & { branchId: number; claimIds: Map<string, number>; deductionIds: Map<string, number> },
  ledger: readonly DemoLedgerEntry[],
): Promise<void> {
  const businessKeys = new Map<string, string>();
  const direct = ledger.filter((e) => e.cause !== 'REVERSAL');
  const rows = direct.map((e) => {
    const key = e.cause === 'CLAIM' ? `claim:${idOf(ids.claimIds, e.claimKey, 'claim')}:r1` : `deduction:${idOf(ids.deductionIds, e.deductionKey, 'deduction')}`;
    businessKeys.set(e.key, key);
    return ledgerRow(ctx, ids, e, key, null);
  });
  await createInBatches(rows, (batch) => tx.ledgerEntry.createMany({ data: batch }));
  const entryIds = await keyedIds(tx.ledgerEntry.findMany({ where: { branchId: ids.branchId }, select: { id: true, businessKey: true } }), (r) => r.businessKey);
  const reversals = ledger
    .filter((e) => e.cause === 'REVERSAL')
    .map((e) => {
      const target = idOf(entryIds, businessKeys.get(e.reversesKey ?? '') ?? null, 'reversed entry');
      return ledgerRow(ctx, ids, e, `reversal:${target}`, target);
    });
  await createInBatches(reversals, (batch) => tx.ledgerEntry.createMany({ data: batch }));
}

export async function writeBranchActivity(ctx: DemoWriteContext, ids: DemoIds, a: DemoBranchActivity): Promise<'written' | 'skipped'> {
  const branchId = idOf(ids.branchIds, a.branchCode, 'branch');
  const m = (no: string | null) => optionalIdOf(ids.memberIds, no, 'member');
  return ctx.db.$transaction(
    async (tx) => {
      const loaded = await tx.volunteerRecord.count({ where: { branchId } }) + (await tx.claim.count({ where: { branchId } }));
      if (loaded > 0) return 'skipped';
      await createInBatches(a.claims, (batch) =>
        tx.claim.createMany({
          data: batch.map((c) => ({
            memberId: idOf(ids.memberIds, c.memberNo, 'member'), branchId, rulesVersionId: rulesVersionIdFor(ctx, c.activityDate),
            roleCode: c.roleCode, activityCode: c.activityCode, activityDate: dbDate(c.activityDate), quantity: c.quantity,
            description: c.description, status: c.status, submittedAt: c.submittedAt, reviewerId: m(c.reviewerNo),
            reviewedAt: c.reviewedAt, reviewComment: c.reviewComment, estimatedPoints: c.estimatedPoints,
            idempotencyKey: c.key, createdAt: c.createdAt, updatedAt: c.reviewedAt ?? c.submittedAt ?? c.createdAt,
          })),
        }),
      );
      const claimIds = await keyedIds(tx.claim.findMany({ where: { branchId }, select: { id: true, idempotencyKey: true } }), (r) => r.idempotencyKey);
      await createInBatches(a.deductions, (batch) =>
        tx.deduction.createMany({
          data: batch.map((d) => ({
            memberId: idOf(ids.memberIds, d.memberNo, 'member'), branchId, rulesVersionId: rulesVersionIdFor(ctx, d.occurredOn),
            ruleCode: d.ruleCode, itemCode: d.itemCode, quantity: d.quantity, points: d.points, occurredOn: dbDate(d.occurredOn),
            reason: d.reason, createdById: idOf(ids.memberIds, d.createdByNo, 'member'), status: d.status,
            objectionDeadline: d.objectionDeadline, idempotencyKey: d.key, createdAt: d.createdAt, updatedAt: d.createdAt,
          })),
        }),
      );
      const deductionIds = await keyedIds(tx.deduction.findMany({ where: { branchId }, select: { id: true, idempotencyKey: true } }), (r) => r.idempotencyKey);
      await writeLedger(tx, ctx, { ...ids, branchId, claimIds, deductionIds }, a.ledger);
      await tx.objection.createMany({
        data: a.objections.map((o) => ({
          deductionId: idOf(deductionIds, o.deductionKey, 'deduction'), memberId: idOf(ids.memberIds, o.memberNo, 'member'), text: o.text,
          status: o.status, resolverId: m(o.resolverNo), resolution: o.resolution, resolvedAt: o.resolvedAt, createdAt: o.createdAt,
        })),
      });
      await createInBatches(a.pledges, (batch) =>
        tx.pledge.createMany({
          data: batch.map((p) => ({
            memberId: idOf(ids.memberIds, p.memberNo, 'member'), branchId, year: p.year, content: p.content, serves: p.serves,
            target: p.target, dueOn: dbDate(p.dueOn), status: p.status, submittedAt: p.submittedAt, reviewerId: m(p.reviewerNo),
            reviewedAt: p.reviewedAt, reviewComment: p.reviewComment, fulfilment: p.fulfilment, evaluatorId: m(p.evaluatorNo),
            evaluatedAt: p.evaluatedAt, idempotencyKey: p.key, createdAt: p.createdAt, updatedAt: p.evaluatedAt ?? p.reviewedAt ?? p.createdAt,
          })),
        }),
      );
      const pledgeIds = await keyedIds(tx.pledge.findMany({ where: { branchId }, select: { id: true, idempotencyKey: true } }), (r) => r.idempotencyKey);
      await createInBatches(a.progress, (batch) =>
        tx.pledgeProgress.createMany({
          data: batch.map((p) => ({ pledgeId: idOf(pledgeIds, p.pledgeKey, 'pledge'), percent: p.percent, text: p.text, idempotencyKey: p.key, createdAt: p.createdAt })),
        }),
      );
      await createInBatches(a.volunteer, (batch) =>
        tx.volunteerRecord.createMany({
          data: batch.map((v) => ({
            memberId: idOf(ids.memberIds, v.memberNo, 'member'), branchId, hours: v.hours, activity: v.activity,
            serviceDate: dbDate(v.serviceDate), idempotencyKey: v.key, createdAt: v.createdAt,
          })),
        }),
      );
      return 'written';
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
