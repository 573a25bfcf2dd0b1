// Branch figures for a period from its members' scores: participation, average, distribution, points per role.
//
// Why from MemberPeriodScore: the digest must agree with what each member sees; it is the same numbers
// summed. The caller passes every active member of the branch (members with no entries too), or the
// participation rate and average would only count the active ones.
import { divideRounded, sumHundredths, toHundredths, type Hundredths } from '../points.js';
import { ROLE_CODES, type RoleCode, type RulesDefinition } from '../rules/rules-schema.js';
import type { MemberPeriodScore } from './score-period.js';

export type ScoreBand = 'excellent' | 'qualified' | 'basicallyQualified' | 'unqualified';

export interface BandCount {
  readonly band: ScoreBand;
  /** Inclusive lower bound in hundredths; the band runs up to the next band's bound (exclusive). */
  readonly min: Hundredths;
  readonly count: number;
}

export interface BranchAggregate {
  readonly period: string;
  readonly memberCount: number;
  /** Members with at least one standing approved claim in the period. */
  readonly participants: number;
  /** participants / memberCount as a percentage in hundredths (85.23% = 8523), rounded half up; 0 for an empty branch. */
  readonly participationPercent: Hundredths;
  /** Mean checklist standing at period end, hundredths, rounded half up. */
  readonly averageChecklist: Hundredths;
  /** Mean points moved in the period, hundredths, rounded half up. */
  readonly averagePeriodPoints: Hundredths;
  /** Checklist standing by the grade thresholds, highest band first. */
  readonly distribution: readonly BandCount[];
  /** Vanguard points moved in the period per role, summed over members. */
  readonly pointsByRole: Readonly<Record<RoleCode, Hundredths>>;
  readonly totalPoints: Hundredths;
}

export function aggregateBranch(period: string, scores: readonly MemberPeriodScore[], rules: RulesDefinition): BranchAggregate {
  const { excellent, qualified, basicallyQualified } = rules.evaluation.grades;
  const bands: { band: ScoreBand; min: Hundredths }[] = [
    { band: 'excellent', min: toHundredths(excellent) },
    { band: 'qualified', min: toHundredths(qualified) },
    { band: 'basicallyQualified', min: toHundredths(basicallyQualified) },
    { band: 'unqualified', min: 0 },
  ];
  const distribution = bands.map((b) => ({ ...b, count: 0 }));
  for (const score of scores) {
    const slot = distribution.find((b) => score.standing.checklistScore >= b.min) ?? distribution[distribution.length - 1];
    if (slot) slot.count += 1;
  }
  const pointsByRole = Object.fromEntries(
    ROLE_CODES.map((code) => [code, sumHundredths(scores.map((s) => s.movement.vanguardByRole[code]))]),
  ) as Record<RoleCode, Hundredths>;
  const memberCount = scores.length;
  const participants = scores.filter((s) => s.movement.claimCount > 0).length;
  const totalPoints = sumHundredths(scores.map((s) => s.movement.total));
  const mean = (sum: number): Hundredths => (memberCount === 0 ? 0 : divideRounded(sum, memberCount));
  return {
    period,
    memberCount,
    participants,
    participationPercent: mean(participants * 100_00),
    averageChecklist: mean(sumHundredths(scores.map((s) => s.standing.checklistScore))),
    averagePeriodPoints: mean(totalPoints),
    distribution,
    pointsByRole,
    totalPoints,
  };
}
