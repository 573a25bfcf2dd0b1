// Annual evaluation (年评比) scores: a secretary enters democratic and mass scores for their branch's
// members (refused once the year is finalised), previews the result, and reads the branch's composites,
// grades and 优秀-share warning; an admin adjusts a finalised result with a reason.
//
// The checklist part (30%) always comes from the ledger via the pure engine; composites and grades come
// from `evaluateMember`/`evaluateBranch` with the year's weights and thresholds.
import { DomainError } from '../errors.js';
import { assertAdmin, assertManagesBranch, assertReviews, isMemberActor, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { getSubject, branchMembers } from '../members/member-repository.js';
import type { Hundredths } from '../points.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { toDbPoints, transact, type ServiceDeps } from '../shared/db.js';
import { requireReason } from '../shared/input.js';
import { evaluateBranch, type ExcellentShareWarning } from './branch-evaluation.js';
import { assertScore, evaluateMember, type Grade } from './composite.js';
import { previewEvaluation, type EvaluationPreview } from './preview.js';
import { evaluationsOf, findEvaluation, lockYear, toDbGrade, toStoredEvaluation, yearStatus, type StoredEvaluation } from './evaluation-repository.js';
import { yearStandings } from './year-standings.js';

export interface ScoresInput {
  readonly memberId: number;
  readonly year: number;
  /** 党内民主评价 in hundredths (0–10000); omitted keeps what is stored. */
  readonly democratic?: Hundredths;
  /** 员工群众评价 in hundredths (0–10000). */
  readonly mass?: Hundredths;
  /** The 党员之星 “四优” components (0–10000); they do not enter the composite. */
  readonly political?: Hundredths;
  readonly jobSkill?: Hundredths;
  readonly performance?: Hundredths;
}

const SCORE_FIELDS = ['democratic', 'mass', 'political', 'jobSkill', 'performance'] as const;

export interface EvaluationRow {
  readonly memberId: number;
  readonly name: string;
  readonly democratic: Hundredths | null;
  readonly mass: Hundredths | null;
  readonly checklist: Hundredths;
  readonly vetoed: boolean;
  readonly composite: Hundredths | null;
  readonly grade: Grade | null;
}

export interface BranchEvaluationView {
  readonly branchId: number;
  readonly year: number;
  readonly status: 'OPEN' | 'FINALIZED';
  readonly rows: readonly EvaluationRow[];
  readonly missing: number;
  readonly excellentCount: number;
  readonly warning?: ExcellentShareWarning;
}

export interface EvaluationService {
  /** EVALUATION_YEAR_FINALISED once the year is finalised. */
  enterScores(actor: ServiceActor, input: ScoresInput): Promise<{ evaluation: StoredEvaluation; preview: EvaluationPreview }>;
  /** What-if, with the branch's other grades for the 优秀-share warning; writes nothing. */
  preview(actor: ServiceActor, input: ScoresInput): Promise<EvaluationPreview>;
  branchEvaluation(actor: ServiceActor, branchId: number, year: number): Promise<BranchEvaluationView>;
  /** Admin, finalised years only (INVALID_TRANSITION while open): a change with a reason, audited. */
  adjust(actor: ServiceActor, input: ScoresInput & { readonly reason: string }): Promise<StoredEvaluation>;
}

function checkScores(input: ScoresInput): void {
  const given = SCORE_FIELDS.filter((field) => input[field] !== undefined);
  if (given.length === 0) throw new DomainError('INVALID_INPUT', 'enter at least one score', { field: 'scores' });
  for (const field of given) assertScore(input[field] as Hundredths, field);
}

/** The star components as columns, keeping what is stored where the input is silent. */
function componentColumns(input: ScoresInput, before: StoredEvaluation | null) {
  const pick = (field: 'political' | 'jobSkill' | 'performance') => {
    const value = input[field] ?? before?.[field] ?? null;
    return value === null ? null : toDbPoints(value);
  };
  return { politicalScore: pick('political'), jobSkillScore: pick('jobSkill'), performanceScore: pick('performance') };
}

export function createEvaluationService(deps: ServiceDeps & { readonly rules?: RulesService }): EvaluationService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  async function previewFor(input: ScoresInput, withBranch: boolean): Promise<EvaluationPreview> {
    const subject = await getSubject(db, input.memberId);
    const standings = await yearStandings(db, rules, input.year, [input.memberId]);
    const { standing } = standings.of(input.memberId);
    const stored = await findEvaluation(db, input.memberId, input.year);
    const others = withBranch ? (await evaluationsOf(db, input.year, subject.branchId)).filter((e) => e.memberId !== input.memberId && e.grade !== null) : [];
    return previewEvaluation(
      standings.rules.definition,
      { checklist: standing.checklistScore, vetoed: standing.vetoed, democratic: input.democratic ?? stored?.democratic ?? undefined, mass: input.mass ?? stored?.mass ?? undefined },
      withBranch ? { otherGrades: others.map((e) => e.grade as Grade) } : undefined,
    );
  }

  return {
    async enterScores(actor, input) {
      const subject = await getSubject(db, input.memberId);
      const secretary = assertReviews(actor, subject, 'enter evaluation scores');
      checkScores(input);
      return transact(db, async (tx) => {
        if ((await lockYear(tx, input.year, 'share')) === 'FINALIZED') {
          throw new DomainError('EVALUATION_YEAR_FINALISED', `the ${input.year} evaluation is finalised`, { year: input.year });
        }
        const standings = await yearStandings(tx, rules, input.year, [input.memberId]);
        const { standing } = standings.of(input.memberId);
        const before = await findEvaluation(tx, input.memberId, input.year);
        const democratic = input.democratic ?? before?.democratic ?? null;
        const mass = input.mass ?? before?.mass ?? null;
        const result = democratic !== null && mass !== null
          ? evaluateMember({ democratic, mass, checklist: standing.checklistScore }, standing.vetoed, standings.rules.definition)
          : undefined;
        const values = {
          branchId: subject.branchId, democraticScore: democratic === null ? null : toDbPoints(democratic), massScore: mass === null ? null : toDbPoints(mass),
          checklistScore: toDbPoints(standing.checklistScore), compositeScore: result ? toDbPoints(result.composite) : null,
          grade: result ? toDbGrade(result.grade) : null, vetoed: standing.vetoed, rulesVersionId: standings.rules.id, enteredById: secretary.memberId,
          ...componentColumns(input, before),
        };
        const row = await tx.annualEvaluation.upsert({
          where: { memberId_year: { memberId: input.memberId, year: input.year } },
          create: { memberId: input.memberId, year: input.year, ...values },
          update: values,
        });
        const evaluation = toStoredEvaluation(row);
        await writeAudit(tx, {
          actorId: secretary.memberId, action: 'evaluation.enter', targetType: 'annual_evaluation', targetId: row.id, branchId: subject.branchId,
          before, after: evaluation, at: deps.clock.now(),
        });
        const preview = previewEvaluation(standings.rules.definition, { checklist: standing.checklistScore, vetoed: standing.vetoed, democratic: democratic ?? undefined, mass: mass ?? undefined });
        return { evaluation, preview };
      });
    },

    async preview(actor, input) {
      const subject = await getSubject(db, input.memberId);
      assertReviews(actor, subject, 'preview an evaluation');
      for (const field of SCORE_FIELDS) if (input[field] !== undefined) assertScore(input[field] as Hundredths, field);
      return previewFor(input, true);
    },

    async branchEvaluation(actor, branchId, year) {
      // The system (exports, digests) reads every branch; a person must manage this one.
      if (isMemberActor(actor)) assertManagesBranch(actor, branchId, 'read the branch evaluation');
      const members = await branchMembers(db, branchId);
      const status = await yearStatus(db, year);
      const stored = new Map((await evaluationsOf(db, year, branchId)).map((e) => [e.memberId, e]));
      const standings = await yearStandings(db, rules, year, members.map((m) => m.memberId));
      const complete = members.flatMap((m) => {
        const e = stored.get(m.memberId);
        if (!e || e.democratic === null || e.mass === null) return [];
        const { standing } = standings.of(m.memberId);
        // A finalised year shows what was locked; an open year is recomputed from today's ledger.
        const checklist = status === 'FINALIZED' && e.checklist !== null ? e.checklist : standing.checklistScore;
        return [{ memberId: String(m.memberId), democratic: e.democratic, mass: e.mass, checklist, vetoed: status === 'FINALIZED' ? e.vetoed : standing.vetoed }];
      });
      const evaluated = evaluateBranch(complete, standings.rules.definition);
      const results = new Map(evaluated.results.map((r) => [Number(r.memberId), r]));
      const rows = members.map((m) => {
        const e = stored.get(m.memberId);
        const r = results.get(m.memberId);
        const { standing } = standings.of(m.memberId);
        return {
          memberId: m.memberId, name: m.name, democratic: e?.democratic ?? null, mass: e?.mass ?? null,
          checklist: status === 'FINALIZED' && e?.checklist != null ? e.checklist : standing.checklistScore,
          vetoed: r?.vetoed ?? standing.vetoed,
          composite: status === 'FINALIZED' ? (e?.composite ?? null) : (r?.composite ?? null),
          grade: status === 'FINALIZED' ? (e?.grade ?? null) : (r?.grade ?? null),
        };
      });
      return {
        branchId, year, status, rows, missing: members.length - complete.length, excellentCount: evaluated.excellentCount,
        ...(evaluated.warning ? { warning: evaluated.warning } : {}),
      };
    },

    async adjust(actor, input) {
      const admin = assertAdmin(actor, 'adjust an evaluation');
      if (admin.memberId === input.memberId) throw new DomainError('ACTOR_NOT_ALLOWED', 'nobody adjusts their own evaluation', { action: 'adjust an evaluation' });
      checkScores(input);
      const reason = requireReason(input.reason);
      return transact(db, async (tx) => {
        if ((await lockYear(tx, input.year, 'share')) !== 'FINALIZED') {
          throw new DomainError('INVALID_TRANSITION', 'an open year is changed by entering scores, not by adjustment', { year: input.year });
        }
        const before = await findEvaluation(tx, input.memberId, input.year);
        if (!before || before.checklist === null || before.rulesVersionId === null) throw new DomainError('NOT_FOUND', 'no finalised evaluation for this member', { memberId: input.memberId });
        const version = (await rules.versions()).find((v) => v.id === before.rulesVersionId);
        if (!version) throw new DomainError('RULES_NOT_FOUND', 'the evaluation names an unknown rules version');
        const democratic = input.democratic ?? before.democratic ?? 0;
        const mass = input.mass ?? before.mass ?? 0;
        const result = evaluateMember({ democratic, mass, checklist: before.checklist }, before.vetoed, version.definition);
        const now = deps.clock.now();
        const row = await tx.annualEvaluation.update({
          where: { id: before.id },
          data: {
            democraticScore: toDbPoints(democratic), massScore: toDbPoints(mass), compositeScore: toDbPoints(result.composite), grade: toDbGrade(result.grade),
            ...componentColumns(input, before),
            adjustedById: admin.memberId, adjustmentReason: reason, adjustedAt: now,
          },
        });
        const after = toStoredEvaluation(row);
        await writeAudit(tx, { actorId: admin.memberId, action: 'evaluation.adjust', targetType: 'annual_evaluation', targetId: row.id, branchId: row.branchId, before, after, at: now });
        return after;
      });
    },
  };
}
