// Stores a year's rules version. An existing (year, version) is left exactly as it is: versions that claims
// point at are frozen in the database, and re-seeding must never rewrite the rules history.
import type { Prisma } from '../../src/generated/prisma/client.js';
import type { RulesDefinition } from '../../src/domain/rules/rules-schema.js';
import { dateColumn, type SeedDb } from './seed-db.js';

export interface StoredRulesVersion {
  readonly id: number;
  readonly year: number;
  readonly version: number;
  readonly created: boolean;
}

export async function ensureRulesVersion(db: SeedDb, definition: RulesDefinition): Promise<StoredRulesVersion> {
  const key = { year: definition.year, version: definition.revision };
  const existing = await db.rulesVersion.findUnique({ where: { year_version: key }, select: { id: true } });
  if (existing) return { ...key, id: existing.id, created: false };
  const row = await db.rulesVersion.upsert({
    where: { year_version: key },
    create: {
      ...key,
      effectiveFrom: dateColumn(definition.effectiveFrom),
      // Stored exactly as validated; readers parse it with RulesDefinition again.
      definition: definition as unknown as Prisma.InputJsonValue,
      note: '默认“十个一”先锋清单规则（种子数据）',
    },
    update: {},
    select: { id: true },
  });
  return { ...key, id: row.id, created: true };
}
