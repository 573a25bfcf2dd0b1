// 党员之星 over the database: the year's candidates from the rules engine (admins see every branch,
// secretaries their own) and an admin's confirmation, which records the star once.
//
// The “四优” components are the scores the branch enters with the evaluation sheet (political quality,
// job skill, performance; the mass component is the mass evaluation). The branch ranks by the annual
// composite; a member without one (no democratic or mass score yet) ranks last and is not a candidate.
import { DomainError } from '../errors.js';
import { assertAdmin, assertManagesBranch, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { allActiveMembers, branchMembers, getSubject, type MemberSubject } from '../members/member-repository.js';
import { createRulesService, type RulesService } from '../rules/rules-service.js';
import { transact, type ServiceDeps } from '../shared/db.js';
import { evaluationsOf } from '../evaluation/evaluation-repository.js';
import { yearStandings } from '../evaluation/year-standings.js';
import { selectStarCandidates, type StarDecision, type StarInput } from './select-stars.js';

export interface StarCandidate extends StarDecision {
  readonly name: string;
}

export interface StarsService {
  /** Every member's decision with reasons; `branchId` limits to one branch (a secretary's own only). */
  candidates(actor: ServiceActor, year: number, options?: { readonly branchId?: number }): Promise<StarCandidate[]>;
  /** Admin: NOT_ELIGIBLE unless the member is a candidate; confirming twice records one star. */
  confirm(actor: ServiceActor, input: { readonly memberId: number; readonly year: number; readonly citation?: string }): Promise<{ starId: number; created: boolean }>;
}

export function createStarsService(deps: ServiceDeps & { readonly rules?: RulesService }): StarsService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  async function decide(members: readonly MemberSubject[], year: number, branchId?: number): Promise<StarCandidate[]> {
    const standings = await yearStandings(db, rules, year, members.map((m) => m.memberId));
    const evaluations = new Map((await evaluationsOf(db, year, branchId)).map((e) => [e.memberId, e]));
    const inputs: StarInput[] = members.map((m) => {
      const score = standings.of(m.memberId);
      const e = evaluations.get(m.memberId);
      const entered = { political: e?.political, jobSkill: e?.jobSkill, performance: e?.performance, mass: e?.mass };
      // A component not entered is missing (the engine excludes with score null), not zero.
      const components = Object.fromEntries(Object.entries(entered).filter(([, value]) => value !== null && value !== undefined));
      return {
        memberId: String(m.memberId), branchId: String(m.branchId), score: e?.composite ?? 0,
        vetoed: score.standing.vetoed, hasDeduction: score.movement.deductionCount > 0, components,
      };
    });
    const names = new Map(members.map((m) => [String(m.memberId), m.name]));
    return selectStarCandidates(inputs, standings.rules.definition).map((d) => ({ ...d, name: names.get(d.memberId) ?? '' }));
  }

  return {
    async candidates(actor, year, options = {}) {
      if (options.branchId !== undefined) {
        assertManagesBranch(actor, options.branchId, 'list star candidates');
        return decide(await branchMembers(db, options.branchId), year, options.branchId);
      }
      assertAdmin(actor, 'list star candidates');
      return decide(await allActiveMembers(db), year);
    },

    async confirm(actor, input) {
      const admin = assertAdmin(actor, 'confirm a star');
      const subject = await getSubject(db, input.memberId);
      const decision = (await decide(await branchMembers(db, subject.branchId), input.year, subject.branchId)).find((d) => d.memberId === String(input.memberId));
      if (!decision?.candidate) {
        throw new DomainError('NOT_ELIGIBLE', 'this member is not a star candidate', { memberId: input.memberId, exclusions: decision?.exclusions.map((x) => x.code) ?? [] });
      }
      const periodKey = String(input.year);
      const now = deps.clock.now();
      return transact(db, async (tx) => {
        const [row] = await tx.star.createManyAndReturn({
          data: [{ memberId: subject.memberId, branchId: subject.branchId, periodKey, citation: input.citation?.trim() || null, confirmedById: admin.memberId, confirmedAt: now }],
          skipDuplicates: true,
        });
        if (!row) {
          const existing = await tx.star.findUniqueOrThrow({ where: { memberId_periodKey: { memberId: subject.memberId, periodKey } } });
          return { starId: existing.id, created: false };
        }
        await writeAudit(tx, { actorId: admin.memberId, action: 'star.confirm', targetType: 'star', targetId: row.id, branchId: subject.branchId, after: { memberId: subject.memberId, periodKey }, at: now });
        return { starId: row.id, created: true };
      });
    },
  };
}
