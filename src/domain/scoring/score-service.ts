// Scores from the database: a member's period score with their rank in the branch, the branch board and
// aggregates, the committee overview, and a member's monthly trend — all the pure engine's numbers.
//
// Why this shape of queries: a board is one query for the branch's members and one for their ledger
// entries from 1 January to the period's end (index ledger_entries(member_id, occurred_on)); everything
// else is `scorePeriod`, `rankMembers` and `aggregateBranch` over those rows, so what a member sees on
// the card is exactly what the rules engine says for the same entries.
import { DomainError } from '../errors.js';
import { assertReadsBranch, assertReadsCommittee, assertReadsMember, type ServiceActor } from '../access/actor.js';
import { toDomainEntry, type LedgerRow, type RulesLabelOf } from '../ledger/ledger-mapper.js';
import { entriesOfMembers } from '../ledger/ledger-repository.js';
import { labelsOf } from '../ledger/ledger-writer.js';
import { allActiveMembers, branchMembers, membersAlongside, type MemberSubject } from '../members/member-repository.js';
import { firstDayOf, formatPeriodKey, lastDayOf, parsePeriodKey, shiftPeriod, yearPeriod, type Period } from '../periods/period-key.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { createRulesService, type RulesService, type StoredRules } from '../rules/rules-service.js';
import { readSetting } from '../settings/settings-repository.js';
import type { ServiceDeps } from '../shared/db.js';
import { aggregateBranch, type BranchAggregate } from './branch-aggregates.js';
import { rankMembers, type RankedMember } from './rank.js';
import { scorePeriod, type MemberPeriodScore } from './score-period.js';
import type { Hundredths } from '../points.js';

/** What a board ranks by: the checklist standing at the period's end (default) or the points moved in it. */
export type RankBy = 'standing' | 'movement';

export interface BoardRow {
  readonly memberId: number;
  /** Null when the board is anonymised for the viewer (a member always sees their own name). */
  readonly name: string | null;
  readonly isViewer: boolean;
  readonly rank: number;
  readonly tiedCount: number;
  readonly score: MemberPeriodScore;
}

export interface BranchBoard {
  readonly branchId: number;
  readonly period: string;
  readonly rulesVersion: string;
  readonly rankBy: RankBy;
  readonly anonymised: boolean;
  /** Best rank first. */
  readonly rows: readonly BoardRow[];
  readonly aggregate: BranchAggregate;
}

export interface MemberScore {
  readonly memberId: number;
  readonly branchId: number;
  readonly score: MemberPeriodScore;
  /** Rank among the branch's members (null for a deactivated member, who is off the board). */
  readonly rank: number | null;
  readonly tiedCount: number;
  readonly branchSize: number;
  readonly rankBy: RankBy;
}

export interface TrendPoint {
  readonly period: string;
  readonly moved: Hundredths;
  readonly checklistScore: Hundredths;
}

export interface ScoreService {
  memberScore(actor: ServiceActor, memberId: number, periodKey: string, options?: { readonly rankBy?: RankBy }): Promise<MemberScore>;
  branchBoard(actor: ServiceActor, branchId: number, periodKey: string, options?: { readonly rankBy?: RankBy }): Promise<BranchBoard>;
  branchAggregates(actor: ServiceActor, branchId: number, periodKey: string): Promise<BranchAggregate>;
  committeeOverview(actor: ServiceActor, periodKey: string): Promise<{ period: string; rulesVersion: string; branches: { branchId: number; aggregate: BranchAggregate }[] }>;
  /** The last `months` months up to `endMonthKey` (`2026-11`), oldest first. */
  monthlyTrend(actor: ServiceActor, memberId: number, endMonthKey: string, months: number): Promise<TrendPoint[]>;
}

interface Scored {
  readonly member: MemberSubject;
  readonly score: MemberPeriodScore;
}

function groupByMember(rows: readonly LedgerRow[], labelOf: RulesLabelOf): Map<number, LedgerEntry[]> {
  const byMember = new Map<number, LedgerEntry[]>();
  for (const row of rows) {
    const list = byMember.get(row.memberId);
    const entry = toDomainEntry(row, labelOf);
    if (list) list.push(entry);
    else byMember.set(row.memberId, [entry]);
  }
  return byMember;
}

function rank(scored: readonly Scored[], rankBy: RankBy): RankedMember[] {
  return rankMembers(
    scored.map((s) => ({ memberId: String(s.member.memberId), score: rankBy === 'standing' ? s.score.standing.checklistScore : s.score.movement.total })),
  );
}

export function createScoreService(deps: ServiceDeps & { readonly rules?: RulesService }): ScoreService {
  const { db } = deps;
  const rules = deps.rules ?? createRulesService({ db, clock: deps.clock });

  /** Scores `members` for the period from one ledger query. */
  async function scoreAll(members: readonly MemberSubject[], period: Period): Promise<{ stored: StoredRules; scored: Scored[] }> {
    const stored = await rules.forPeriod(period);
    const labelOf = labelsOf(await rules.versions());
    const rows = await entriesOfMembers(db, members.map((m) => m.memberId), firstDayOf(yearPeriod(period.year)), lastDayOf(period));
    const byMember = groupByMember(rows, labelOf);
    const scored = members.map((member) => ({
      member,
      score: scorePeriod(byMember.get(member.memberId) ?? [], stored.definition, period, { memberId: String(member.memberId) }),
    }));
    return { stored, scored };
  }

  async function board(actor: ServiceActor, branchId: number, periodKey: string, rankBy: RankBy): Promise<BranchBoard> {
    assertReadsBranch(actor, branchId, 'read the branch board');
    const period = parsePeriodKey(periodKey);
    const { stored, scored } = await scoreAll(await branchMembers(db, branchId), period);
    const byId = new Map(scored.map((s) => [String(s.member.memberId), s]));
    const anonymised = actor.role === 'MEMBER' && (await readSetting(db, 'board.anonymised'));
    const rows = rank(scored, rankBy).map((r) => {
      const s = byId.get(r.memberId) as Scored;
      const isViewer = actor.role !== 'SYSTEM' && actor.memberId === s.member.memberId;
      return { memberId: s.member.memberId, name: anonymised && !isViewer ? null : s.member.name, isViewer, rank: r.rank, tiedCount: r.tiedCount, score: s.score };
    });
    const aggregate = aggregateBranch(formatPeriodKey(period), scored.map((s) => s.score), stored.definition);
    return { branchId, period: formatPeriodKey(period), rulesVersion: stored.label, rankBy, anonymised, rows, aggregate };
  }

  return {
    async memberScore(actor, memberId, periodKey, options = {}) {
      const period = parsePeriodKey(periodKey);
      const rankBy = options.rankBy ?? 'standing';
      const members = await membersAlongside(db, memberId);
      const member = members.find((m) => m.memberId === memberId);
      if (!member) throw new DomainError('NOT_FOUND', 'no such member', { memberId });
      assertReadsMember(actor, member, 'read a score');
      const { scored } = await scoreAll(members, period);
      // A deactivated member still sees their score, but is not on the board (same rows as branchBoard).
      const ranked = rank(scored.filter((s) => s.member.status !== 'INACTIVE'), rankBy);
      const mine = ranked.find((r) => r.memberId === String(memberId));
      const own = scored.find((s) => s.member.memberId === memberId) as Scored;
      return { memberId, branchId: member.branchId, score: own.score, rank: mine?.rank ?? null, tiedCount: mine?.tiedCount ?? 0, branchSize: ranked.length, rankBy };
    },

    branchBoard: (actor, branchId, periodKey, options = {}) => board(actor, branchId, periodKey, options.rankBy ?? 'standing'),

    async branchAggregates(actor, branchId, periodKey) {
      return (await board(actor, branchId, periodKey, 'standing')).aggregate;
    },

    async committeeOverview(actor, periodKey) {
      assertReadsCommittee(actor, 'read the committee overview');
      const period = parsePeriodKey(periodKey);
      const { stored, scored } = await scoreAll(await allActiveMembers(db), period);
      const byBranch = new Map<number, MemberPeriodScore[]>();
      for (const s of scored) byBranch.set(s.member.branchId, [...(byBranch.get(s.member.branchId) ?? []), s.score]);
      const branches = [...byBranch.entries()]
        .sort(([a], [b]) => a - b)
        .map(([branchId, scores]) => ({ branchId, aggregate: aggregateBranch(formatPeriodKey(period), scores, stored.definition) }));
      return { period: formatPeriodKey(period), rulesVersion: stored.label, branches };
    },

    async monthlyTrend(actor, memberId, endMonthKey, months) {
      const end = parsePeriodKey(endMonthKey);
      if (end.kind !== 'month' || !Number.isInteger(months) || months < 1 || months > 24) {
        throw new DomainError('INVALID_PERIOD', 'a trend ends at a month and spans 1–24 months', { endMonthKey, months });
      }
      const members = await membersAlongside(db, memberId);
      const member = members.find((m) => m.memberId === memberId);
      if (!member) throw new DomainError('NOT_FOUND', 'no such member', { memberId });
      assertReadsMember(actor, member, 'read a trend');
      const periods = Array.from({ length: months }, (_, i) => shiftPeriod(end, i - months + 1));
      const first = periods[0] as Period;
      const labelOf = labelsOf(await rules.versions());
      const rows = await entriesOfMembers(db, [memberId], firstDayOf(yearPeriod(first.year)), lastDayOf(end));
      const entries = rows.map((row) => toDomainEntry(row, labelOf));
      const points: TrendPoint[] = [];
      for (const period of periods) {
        const stored = await rules.forPeriod(period);
        const score = scorePeriod(entries, stored.definition, period, { memberId: String(memberId) });
        points.push({ period: score.period, moved: score.movement.total, checklistScore: score.standing.checklistScore });
      }
      return points;
    },
  };
}
