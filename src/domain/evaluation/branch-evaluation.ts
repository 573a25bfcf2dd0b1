// Evaluates a branch's members and warns when the share of 优秀 is above the configured limit (default 1/3).
//
// Why a fraction: "more than one third" must be decided exactly — 4 of 12 is not above, 5 of 12 is —
// so the comparison is excellent × denominator > numerator × members, in integers.
import type { Fraction, RulesDefinition } from '../rules/rules-schema.js';
import { evaluateMember, type EvaluationScores, type MemberEvaluation } from './composite.js';

export interface MemberEvaluationInput extends EvaluationScores {
  readonly memberId: string;
  readonly vetoed: boolean;
}

export interface ExcellentShareWarning {
  readonly code: 'EXCELLENT_SHARE_EXCEEDED';
  readonly excellent: number;
  readonly members: number;
  readonly limit: Fraction;
  /** How many 优秀 the limit allows: the largest n with n / members ≤ limit. */
  readonly allowed: number;
}

export interface BranchEvaluation {
  readonly results: readonly (MemberEvaluation & { readonly memberId: string })[];
  readonly excellentCount: number;
  readonly warning?: ExcellentShareWarning;
}

/** Largest number of 优秀 a branch of `members` may have without exceeding `limit`. */
export function allowedExcellent(members: number, limit: Fraction): number {
  return Math.floor((members * limit.numerator) / limit.denominator);
}

export function excellentShareWarning(excellent: number, members: number, rules: RulesDefinition): ExcellentShareWarning | undefined {
  const limit = rules.evaluation.excellentShareLimit;
  if (members === 0 || excellent * limit.denominator <= limit.numerator * members) return undefined;
  return { code: 'EXCELLENT_SHARE_EXCEEDED', excellent, members, limit, allowed: allowedExcellent(members, limit) };
}

export function evaluateBranch(members: readonly MemberEvaluationInput[], rules: RulesDefinition): BranchEvaluation {
  const results = members.map((m) => ({ memberId: m.memberId, ...evaluateMember(m, m.vetoed, rules) }));
  const excellentCount = results.filter((r) => r.grade === 'excellent').length;
  const warning = excellentShareWarning(excellentCount, results.length, rules);
  return { results, excellentCount, ...(warning ? { warning } : {}) };
}
