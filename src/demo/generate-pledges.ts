// Generates a branch's pledges (承诺) for each year whose pledge window falls in the demo year: drafted in
// January–February, reviewed by the secretary, progress recorded around each quarterly stocktake, and, for a
// year already over, evaluated 已践诺 / 部分践诺 / 未践诺.
import { ROLE_WEIGHTS } from './demo-branches.js';
import { addHours, cutoff, earlier, randomInstant, reviewerFor, type BranchContext } from './demo-context.js';
import { addDays, yearOf } from './demo-dates.js';
import type { DemoRng } from './demo-rng.js';
import { PLEDGES, PROGRESS_TEXTS, RETURN_COMMENTS } from './demo-texts.js';
import type { DemoMember, DemoPledge, DemoPledgeProgress, PledgeServesCode } from './demo-types.js';

/** Local dates of the progress checkpoints in a year: the quarterly stocktakes and year end. */
const CHECKPOINTS = ['04-03', '07-02', '10-09', '12-20'];

function pickServes(ctx: BranchContext, rng: DemoRng): PledgeServesCode {
  const kind = rng.weighted([['role', 60], ['basic', 25], ['masses', 15]] as const);
  if (kind === 'role') return rng.weighted(ROLE_WEIGHTS[ctx.branch.kind]);
  if (kind === 'basic') return rng.pick(['B1', 'B2', 'B3'] as const);
  return 'MASSES';
}

function progressFor(ctx: BranchContext, rng: DemoRng, pledge: DemoPledge): DemoPledgeProgress[] {
  const progress: DemoPledgeProgress[] = [];
  const now = cutoff(ctx);
  let percent = 0;
  CHECKPOINTS.forEach((day, i) => {
    const at = randomInstant(rng, addDays(`${pledge.year}-${day}`, rng.int(0, 6)), 9, 21);
    if (!pledge.reviewedAt || at <= pledge.reviewedAt || at.getTime() > now.getTime() || !rng.chance(0.8)) return;
    percent = Math.min(100, Math.max(percent + 5, (i + 1) * 25 + rng.int(-15, 5)));
    progress.push({ key: `${pledge.key}-p${i + 1}`, pledgeKey: pledge.key, percent, text: rng.pick(PROGRESS_TEXTS), createdAt: at });
  });
  return progress;
}

function evaluate(ctx: BranchContext, rng: DemoRng, pledge: DemoPledge, lastPercent: number): DemoPledge {
  if (pledge.status !== 'APPROVED' || pledge.year >= yearOf(ctx.asOf)) return pledge;
  const fulfilment = lastPercent >= 100 ? 'FULFILLED' : lastPercent >= 60 ? 'PARTIAL' : 'UNFULFILLED';
  const evaluatedAt = randomInstant(rng, `${pledge.year}-12-${rng.int(21, 28)}`);
  return { ...pledge, fulfilment, evaluatorNo: reviewerFor(ctx, pledge.memberNo), evaluatedAt };
}

function pledgeFor(ctx: BranchContext, rng: DemoRng, member: DemoMember, year: number, seq: number): DemoPledge {
  const serves = pickServes(ctx, rng);
  const [content, target] = rng.pick(PLEDGES[serves]);
  const now = cutoff(ctx);
  const createdAt = earlier(randomInstant(rng, addDays(`${year}-01-02`, rng.int(0, 50))), addHours(now, -1));
  const base = {
    key: `demo-${ctx.seed}-pledge-${member.employeeNo}-${year}-${seq}`,
    memberNo: member.employeeNo,
    branchCode: ctx.branch.code,
    year,
    content,
    serves,
    target,
    dueOn: rng.chance(0.2) ? `${year}-06-30` : `${year}-12-31`,
    createdAt,
    fulfilment: 'NONE' as const,
    evaluatorNo: null,
    evaluatedAt: null,
  };
  const none = { reviewerNo: null, reviewedAt: null, reviewComment: null };
  const roll = rng.int(1, 100);
  if (roll <= 4) return { ...base, status: 'DRAFT', submittedAt: null, ...none };
  const submittedAt = addHours(createdAt, 0.1);
  if (roll <= 6) return { ...base, status: 'WITHDRAWN', submittedAt, ...none };
  const reviewedAt = addHours(submittedAt, rng.int(4, 96));
  if (reviewedAt.getTime() > now.getTime()) return { ...base, status: 'PENDING', submittedAt, ...none };
  const reviewerNo = reviewerFor(ctx, member.employeeNo);
  if (roll <= 11) return { ...base, status: 'RETURNED', submittedAt, reviewerNo, reviewedAt, reviewComment: rng.pick(RETURN_COMMENTS.slice(1)) };
  return { ...base, status: 'APPROVED', submittedAt, reviewerNo, reviewedAt, reviewComment: null };
}

export function generatePledges(ctx: BranchContext, rng: DemoRng): { pledges: DemoPledge[]; progress: DemoPledgeProgress[] } {
  const pledges: DemoPledge[] = [];
  const progress: DemoPledgeProgress[] = [];
  const years = [yearOf(ctx.from), yearOf(ctx.asOf)].filter((y, i, all) => all.indexOf(y) === i);
  for (const year of years) {
    // A year counts when its pledge window opened inside the demo year.
    if (`${year}-01-15` < ctx.from || `${year}-01-15` > ctx.asOf) continue;
    for (const member of ctx.members) {
      if (member.status === 'INACTIVE') continue;
      const count = rng.weighted([[1, 50], [2, 35], [3, 15]] as const);
      for (let seq = 1; seq <= count; seq += 1) {
        const pledge = pledgeFor(ctx, rng, member, year, seq);
        const notes = pledge.status === 'APPROVED' ? progressFor(ctx, rng, pledge) : [];
        pledges.push(evaluate(ctx, rng, pledge, notes.at(-1)?.percent ?? 0));
        progress.push(...notes);
      }
    }
  }
  return { pledges, progress };
}
