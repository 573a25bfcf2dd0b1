// Finalises a year's evaluation (admin): every member's checklist score is recomputed from the ledger,
// composites and grades are written with the year's rules, and the year is locked.
//
// Why one transaction holding the year's row lock: scores entered concurrently either land before the
// final computation or are refused after it; the SQL trigger (evaluation-year-lock.sql) keeps the locked
// rows unchanged except through a reasoned admin adjustment.
import { DomainError } from '../errors.js';
import { assertAdmin, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { allActiveMembers } from '../members/member-repository.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { transact, type ServiceDeps } from '../shared/db.js';
import { excellentShareWarning, type ExcellentShareWarning } from './branch-evaluation.js';
import { evaluateMember, GRADES, type Grade } from './composite.js';
import { evaluationsOf, lockYear, writeFinalResults, type FinalResult } from './evaluation-repository.js';
import { yearStandings } from './year-standings.js';

export interface FinalisedYear {
  readonly year: number;
  readonly evaluated: number;
  /** Active members without both scores (left without a grade when finalising anyway). */
  readonly missing: number;
  readonly byGrade: Readonly<Record<Grade, number>>;
  readonly warnings: readonly (ExcellentShareWarning & { readonly branchId: number })[];
}

export interface EvaluationYearService {
  /** EVALUATION_INCOMPLETE (details.missing) unless every active member has both scores or `allowIncomplete`. */
  finalizeYear(actor: ServiceActor, year: number, options?: { readonly allowIncomplete?: boolean }): Promise<FinalisedYear>;
}

export function createEvaluationYearService(deps: ServiceDeps & { readonly rules?: RulesService }): EvaluationYearService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  return {
    async finalizeYear(actor, year, options = {}) {
      const admin = assertAdmin(actor, 'finalise the evaluation');
      return transact(db, async (tx) => {
        if ((await lockYear(tx, year, 'update')) === 'FINALIZED') {
          throw new DomainError('ALREADY_HANDLED', `the ${year} evaluation is already finalised`, { year });
        }
        const evaluations = await evaluationsOf(tx, year);
        const complete = evaluations.filter((e) => e.democratic !== null && e.mass !== null);
        const completeIds = new Set(complete.map((e) => e.memberId));
        const missing = (await allActiveMembers(tx)).filter((m) => !completeIds.has(m.memberId)).length;
        if (missing > 0 && options.allowIncomplete !== true) {
          throw new DomainError('EVALUATION_INCOMPLETE', `${missing} members have no democratic or mass score`, { year, missing });
        }
        const standings = await yearStandings(tx, rules, year);
        const definition = standings.rules.definition;
        const results: (FinalResult & { branchId: number })[] = complete.map((e) => {
          const { standing } = standings.of(e.memberId);
          const result = evaluateMember({ democratic: e.democratic ?? 0, mass: e.mass ?? 0, checklist: standing.checklistScore }, standing.vetoed, definition);
          return { id: e.id, branchId: e.branchId, checklist: standing.checklistScore, composite: result.composite, grade: result.grade, vetoed: standing.vetoed };
        });
        await writeFinalResults(tx, results, standings.rules.id);
        const now = deps.clock.now();
        await tx.evaluationYear.update({ where: { year }, data: { status: 'FINALIZED', finalizedById: admin.memberId, finalizedAt: now } });
        const byGrade = Object.fromEntries(GRADES.map((g) => [g, results.filter((r) => r.grade === g).length])) as Record<Grade, number>;
        const warnings = [...new Set(results.map((r) => r.branchId))].sort((a, b) => a - b).flatMap((branchId) => {
          const branch = results.filter((r) => r.branchId === branchId);
          const warning = excellentShareWarning(branch.filter((r) => r.grade === 'excellent').length, branch.length, definition);
          return warning ? [{ ...warning, branchId }] : [];
        });
        const summary: FinalisedYear = { year, evaluated: results.length, missing, byGrade, warnings };
        await writeAudit(tx, { actorId: admin.memberId, action: 'evaluation.finalize', targetType: 'evaluation_year', targetId: year, branchId: null, before: { status: 'OPEN' }, after: summary, at: now });
        return summary;
      });
    },
  };
}
