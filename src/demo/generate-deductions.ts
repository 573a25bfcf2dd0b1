// Generates a branch's deductions (扣分) with their ledger entries, and the objections (异议) some members
// raise: open ones still inside their window, rejected ones, and upheld ones whose deduction is reversed by a
// new ledger entry (never by an edit).
import { addHours, cutoff, earlier, randomDate, randomInstant, reviewerFor, type BranchContext } from './demo-context.js';
import { addDays, yearOf } from './demo-dates.js';
import { formatHundredths, toHundredths } from './demo-rules.js';
import type { DemoRng } from './demo-rng.js';
import { DEDUCTION_REASONS, OBJECTION_REJECTED, OBJECTION_TEXTS, OBJECTION_UPHELD } from './demo-texts.js';
import type { DemoDeduction, DemoLedgerEntry, DemoMember, DemoObjection } from './demo-types.js';

/** Days a member may object after a deduction; the seed's default setting. */
export const DEMO_OBJECTION_DAYS = 3;

const RULE_WEIGHTS: Record<string, number> = { 'B1-ABSENCE': 40, 'B2-DUES': 25, 'B2-STUDY': 20, 'B3-TASK': 15 };

export interface DeductionsResult {
  deductions: DemoDeduction[];
  objections: DemoObjection[];
  ledger: DemoLedgerEntry[];
}

function deductionEntry(d: DemoDeduction): DemoLedgerEntry {
  const points = formatHundredths(-toHundredths(Number(d.points)));
  return {
    key: `deduction:${d.key}`,
    memberNo: d.memberNo,
    branchCode: d.branchCode,
    cause: 'DEDUCTION',
    itemCode: d.itemCode,
    activityCode: null,
    deductionCode: d.ruleCode,
    quantity: d.quantity,
    points,
    requestedPoints: points,
    capNote: null,
    occurredOn: d.occurredOn,
    claimKey: null,
    deductionKey: d.key,
    reversesKey: null,
    reason: d.reason,
    actorNo: d.createdByNo,
    createdAt: d.createdAt,
  };
}

/** The reversal of an upheld objection counts on the deduction's own date, so it frees exactly that period. */
function reversalEntry(original: DemoLedgerEntry, reason: string, actorNo: string, at: Date): DemoLedgerEntry {
  const points = formatHundredths(-toHundredths(Number(original.points)));
  return { ...original, key: `reversal:${original.key}`, cause: 'REVERSAL', points, requestedPoints: points, reversesKey: original.key, reason, actorNo, createdAt: at };
}

function deductionFor(ctx: BranchContext, rng: DemoRng, member: DemoMember, seq: number): DemoDeduction {
  const occurredOn = randomDate(rng, ctx.from, addDays(ctx.asOf, -1));
  const rules = ctx.rulesFor(yearOf(occurredOn));
  const rule = rng.weighted(rules.deductions.map((r) => [r, RULE_WEIGHTS[r.code] ?? 5] as const));
  const quantity = rule.code === 'B2-DUES' && rng.chance(0.2) ? 2 : 1;
  const lagged = addDays(occurredOn, rng.int(0, 3));
  const createdAt = earlier(randomInstant(rng, lagged > ctx.asOf ? ctx.asOf : lagged, 8, 18), addHours(cutoff(ctx), -1));
  return {
    key: `demo-${ctx.seed}-deduction-${member.employeeNo}-${seq}`,
    memberNo: member.employeeNo,
    branchCode: ctx.branch.code,
    ruleCode: rule.code,
    itemCode: rule.item,
    quantity: quantity.toFixed(2),
    points: formatHundredths(toHundredths(rule.points) * quantity),
    occurredOn,
    reason: rng.pick(DEDUCTION_REASONS[rule.code] ?? [rule.name]),
    createdByNo: reviewerFor(ctx, member.employeeNo),
    status: 'ACTIVE',
    objectionDeadline: addHours(createdAt, DEMO_OBJECTION_DAYS * 24),
    createdAt,
  };
}

export function generateDeductions(ctx: BranchContext, rng: DemoRng): DeductionsResult {
  const result: DeductionsResult = { deductions: [], objections: [], ledger: [] };
  const now = cutoff(ctx);
  for (const member of ctx.members) {
    if (member.status === 'INACTIVE') continue;
    const count = rng.chance(0.12) ? (rng.chance(0.25) ? 2 : 1) : 0;
    for (let seq = 1; seq <= count; seq += 1) {
      let deduction = deductionFor(ctx, rng, member, seq);
      const entry = deductionEntry(deduction);
      result.ledger.push(entry);
      const objectedAt = addHours(deduction.createdAt, rng.int(1, DEMO_OBJECTION_DAYS * 24 - 1));
      if (rng.chance(0.15) && objectedAt.getTime() < now.getTime()) {
        const resolvedAt = addHours(objectedAt, rng.int(12, 72));
        const resolverNo = deduction.createdByNo;
        const base = { deductionKey: deduction.key, memberNo: member.employeeNo, text: rng.pick(OBJECTION_TEXTS), createdAt: objectedAt };
        if (resolvedAt.getTime() > now.getTime()) {
          result.objections.push({ ...base, status: 'OPEN', resolverNo: null, resolution: null, resolvedAt: null });
        } else if (rng.chance(0.3)) {
          const resolution = rng.pick(OBJECTION_UPHELD);
          result.objections.push({ ...base, status: 'UPHELD', resolverNo, resolution, resolvedAt });
          result.ledger.push(reversalEntry(entry, resolution, resolverNo, resolvedAt));
          deduction = { ...deduction, status: 'REVERSED' };
        } else {
          result.objections.push({ ...base, status: 'REJECTED', resolverNo, resolution: rng.pick(OBJECTION_REJECTED), resolvedAt });
        }
      }
      result.deductions.push(deduction);
    }
  }
  return result;
}
