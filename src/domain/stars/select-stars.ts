// 党员之星 candidates per branch: no veto, no deduction in the period, at the top of the branch, and each
// "四优" component (political quality, job skill, performance, mass evaluation) at or above its bar.
//
// Why every member gets a decision with reasons: the committee confirms candidates (product.md §5) and
// will ask "why not X?"; the answer is the list of exclusions, not a silent absence.
// "Top" uses the branch ranking's tie rule (rank.ts): everyone tied at the last slot is in, so slots
// are a floor, not a hard count. A share gives floor(share × branch size) slots, at least one.
import { toHundredths, type Hundredths } from '../points.js';
import type { RulesDefinition, StarRules } from '../rules/rules-schema.js';
import { rankMembers } from '../scoring/rank.js';

export type StarComponentCode = StarRules['components'][number]['code'];

export interface StarInput {
  readonly memberId: string;
  readonly branchId: string;
  /** What the branch ranks by: the annual composite for the year, the checklist standing otherwise. */
  readonly score: Hundredths;
  readonly vetoed: boolean;
  readonly hasDeduction: boolean;
  readonly components: Readonly<Partial<Record<StarComponentCode, Hundredths>>>;
}

export type StarExclusion =
  | { readonly code: 'VETO' }
  | { readonly code: 'DEDUCTION' }
  | { readonly code: 'NOT_TOP'; readonly rank: number | null; readonly slots: number }
  | { readonly code: 'COMPONENT_BELOW'; readonly component: StarComponentCode; readonly score: Hundredths | null; readonly min: Hundredths };

export interface StarDecision {
  readonly memberId: string;
  readonly branchId: string;
  /** Rank in the branch (null when ranking among eligible members only and this one is not eligible). */
  readonly rank: number | null;
  readonly candidate: boolean;
  readonly exclusions: readonly StarExclusion[];
}

/** How many top places a branch of `members` offers. */
export function starSlots(members: number, rules: RulesDefinition): number {
  const { selection } = rules.stars;
  if (members === 0) return 0;
  if (selection.mode === 'count') return selection.count;
  return Math.max(1, Math.floor((members * selection.share.numerator) / selection.share.denominator));
}

function decideBranch(members: readonly StarInput[], rules: RulesDefinition): StarDecision[] {
  const clean = (m: StarInput) => !m.vetoed && !m.hasDeduction;
  const pool = rules.stars.rankAmong === 'eligible' ? members.filter(clean) : members;
  const slots = starSlots(pool.length, rules);
  const ranks = new Map(rankMembers(pool).map((r) => [r.memberId, r.rank]));
  return members.map((member) => {
    const rank = ranks.get(member.memberId) ?? null;
    const exclusions: StarExclusion[] = [];
    if (member.vetoed) exclusions.push({ code: 'VETO' });
    if (member.hasDeduction) exclusions.push({ code: 'DEDUCTION' });
    if (rank === null || rank > slots) exclusions.push({ code: 'NOT_TOP', rank, slots });
    for (const component of rules.stars.components) {
      const score = member.components[component.code] ?? null;
      const min = toHundredths(component.minScore);
      if (score === null || score < min) exclusions.push({ code: 'COMPONENT_BELOW', component: component.code, score, min });
    }
    return { memberId: member.memberId, branchId: member.branchId, rank, candidate: exclusions.length === 0, exclusions };
  });
}

/** Decisions for every member, grouped by branch (branches in id order), best rank first within a branch. */
export function selectStarCandidates(members: readonly StarInput[], rules: RulesDefinition): StarDecision[] {
  const byBranch = new Map<string, StarInput[]>();
  for (const member of members) byBranch.set(member.branchId, [...(byBranch.get(member.branchId) ?? []), member]);
  const branchIds = [...byBranch.keys()].sort();
  return branchIds.flatMap((branchId) =>
    decideBranch(byBranch.get(branchId) ?? [], rules).sort(
      (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
    ),
  );
}
