// Picks the rules version in force on a date: the activity's date, never today's.
//
// Why: a 2026 activity approved in January 2027 must be scored by the 2026 rules, or next year's edits
// would rewrite this year's history (product.md §3). Versions belong to one year; a mid-year amendment
// is a higher revision with a later `effectiveFrom` inside the same year.
import { DomainError } from '../errors.js';
import { parseLocalDate, type LocalDate } from '../periods/local-date.js';
import { lastDayOf, type Period } from '../periods/period-key.js';
import { rulesVersionId, type RulesDefinition } from './rules-schema.js';

/** Throws INVALID_RULES when two versions of a year clash (same revision or date, or revisions out of date order). */
export function assertVersionSet(versions: readonly RulesDefinition[]): void {
  const byYear = new Map<number, RulesDefinition[]>();
  for (const version of versions) byYear.set(version.year, [...(byYear.get(version.year) ?? []), version]);
  for (const [year, list] of byYear) {
    const sorted = [...list].sort((a, b) => a.revision - b.revision);
    for (let i = 1; i < sorted.length; i += 1) {
      const before = sorted[i - 1] as RulesDefinition;
      const after = sorted[i] as RulesDefinition;
      if (before.revision === after.revision || before.effectiveFrom >= after.effectiveFrom) {
        throw new DomainError('INVALID_RULES', `rules versions of ${year} clash: ${rulesVersionId(before)} and ${rulesVersionId(after)}`, {
          year,
        });
      }
    }
  }
}

/** The version in force on `date`: of the date's year, the latest whose `effectiveFrom` is on or before it. */
export function selectVersion(versions: readonly RulesDefinition[], date: LocalDate): RulesDefinition {
  assertVersionSet(versions);
  const { year } = parseLocalDate(date);
  let chosen: RulesDefinition | undefined;
  for (const version of versions) {
    if (version.year !== year || version.effectiveFrom > date) continue;
    if (!chosen || version.effectiveFrom > chosen.effectiveFrom) chosen = version;
  }
  if (!chosen) throw new DomainError('RULES_NOT_FOUND', `no rules version in force on ${date}`, { date, year });
  return chosen;
}

/** The version that governs a period's standing: the one in force on the period's last day. */
export function selectVersionForPeriod(versions: readonly RulesDefinition[], period: Period): RulesDefinition {
  return selectVersion(versions, lastDayOf(period));
}

/** Throws unless `rules` can govern `date` (same year, already in force); for callers handed one version. */
export function assertRulesGovern(rules: RulesDefinition, date: LocalDate): void {
  const { year } = parseLocalDate(date);
  if (rules.year !== year || rules.effectiveFrom > date) {
    throw new DomainError('RULES_YEAR_MISMATCH', `rules ${rulesVersionId(rules)} do not govern ${date}`, {
      date,
      rulesVersion: rulesVersionId(rules),
    });
  }
}
