// Queries on annual evaluations and evaluation years: the year lock, stored scores, the batch write at
// finalisation, and the grade mapping between the table and the pure engine.
//
// Why a row lock on the year: entering a score takes it FOR SHARE and finalising takes it FOR UPDATE, so
// a score cannot slip in while the year is being finalised (the SQL trigger refuses it afterwards).
import type { AnnualEvaluation, EvaluationGrade } from '../../generated/prisma/client.js';
import type { Hundredths } from '../points.js';
import { toDbPoints, toHundredthsFromDb, type DbClient, type Tx } from '../shared/db.js';
import type { Grade } from './composite.js';

const TO_DB: Record<Grade, EvaluationGrade> = {
  excellent: 'EXCELLENT',
  qualified: 'QUALIFIED',
  basicallyQualified: 'BASICALLY_QUALIFIED',
  unqualified: 'UNQUALIFIED',
};
const FROM_DB = Object.fromEntries(Object.entries(TO_DB).map(([k, v]) => [v, k])) as Record<EvaluationGrade, Grade>;

export const toDbGrade = (grade: Grade): EvaluationGrade => TO_DB[grade];
export const fromDbGrade = (grade: EvaluationGrade): Grade => FROM_DB[grade];

export interface StoredEvaluation {
  readonly id: number;
  readonly memberId: number;
  readonly branchId: number;
  readonly year: number;
  readonly democratic: Hundredths | null;
  readonly mass: Hundredths | null;
  readonly checklist: Hundredths | null;
  readonly composite: Hundredths | null;
  /** The “四优” star components entered with the sheet (the fourth, mass, is `mass`). */
  readonly political: Hundredths | null;
  readonly jobSkill: Hundredths | null;
  readonly performance: Hundredths | null;
  readonly grade: Grade | null;
  readonly vetoed: boolean;
  readonly rulesVersionId: number | null;
  readonly adjustedAt: Date | null;
  readonly adjustmentReason: string | null;
}

const points = (value: AnnualEvaluation['democraticScore']) => (value === null ? null : toHundredthsFromDb(value));

export function toStoredEvaluation(row: AnnualEvaluation): StoredEvaluation {
  return {
    id: row.id, memberId: row.memberId, branchId: row.branchId, year: row.year, democratic: points(row.democraticScore),
    mass: points(row.massScore), checklist: points(row.checklistScore), composite: points(row.compositeScore),
    political: points(row.politicalScore), jobSkill: points(row.jobSkillScore), performance: points(row.performanceScore),
    grade: row.grade === null ? null : fromDbGrade(row.grade), vetoed: row.vetoed, rulesVersionId: row.rulesVersionId,
    adjustedAt: row.adjustedAt, adjustmentReason: row.adjustmentReason,
  };
}

/** Creates the year's row when missing, locks it, and says whether the year is finalised. */
export async function lockYear(tx: Tx, year: number, mode: 'share' | 'update'): Promise<'OPEN' | 'FINALIZED'> {
  await tx.evaluationYear.createMany({ data: [{ year }], skipDuplicates: true });
  const rows = mode === 'share'
    ? await tx.$queryRaw<{ status: 'OPEN' | 'FINALIZED' }[]>`SELECT status::text AS status FROM evaluation_years WHERE year = ${year} FOR SHARE`
    : await tx.$queryRaw<{ status: 'OPEN' | 'FINALIZED' }[]>`SELECT status::text AS status FROM evaluation_years WHERE year = ${year} FOR UPDATE`;
  return rows[0]?.status ?? 'OPEN';
}

export async function yearStatus(db: DbClient, year: number): Promise<'OPEN' | 'FINALIZED'> {
  const row = await db.evaluationYear.findUnique({ where: { year }, select: { status: true } });
  return row?.status ?? 'OPEN';
}

export async function findEvaluation(db: DbClient, memberId: number, year: number): Promise<StoredEvaluation | null> {
  const row = await db.annualEvaluation.findUnique({ where: { memberId_year: { memberId, year } } });
  return row === null ? null : toStoredEvaluation(row);
}

export async function evaluationsOf(db: DbClient, year: number, branchId?: number): Promise<StoredEvaluation[]> {
  const rows = await db.annualEvaluation.findMany({ where: { year, ...(branchId === undefined ? {} : { branchId }) }, orderBy: { memberId: 'asc' } });
  return rows.map(toStoredEvaluation);
}

export interface FinalResult {
  readonly id: number;
  readonly checklist: Hundredths;
  readonly composite: Hundredths;
  readonly grade: Grade;
  readonly vetoed: boolean;
}

/** Writes every member's final figures in one statement (thousands of rows at ×10 data). */
export async function writeFinalResults(tx: Tx, results: readonly FinalResult[], rulesVersionId: number): Promise<void> {
  if (results.length === 0) return;
  await tx.$executeRaw`
    UPDATE annual_evaluations AS a
    SET checklist_score = v.checklist, composite_score = v.composite, grade = v.grade::evaluation_grade,
        vetoed = v.vetoed, rules_version_id = ${rulesVersionId}, updated_at = now()
    FROM (SELECT unnest(${results.map((r) => r.id)}::int[]) AS id,
                 unnest(${results.map((r) => toDbPoints(r.checklist))}::numeric[]) AS checklist,
                 unnest(${results.map((r) => toDbPoints(r.composite))}::numeric[]) AS composite,
                 unnest(${results.map((r) => toDbGrade(r.grade))}::text[]) AS grade,
                 unnest(${results.map((r) => r.vetoed)}::boolean[]) AS vetoed) AS v
    WHERE a.id = v.id`;
}
