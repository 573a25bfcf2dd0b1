// Generates a branch's year of vanguard claims and the ledger entries of the approved ones. Members take up one
// or two roles suited to their branch; a few members act out the field examples of product.md §3, which also
// shows the caps at work (a monthly hazard cap, a role's yearly cap).
import { creditApprovedClaims, requestedHundredths } from './demo-credit.js';
import { ROLE_WEIGHTS } from './demo-branches.js';
import { addHours, cutoff, earlier, randomDate, randomInstant, reviewerFor, wellName, type BranchContext } from './demo-context.js';
import { addDays, lastDayOfMonth, monthsBetween, yearOf } from './demo-dates.js';
import { findRole, formatHundredths } from './demo-rules.js';
import type { DemoRng } from './demo-rng.js';
import { CLAIM_DESCRIPTIONS, RETURN_COMMENTS, STAR_HAZARD_DESCRIPTION, STAR_SAVING_DESCRIPTION, STATIONS, fillText } from './demo-texts.js';
import type { DemoClaim, DemoLedgerEntry, DemoMember, LocalDate, VanguardRoleCode } from './demo-types.js';

const ACTIVITY_WEIGHTS: Record<string, number> = {
  'V1-TALK': 3, 'V1-ARTICLE': 4, 'V1-EDUCATION': 3,
  'V2-HAZARD': 7, 'V2-TRAINING': 2, 'V2-EMERGENCY': 1,
  'V3-SAVING': 4, 'V3-IMPROVEMENT': 3, 'V3-ENERGY': 3,
  'V4-PROBLEM': 3, 'V4-INNOVATION': 2, 'V4-MENTORING': 5,
};

function quantityFor(rng: DemoRng, activityCode: string): number {
  if (activityCode.endsWith('HAZARD')) return rng.int(1, 8);
  if (activityCode.endsWith('SAVING')) return rng.int(8, 120) * 1000;
  if (activityCode.endsWith('MENTORING')) return rng.int(1, 3);
  if (activityCode.endsWith('ARTICLE')) return rng.int(1, 2);
  return 1;
}

interface ClaimDraft {
  member: DemoMember;
  roleCode: VanguardRoleCode;
  activityCode: string;
  date: LocalDate;
  quantity: number;
  description: string;
}

/** Review timeline: drafts are recent, pending ones wait past the cutoff, the rest were decided. */
function toClaim(ctx: BranchContext, rng: DemoRng, draft: ClaimDraft, seq: number): DemoClaim {
  const key = `demo-${ctx.seed}-claim-${draft.member.employeeNo}-${seq}`;
  const lagged = addDays(draft.date, rng.int(0, 2));
  const createdDate = lagged > ctx.asOf ? ctx.asOf : lagged;
  const now = cutoff(ctx);
  const createdAt = earlier(randomInstant(rng, createdDate), addHours(now, -1));
  const estimatedPoints = formatHundredths(requestedHundredths(ctx.rulesFor, draft.activityCode, draft.date, draft.quantity));
  const base = {
    key,
    memberNo: draft.member.employeeNo,
    branchCode: ctx.branch.code,
    roleCode: draft.roleCode,
    activityCode: draft.activityCode,
    activityDate: draft.date,
    quantity: draft.quantity.toFixed(2),
    description: draft.description,
    createdAt,
    estimatedPoints,
  };
  const none = { reviewerNo: null, reviewedAt: null, reviewComment: null };
  if (createdAt.getTime() > addHours(now, -7 * 24).getTime() && rng.chance(0.05)) {
    return { ...base, status: 'DRAFT', submittedAt: null, ...none };
  }
  const submittedAt = addHours(createdAt, rng.int(0, 3) / 60);
  const reviewedAt = addHours(submittedAt, rng.int(2, 120));
  const roll = rng.int(1, 100);
  if (roll <= 4) return { ...base, status: 'WITHDRAWN', submittedAt, ...none };
  if (reviewedAt.getTime() > now.getTime()) return { ...base, status: 'PENDING', submittedAt, ...none };
  const reviewerNo = reviewerFor(ctx, draft.member.employeeNo);
  if (roll <= 11) {
    return { ...base, status: 'RETURNED', submittedAt, reviewerNo, reviewedAt, reviewComment: rng.pick(RETURN_COMMENTS) };
  }
  return { ...base, status: 'APPROVED', submittedAt, reviewerNo, reviewedAt, reviewComment: null };
}

function memberRoles(ctx: BranchContext, rng: DemoRng): VanguardRoleCode[] {
  const weights = ROLE_WEIGHTS[ctx.branch.kind];
  const first = rng.weighted(weights);
  if (!rng.chance(0.35)) return [first];
  const second = rng.weighted(weights.filter(([code]) => code !== first));
  return [first, second];
}

function describe(rng: DemoRng, activityCode: string, n: number): string {
  const templates = CLAIM_DESCRIPTIONS[activityCode] ?? ['完成先锋清单活动'];
  return fillText(rng.pick(templates), { n, well: wellName(rng), station: rng.pick(STATIONS) });
}

/** The field examples: index 2 of 采油一区 is the hazard star, index 2 of 注水作业区 the cost star. */
function starDrafts(ctx: BranchContext, rng: DemoRng, member: DemoMember, index: number): ClaimDraft[] {
  if (index !== 2) return [];
  if (ctx.branch.code.endsWith('B04')) {
    return monthsBetween(ctx.from, ctx.asOf).map((month) => {
      const n = rng.int(60, 80);
      const date = randomDate(rng, `${month}-01` < ctx.from ? ctx.from : `${month}-01`, lastDayOfMonth(month) > ctx.asOf ? ctx.asOf : lastDayOfMonth(month));
      return { member, roleCode: 'V2', activityCode: 'V2-HAZARD', date, quantity: n, description: fillText(STAR_HAZARD_DESCRIPTION, { n, well: '', station: '' }) };
    });
  }
  if (ctx.branch.code.endsWith('B10')) {
    const date = randomDate(rng, ctx.from, addDays(ctx.asOf, -30));
    return [{ member, roleCode: 'V3', activityCode: 'V3-SAVING', date, quantity: 2_400_000, description: STAR_SAVING_DESCRIPTION }];
  }
  return [];
}

function memberDrafts(ctx: BranchContext, rng: DemoRng, member: DemoMember): ClaimDraft[] {
  const engagement = rng.weighted([[0, 15], [0.4, 30], [0.8, 35], [1.4, 20]] as const);
  const roles = memberRoles(ctx, rng);
  const drafts: ClaimDraft[] = [];
  for (const month of monthsBetween(ctx.from, ctx.asOf)) {
    const first = `${month}-01` < ctx.from ? ctx.from : `${month}-01`;
    const last = lastDayOfMonth(month) > ctx.asOf ? ctx.asOf : lastDayOfMonth(month);
    for (const roleCode of roles) {
      const count = engagement === 0 ? 0 : rng.poisson(0.6 * engagement);
      for (let i = 0; i < count; i += 1) {
        const date = randomDate(rng, first, last);
        const role = findRole(ctx.rulesFor(yearOf(date)), roleCode);
        const activityCode = rng.weighted(role.activities.map((a) => [a.code, ACTIVITY_WEIGHTS[a.code] ?? 1] as const));
        const quantity = quantityFor(rng, activityCode);
        drafts.push({ member, roleCode, activityCode, date, quantity, description: describe(rng, activityCode, quantity) });
      }
    }
  }
  return drafts;
}

export function generateClaims(ctx: BranchContext, rng: DemoRng): { claims: DemoClaim[]; ledger: DemoLedgerEntry[] } {
  const claims: DemoClaim[] = [];
  ctx.members.forEach((member, index) => {
    if (member.status === 'INACTIVE') return;
    const drafts = [...starDrafts(ctx, rng, member, index), ...memberDrafts(ctx, rng, member)];
    drafts.sort((a, b) => a.date.localeCompare(b.date));
    drafts.forEach((draft, seq) => claims.push(toClaim(ctx, rng, draft, seq + 1)));
  });
  const approved = claims.filter((c) => c.status === 'APPROVED');
  const credits = creditApprovedClaims(
    approved.map((c) => ({ key: c.key, memberNo: c.memberNo, activityCode: c.activityCode, activityDate: c.activityDate, quantity: Number(c.quantity), reviewedAt: c.reviewedAt as Date })),
    ctx.rulesFor,
  );
  const ledger = approved.map((claim): DemoLedgerEntry => {
    const credit = credits.get(claim.key);
    if (!credit) throw new Error(`claim ${claim.key} was not credited`);
    return {
      key: `claim:${claim.key}`,
      memberNo: claim.memberNo,
      branchCode: claim.branchCode,
      cause: 'CLAIM',
      itemCode: credit.roleCode,
      activityCode: claim.activityCode,
      deductionCode: null,
      quantity: claim.quantity,
      points: formatHundredths(credit.credited),
      requestedPoints: formatHundredths(credit.requested),
      capNote: credit.capNote,
      occurredOn: claim.activityDate,
      claimKey: claim.key,
      deductionKey: null,
      reversesKey: null,
      reason: null,
      actorNo: claim.reviewerNo,
      createdAt: claim.reviewedAt as Date,
    };
  });
  return { claims, ledger };
}
