// Writes one branch's year of activity in one transaction, so a branch is either fully loaded or not at all
// (a re-run after a crash skips the loaded branches). Ledger business keys follow the services' format
// (`claim:<id>:r<revision>`, `deduction:<id>`, `reversal:<entryId>`), so live code can never write an effect
// the demo already wrote.
import { ledgerKeys } from '../domain/ledger/business-keys.js';
import { claimRow, deductionRow, ledgerRow, objectionRow, pledgeRow, progressRow, volunteerRow, type BranchIds } from './demo-rows.js';
import { createInBatches, idOf, type DemoDb, type DemoIds, type DemoWriteContext } from './demo-writer-support.js';
import type { DemoBranchActivity, DemoLedgerEntry } from './demo-types.js';

async function keyedIds<T extends { id: number }>(rows: Promise<T[]>, key: (row: T) => string): Promise<Map<string, number>> {
  return new Map((await rows).map((r) => [key(r), r.id]));
}

/** Entries first, then the reversals that point at their ids. */
async function writeLedger(tx: DemoDb, ctx: DemoWriteContext, ids: BranchIds, ledger: readonly DemoLedgerEntry[]): Promise<void> {
  const businessKeys = new Map<string, string>();
  const direct = ledger
    .filter((e) => e.cause !== 'REVERSAL')
    .map((e) => {
      const key =
        e.cause === 'CLAIM'
          ? ledgerKeys.claim(idOf(ids.claimIds, e.claimKey, 'claim'))
          : ledgerKeys.deduction(idOf(ids.deductionIds, e.deductionKey, 'deduction'));
      businessKeys.set(e.key, key);
      return ledgerRow(ctx, ids, e, key, null);
    });
  await createInBatches(direct, (data) => tx.ledgerEntry.createMany({ data }));
  const entryIds = await keyedIds(
    tx.ledgerEntry.findMany({ where: { branchId: ids.branchId }, select: { id: true, businessKey: true } }),
    (r) => r.businessKey,
  );
  const reversals = ledger
    .filter((e) => e.cause === 'REVERSAL')
    .map((e) => {
      const target = idOf(entryIds, businessKeys.get(e.reversesKey ?? '') ?? null, 'reversed entry');
      return ledgerRow(ctx, ids, e, ledgerKeys.reversal(target), target);
    });
  await createInBatches(reversals, (data) => tx.ledgerEntry.createMany({ data }));
}

export async function writeBranchActivity(ctx: DemoWriteContext, org: DemoIds, a: DemoBranchActivity): Promise<'written' | 'skipped'> {
  const branchId = idOf(org.branchIds, a.branchCode, 'branch');
  const base = { branchId, memberIds: org.memberIds };
  return ctx.db.$transaction(
    async (tx) => {
      const loaded = (await tx.claim.count({ where: { branchId } })) + (await tx.volunteerRecord.count({ where: { branchId } }));
      if (loaded > 0) return 'skipped';
      const byKey = (rows: Promise<{ id: number; idempotencyKey: string }[]>) => keyedIds(rows, (r) => r.idempotencyKey);
      const select = { id: true, idempotencyKey: true } as const;

      await createInBatches(a.claims.map((c) => claimRow(ctx, base, c)), (data) => tx.claim.createMany({ data }));
      const claimIds = await byKey(tx.claim.findMany({ where: { branchId }, select }));
      await createInBatches(a.deductions.map((d) => deductionRow(ctx, base, d)), (data) => tx.deduction.createMany({ data }));
      const deductionIds = await byKey(tx.deduction.findMany({ where: { branchId }, select }));
      await createInBatches(a.pledges.map((p) => pledgeRow(base, p)), (data) => tx.pledge.createMany({ data }));
      const pledgeIds = await byKey(tx.pledge.findMany({ where: { branchId }, select }));
      const ids: BranchIds = { ...base, claimIds, deductionIds, pledgeIds };

      await writeLedger(tx, ctx, ids, a.ledger);
      await createInBatches(a.objections.map((o) => objectionRow(ids, o)), (data) => tx.objection.createMany({ data }));
      await createInBatches(a.progress.map((p) => progressRow(ids, p)), (data) => tx.pledgeProgress.createMany({ data }));
      await createInBatches(a.volunteer.map((v) => volunteerRow(base, v)), (data) => tx.volunteerRecord.createMany({ data }));
      return 'written';
    },
    // A branch at ×1 takes well under a second; the margin covers a loaded machine.
    { timeout: 120_000, maxWait: 30_000 },
  );
}
