// What-if preview for a secretary entering evaluation scores: the result so far, its range while a score
// is still missing, the lowest missing score that reaches each grade, and the branch's 优秀 warning.
//
// Why: secretaries enter democratic and mass scores one member at a time (product.md §8, 15 Dec); seeing
// "needs ≥ 87.50 mass for 优秀" and "this would make 5 of 12 优秀" before saving avoids rework.
import type { Hundredths } from '../points.js';
import type { RulesDefinition } from '../rules/rules-schema.js';
import { excellentShareWarning, type ExcellentShareWarning } from './branch-evaluation.js';
import { assertScore, evaluateMember, gradeThresholds, type Grade, type MemberEvaluation } from './composite.js';

export interface PreviewInput {
  readonly checklist: Hundredths;
  readonly vetoed: boolean;
  readonly democratic?: Hundredths;
  readonly mass?: Hundredths;
}

export interface EvaluationPreview {
  /** Present once both entered scores are known. */
  readonly evaluation?: MemberEvaluation;
  /** Missing scores taken as 0 and as 100. */
  readonly lowest: MemberEvaluation;
  readonly highest: MemberEvaluation;
  /** When exactly one score is missing: the lowest value of it that reaches each grade (null: unreachable). */
  readonly needed?: { readonly component: 'democratic' | 'mass'; readonly byGrade: Readonly<Record<Grade, Hundredths | null>> };
  /** With branch context and a complete evaluation: the warning the branch would get. */
  readonly branchWarning?: ExcellentShareWarning;
}

function lowestReaching(min: Hundredths, grade: Grade, evaluate: (x: Hundredths) => MemberEvaluation): Hundredths | null {
  const best = evaluate(100_00);
  // A veto caps the grade at 不合格; otherwise a grade is out of reach when even 100 does not get there.
  if ((best.vetoed && grade !== 'unqualified') || best.composite < min) return null;
  // The composite rises with the missing score, so a binary search over 0…10000 finds the exact lowest value.
  let low = 0;
  let high = 100_00;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (evaluate(mid).composite >= min) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function previewEvaluation(
  rules: RulesDefinition,
  input: PreviewInput,
  branch?: { readonly otherGrades: readonly Grade[] },
): EvaluationPreview {
  assertScore(input.checklist, 'checklist');
  if (input.democratic !== undefined) assertScore(input.democratic, 'democratic');
  if (input.mass !== undefined) assertScore(input.mass, 'mass');
  const evaluateWith = (fill: Hundredths) =>
    evaluateMember(
      { checklist: input.checklist, democratic: input.democratic ?? fill, mass: input.mass ?? fill },
      input.vetoed,
      rules,
    );
  const complete = input.democratic !== undefined && input.mass !== undefined;
  const preview: { -readonly [K in keyof EvaluationPreview]: EvaluationPreview[K] } = {
    lowest: evaluateWith(0),
    highest: evaluateWith(100_00),
  };
  if (complete) preview.evaluation = evaluateWith(0);
  let missing: 'democratic' | 'mass' | undefined;
  if (input.democratic === undefined && input.mass !== undefined) missing = 'democratic';
  if (input.mass === undefined && input.democratic !== undefined) missing = 'mass';
  if (missing) {
    const byGrade = Object.fromEntries(
      gradeThresholds(rules).map(({ grade, min }) => [grade, lowestReaching(min, grade, evaluateWith)]),
    ) as Record<Grade, Hundredths | null>;
    preview.needed = { component: missing, byGrade };
  }
  if (branch && preview.evaluation) {
    const grades = [...branch.otherGrades, preview.evaluation.grade];
    const warning = excellentShareWarning(grades.filter((g) => g === 'excellent').length, grades.length, rules);
    if (warning) preview.branchWarning = warning;
  }
  return preview;
}
