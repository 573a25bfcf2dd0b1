// Queries on stored rules versions: load all, find one by year and revision, insert one.
import type { Prisma } from '../../generated/prisma/client.js';
import { toDbDate, type DbClient } from '../shared/db.js';
import type { RulesDefinition } from './rules-schema.js';

export interface RulesVersionRow {
  readonly id: number;
  readonly year: number;
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly definition: unknown;
}

const columns = { id: true, year: true, version: true, effectiveFrom: true, definition: true } as const;

export function loadRulesVersions(db: DbClient): Promise<RulesVersionRow[]> {
  return db.rulesVersion.findMany({ select: columns, orderBy: [{ year: 'asc' }, { version: 'asc' }] });
}

export function findRulesVersion(db: DbClient, year: number, version: number): Promise<RulesVersionRow | null> {
  return db.rulesVersion.findUnique({ where: { year_version: { year, version } }, select: columns });
}

/** Inserts the version unless (year, revision) exists; returns the stored row either way. */
export async function insertRulesVersion(db: DbClient, definition: RulesDefinition, createdById: number | null): Promise<RulesVersionRow> {
  const key = { year: definition.year, version: definition.revision };
  return db.rulesVersion.upsert({
    where: { year_version: key },
    create: {
      ...key,
      effectiveFrom: toDbDate(definition.effectiveFrom),
      // Stored exactly as validated; every reader parses it with RulesDefinition again.
      definition: definition as unknown as Prisma.InputJsonValue,
      createdById,
    },
    // An existing version is never rewritten: versions in use are frozen in SQL anyway.
    update: {},
    select: columns,
  });
}
