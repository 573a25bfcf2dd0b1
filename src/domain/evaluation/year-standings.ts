// Each member's standing for a whole year from the ledger: the checklist score that is 30% of the
// evaluation, the veto flag, and whether a deduction stands (stars). One query for any set of members.
import { entriesBetween, entriesOfMembers } from '../ledger/ledger-repository.js';
import { toDomainEntry } from '../ledger/ledger-mapper.js';
import { labelsOf } from '../ledger/ledger-writer.js';
import type { LedgerEntry } from '../ledger/ledger-entry.js';
import { firstDayOf, lastDayOf, yearPeriod } from '../periods/period-key.js';
import type { RulesService, StoredRules } from '../rules/rules-service.js';
import { scorePeriod, type MemberPeriodScore } from '../scoring/score-period.js';
import type { DbClient } from '../shared/db.js';

export interface YearStandings {
  readonly rules: StoredRules;
  /** Scores of the members asked for (members without entries score their full quotas). */
  of(memberId: number): MemberPeriodScore;
}

/** `memberIds` undefined: every member with entries in the year (finalisation of the whole committee). */
export async function yearStandings(db: DbClient, rules: RulesService, year: number, memberIds?: readonly number[]): Promise<YearStandings> {
  const period = yearPeriod(year);
  const stored = await rules.forPeriod(period);
  const labelOf = labelsOf(await rules.versions());
  const from = firstDayOf(period);
  const to = lastDayOf(period);
  const rows = memberIds === undefined ? await entriesBetween(db, from, to) : await entriesOfMembers(db, memberIds, from, to);
  const byMember = new Map<number, LedgerEntry[]>();
  for (const row of rows) {
    const list = byMember.get(row.memberId) ?? [];
    list.push(toDomainEntry(row, labelOf));
    byMember.set(row.memberId, list);
  }
  const cache = new Map<number, MemberPeriodScore>();
  return {
    rules: stored,
    of(memberId) {
      let score = cache.get(memberId);
      if (!score) {
        score = scorePeriod(byMember.get(memberId) ?? [], stored.definition, period, { memberId: String(memberId) });
        cache.set(memberId, score);
      }
      return score;
    },
  };
}
