// Loads the stored rules versions (zod-validated), picks the one for an activity date or a period,
// and stores a year's default version for seeding and tests.
//
// Why a short-lived cache: scoring a board needs the rules on every call, and versions change a few
// times a year. Versions that anything points at are frozen in SQL (rules-version-frozen.sql), so a
// cached copy of one can only lag behind a brand-new version — which a miss reloads at once.
import { DomainError } from '../errors.js';
import type { LocalDate } from '../periods/local-date.js';
import type { Period } from '../periods/period-key.js';
import { buildDefaultRules } from './default-rules.js';
import { RulesDefinition, rulesVersionId } from './rules-schema.js';
import { selectVersion, selectVersionForPeriod } from './select-version.js';
import { findRulesVersion, insertRulesVersion, loadRulesVersions, type RulesVersionRow } from './rules-repository.js';
import { fromDbDate, systemClock, type Clock, type DbClient } from '../shared/db.js';

export interface StoredRules {
  /** Database id (rules_versions.id), for foreign keys. */
  readonly id: number;
  /** `2026.1`: the pure engine's name for the version. */
  readonly label: string;
  readonly definition: RulesDefinition;
}

export interface RulesService {
  versions(): Promise<readonly StoredRules[]>;
  /** The version in force on an activity's date (never today's). */
  forDate(date: LocalDate): Promise<StoredRules>;
  /** The version that governs a period's standing: the one in force on its last day. */
  forPeriod(period: Period): Promise<StoredRules>;
  /** The stored version with this label (`2026.1`). */
  byLabel(label: string): Promise<StoredRules>;
  /** Stores `definition` (default: buildDefaultRules(year)) unless its year and revision exist. */
  ensureRulesVersion(year: number, definition?: RulesDefinition): Promise<StoredRules>;
  /** Forget the cache (after an admin publishes a version). */
  invalidate(): void;
}

export interface RulesServiceDeps {
  readonly db: DbClient;
  readonly clock?: Clock;
  /** How long loaded versions are reused; 0 reloads on every call. */
  readonly cacheTtlMs?: number;
}

function parseStored(row: RulesVersionRow): StoredRules {
  const parsed = RulesDefinition.safeParse(row.definition);
  if (!parsed.success) {
    throw new DomainError('INVALID_RULES', `stored rules version ${row.year}/v${row.version} is invalid`, { id: row.id });
  }
  const definition = parsed.data;
  // The row's columns decide which version it is; a definition that disagrees would misdate history.
  if (definition.year !== row.year || definition.revision !== row.version || definition.effectiveFrom !== fromDbDate(row.effectiveFrom)) {
    throw new DomainError('INVALID_RULES', `stored rules version ${row.year}/v${row.version} disagrees with its definition`, { id: row.id });
  }
  return { id: row.id, label: rulesVersionId(definition), definition };
}

export function createRulesService(deps: RulesServiceDeps): RulesService {
  const clock = deps.clock ?? systemClock;
  const ttl = deps.cacheTtlMs ?? 60_000;
  let cache: { at: number; versions: StoredRules[] } | undefined;

  async function load(force: boolean): Promise<StoredRules[]> {
    const now = clock.now().getTime();
    if (!force && cache && now - cache.at < ttl) return cache.versions;
    const versions = (await loadRulesVersions(deps.db)).map(parseStored);
    cache = { at: now, versions };
    return versions;
  }

  /** Runs a pick on the cached versions; when it finds nothing, reloads once (a new version may exist). */
  async function pick(choose: (versions: StoredRules[]) => StoredRules | undefined, fail: () => DomainError): Promise<StoredRules> {
    const cached = await load(false);
    const hit = safely(() => choose(cached));
    if (hit) return hit;
    const fresh = await load(true);
    const found = choose(fresh);
    if (!found) throw fail();
    return found;
  }

  const byDefinition = (versions: StoredRules[], label: string) => versions.find((v) => v.label === label);

  return {
    versions: () => load(false),
    forDate: (date) =>
      pick(
        (vs) => byDefinition(vs, rulesVersionId(selectVersion(vs.map((v) => v.definition), date))),
        () => new DomainError('RULES_NOT_FOUND', `no rules version in force on ${date}`, { date }),
      ),
    forPeriod: (period) =>
      pick(
        (vs) => byDefinition(vs, rulesVersionId(selectVersionForPeriod(vs.map((v) => v.definition), period))),
        () => new DomainError('RULES_NOT_FOUND', `no rules version for ${period.year}`, { year: period.year }),
      ),
    byLabel: (label) =>
      pick(
        (vs) => byDefinition(vs, label),
        () => new DomainError('RULES_NOT_FOUND', `no rules version ${label}`, { label }),
      ),
    async ensureRulesVersion(year, definition = buildDefaultRules(year)) {
      if (definition.year !== year) {
        throw new DomainError('RULES_YEAR_MISMATCH', `rules ${rulesVersionId(definition)} are not for ${year}`, { year });
      }
      const existing = await findRulesVersion(deps.db, year, definition.revision);
      const row = existing ?? (await insertRulesVersion(deps.db, definition, null));
      cache = undefined;
      return parseStored(row);
    },
    invalidate() {
      cache = undefined;
    },
  };
}

/** A pick that throws RULES_NOT_FOUND on stale data is a miss, not a failure: the caller reloads. */
function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RULES_NOT_FOUND') return undefined;
    throw error;
  }
}
