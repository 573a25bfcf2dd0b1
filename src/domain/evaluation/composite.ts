// The annual composite (democratic 50% + checklist 30% + mass 20% by default) and the grade it earns.
//
// Why integers: grades turn on the second decimal (89.99 is 合格, 90.00 is 优秀). Scores are hundredths
// and weights whole percentages, so Σ score × weight is an exact integer; dividing by 100 rounds half
// up once, at the end, to hundredths (89.995 → 90.00). A confirmed veto makes the grade 不合格 whatever
// the composite (一票否决), and the checklist score is already 0 then.
import { DomainError } from '../errors.js';
import { divideRounded, toHundredths, type Hundredths } from '../points.js';
import type { RulesDefinition } from '../rules/rules-schema.js';

export type Grade = 'excellent' | 'qualified' | 'basicallyQualified' | 'unqualified';
export const GRADES: readonly Grade[] = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'];

export interface EvaluationScores {
  /** 党内民主评价, 0–10000 hundredths. */
  readonly democratic: Hundredths;
  /** 先锋模范评价: the year's checklist score, 0–10000 hundredths. */
  readonly checklist: Hundredths;
  /** 员工群众评价, 0–10000 hundredths. */
  readonly mass: Hundredths;
}

export interface MemberEvaluation {
  readonly composite: Hundredths;
  readonly grade: Grade;
  readonly vetoed: boolean;
  /** Why the grade is what it is: the threshold reached, or the veto. */
  readonly gradeReason: { readonly kind: 'threshold'; readonly min: Hundredths } | { readonly kind: 'veto' };
}

/** Throws INVALID_SCORE unless the value is whole hundredths within 0–100 points. */
export function assertScore(value: Hundredths, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 100_00) {
    throw new DomainError('INVALID_SCORE', `${name} must be 0–100 with at most two decimals`, { name, value });
  }
}

export function compositeScore(scores: EvaluationScores, rules: RulesDefinition): Hundredths {
  assertScore(scores.democratic, 'democratic');
  assertScore(scores.checklist, 'checklist');
  assertScore(scores.mass, 'mass');
  const { democratic, checklist, mass } = rules.evaluation.weights;
  return divideRounded(scores.democratic * democratic + scores.checklist * checklist + scores.mass * mass, 100);
}

/** The thresholds in hundredths, highest grade first; `unqualified` is the floor. */
export function gradeThresholds(rules: RulesDefinition): { grade: Grade; min: Hundredths }[] {
  const { excellent, qualified, basicallyQualified } = rules.evaluation.grades;
  return [
    { grade: 'excellent', min: toHundredths(excellent) },
    { grade: 'qualified', min: toHundredths(qualified) },
    { grade: 'basicallyQualified', min: toHundredths(basicallyQualified) },
    { grade: 'unqualified', min: 0 },
  ];
}

/** The grade of a composite: the highest whose threshold it reaches (≥). */
export function gradeOf(composite: Hundredths, rules: RulesDefinition): Grade {
  assertScore(composite, 'composite');
  return (gradeThresholds(rules).find((t) => composite >= t.min) ?? { grade: 'unqualified' }).grade;
}

export function evaluateMember(scores: EvaluationScores, vetoed: boolean, rules: RulesDefinition): MemberEvaluation {
  // The checklist score of a vetoed member is 0 by the ledger; forcing it here keeps the composite honest
  // even if a caller passes a stale checklist figure.
  const composite = compositeScore(vetoed ? { ...scores, checklist: 0 } : scores, rules);
  if (vetoed) return { composite, grade: 'unqualified', vetoed, gradeReason: { kind: 'veto' } };
  const threshold = gradeThresholds(rules).find((t) => composite >= t.min) ?? { grade: 'unqualified' as const, min: 0 };
  return { composite, grade: threshold.grade, vetoed, gradeReason: { kind: 'threshold', min: threshold.min } };
}
