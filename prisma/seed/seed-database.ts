// `npm run db:seed` without --demo: the committee, this year's default “十个一” rules version, default
// settings and the party-day library, in one transaction. Idempotent: every write is keyed on a natural key
// and skips what exists, so a second run changes nothing.
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { buildDefaultRules } from '../../src/domain/rules/default-rules.js';
import type { RulesDefinition } from '../../src/domain/rules/rules-schema.js';
import { ensureCommittee } from './seed-committee.js';
import { ensureDefaultSettings } from './default-settings.js';
import { ensurePartyDayLibrary } from './seed-party-days.js';
import { ensureRulesVersion, type StoredRulesVersion } from './seed-rules.js';

export interface SeedOptions {
  /** The rules year to load: the current year in the party's time zone. */
  readonly year: number;
  readonly rulesFor?: (year: number) => RulesDefinition;
}

export interface SeedReport {
  readonly committeeCreated: boolean;
  readonly rulesVersion: StoredRulesVersion;
  readonly settingsCreated: number;
  readonly seriesCreated: number;
  readonly plansCreated: number;
}

export async function seedDatabase(db: PrismaClient, options: SeedOptions): Promise<SeedReport> {
  const rulesFor = options.rulesFor ?? buildDefaultRules;
  const definition = rulesFor(options.year);
  return db.$transaction(
    async (tx) => {
      const committee = await ensureCommittee(tx);
      const rulesVersion = await ensureRulesVersion(tx, definition);
      const settingsCreated = await ensureDefaultSettings(tx);
      const library = await ensurePartyDayLibrary(tx);
      return { committeeCreated: committee.created, rulesVersion, settingsCreated, ...library };
    },
    { timeout: 60_000 },
  );
}
