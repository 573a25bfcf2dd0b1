// The zod schema of one year's rules version: the "十个一" catalog, caps, deductions and evaluation settings.
//
// Why a schema: rules are data the committee edits (product.md §3), so a bad file must be rejected
// with every problem listed before it can score anyone. Points are written as decimals with at most
// two places, as people write them (0.5); the scoring code converts them to hundredths.
import { z } from 'zod';
import { hasAtMostTwoDecimals } from '../points.js';
import { isLocalDate } from '../periods/local-date.js';
import { checkRulesInvariants } from './rules-invariants.js';

export const BASIC_CODES = ['B1', 'B2', 'B3'] as const;
export const ROLE_CODES = ['V1', 'V2', 'V3', 'V4'] as const;
export const VETO_CODES = ['X1', 'X2', 'X3'] as const;

export const BasicCode = z.enum(BASIC_CODES);
export const RoleCode = z.enum(ROLE_CODES);
export const VetoCode = z.enum(VETO_CODES);
export const ItemCode = z.enum([...BASIC_CODES, ...ROLE_CODES, ...VETO_CODES]);
export type BasicCode = z.infer<typeof BasicCode>;
export type RoleCode = z.infer<typeof RoleCode>;
export type VetoCode = z.infer<typeof VetoCode>;
export type ItemCode = z.infer<typeof ItemCode>;

/** A non-negative amount of points with at most two decimals (0, 0.5, 20). */
export const PointsValue = z
  .number()
  .nonnegative()
  .refine(hasAtMostTwoDecimals, { message: 'points must have at most two decimals' });
const PositivePoints = PointsValue.refine((value) => value > 0, { message: 'must be greater than 0' });

/** Stable machine code for catalog entries (activities, deductions): upper case, digits, dashes. */
const CatalogCode = z.string().regex(/^[A-Z][A-Z0-9-]{1,39}$/, 'use A-Z, 0-9 and dashes, e.g. V2-HAZARD');
const Name = z.string().trim().min(1).max(100);
export const LocalDateText = z.string().refine(isLocalDate, { message: 'expected an existing date YYYY-MM-DD' });
/** An exact fraction, so "more than one third" is decided without rounding. */
export const Fraction = z
  .object({ numerator: z.number().int().nonnegative(), denominator: z.number().int().positive() })
  .refine((f) => f.numerator <= f.denominator, { message: 'a share cannot exceed 1' });
export type Fraction = z.infer<typeof Fraction>;
/** Evaluation scores and thresholds are on a 0–100 scale. */
const Score = PointsValue.refine((value) => value <= 100, { message: 'must be within 0–100' });

export const BasicItemRule = z.object({
  code: BasicCode,
  name: Name,
  description: z.string().default(''),
  /** Points the item starts the year with; deductions take from it, never below 0. */
  yearlyQuota: PointsValue.default(20),
});

export const DeductionRule = z.object({
  code: CatalogCode,
  name: Name,
  item: BasicCode,
  /** Magnitude taken per occurrence (written positive; the ledger records it negative). */
  points: PositivePoints,
  unitLabel: Name.default('次'),
});

export const ActivityType = z.object({
  code: CatalogCode,
  name: Name,
  /** What the member counts: 次, 篇, 处, 元 … */
  unitLabel: Name,
  pointsPerUnit: PositivePoints,
  /** Quantity that makes one unit: 10000 for "1 point per 10,000 yuan". Partial units earn nothing. */
  unitSize: PositivePoints.default(1),
  /** Cap on this activity's points per member per calendar month, in points (not in units). */
  monthlyCap: PositivePoints.optional(),
  /** Other words a member might type for this activity (matched by the bot, unique across the catalog). */
  aliases: z.array(z.string().trim().min(1).max(50)).default([]),
});

export const VanguardRole = z.object({
  code: RoleCode,
  name: Name,
  activities: z.array(ActivityType).min(1),
  /** Cap on this role's points per member per year. */
  yearlyCap: PositivePoints.default(10),
});

export const VetoItemRule = z.object({ code: VetoCode, name: Name });

export const GradeThresholds = z.object({
  excellent: Score.default(90),
  qualified: Score.default(75),
  basicallyQualified: Score.default(60),
});

export const EvaluationRules = z.object({
  /** Whole percentages; they must add up to 100. */
  weights: z
    .object({
      democratic: z.number().int().min(0).max(100).default(50),
      checklist: z.number().int().min(0).max(100).default(30),
      mass: z.number().int().min(0).max(100).default(20),
    })
    .prefault({}),
  grades: GradeThresholds.prefault({}),
  /** A branch whose share of 优秀 is above this gets a warning. */
  excellentShareLimit: Fraction.default({ numerator: 1, denominator: 3 }),
});

export const StarComponent = z.object({
  code: z.enum(['political', 'jobSkill', 'performance', 'mass']),
  name: Name,
  /** A candidate's component score must be at or above this. */
  minScore: Score,
});

export const StarRules = z.object({
  selection: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('count'), count: z.number().int().positive() }),
    z.object({ mode: z.literal('share'), share: Fraction }),
  ]),
  /** Rank among every member of the branch, or only among those with no veto and no deduction. */
  rankAmong: z.enum(['all', 'eligible']).default('all'),
  components: z.array(StarComponent).length(4),
});

const MonthDay = z.object({
  month: z.number().int().min(1).max(12),
  /** `'last'` is the month's last day, so "end of February" works in leap years too. */
  day: z.union([z.number().int().min(1).max(31), z.literal('last')]),
});

export const PledgeWindow = z.object({
  start: MonthDay.default({ month: 1, day: 1 }),
  end: MonthDay.default({ month: 2, day: 'last' }),
});

export const RulesDefinitionObject = z.object({
  year: z.number().int().min(2000).max(2999),
  /** 1 for the version published for the year; higher for a mid-year amendment. */
  revision: z.number().int().positive().default(1),
  /** First activity date this version applies to; inside `year`. */
  effectiveFrom: LocalDateText,
  basic: z.array(BasicItemRule).length(3),
  deductions: z.array(DeductionRule).min(1),
  vanguard: z.object({
    roles: z.array(VanguardRole).length(4),
    /** Cap on all vanguard points per member per year. */
    yearlyTotalCap: PositivePoints.default(40),
  }),
  vetoes: z.array(VetoItemRule).length(3),
  evaluation: EvaluationRules.prefault({}),
  stars: StarRules,
  pledgeWindow: PledgeWindow.prefault({}),
});

/** One validated rules version. Parse untrusted input with `RulesDefinition.parse`. */
export const RulesDefinition = RulesDefinitionObject.superRefine(checkRulesInvariants);

export type RulesDefinition = z.infer<typeof RulesDefinition>;
export type RulesDefinitionInput = z.input<typeof RulesDefinition>;
export type ActivityType = z.infer<typeof ActivityType>;
export type VanguardRole = z.infer<typeof VanguardRole>;
export type DeductionRule = z.infer<typeof DeductionRule>;
export type BasicItemRule = z.infer<typeof BasicItemRule>;
export type StarRules = z.infer<typeof StarRules>;
export type GradeThresholds = z.infer<typeof GradeThresholds>;
export type PledgeWindow = z.infer<typeof PledgeWindow>;

/** Version id stored on ledger entries: "2026.1". */
export function rulesVersionId(rules: Pick<RulesDefinition, 'year' | 'revision'>): string {
  return `${rules.year}.${rules.revision}`;
}
