// Shared pieces of the demo writer: the database handle, batching for createMany, and how natural keys map to ids.
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { dbDate } from './demo-dates.js';
import type { LocalDate } from './demo-types.js';

export type DemoDb = Prisma.TransactionClient | PrismaClient;

export interface DemoWriteContext {
  readonly db: PrismaClient;
  readonly committeeId: number;
  /** Rules version id per calendar year the demo touches. */
  readonly rulesVersionIds: ReadonlyMap<number, number>;
}

export interface DemoIds {
  readonly branchIds: ReadonlyMap<string, number>;
  readonly memberIds: ReadonlyMap<string, number>;
}

/** Rows per createMany: well under PostgreSQL's 65,535 bind parameters for the widest demo table. */
export const BATCH_SIZE = 1000;

export async function createInBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) await write(rows.slice(i, i + BATCH_SIZE));
}

export function idOf(map: ReadonlyMap<string, number>, key: string | null, what: string): number {
  if (key === null) throw new Error(`missing ${what}`);
  const id = map.get(key);
  if (id === undefined) throw new Error(`unknown ${what} ${key}`);
  return id;
}

export function optionalIdOf(map: ReadonlyMap<string, number>, key: string | null, what: string): number | null {
  return key === null ? null : idOf(map, key, what);
}

export function rulesVersionIdFor(ctx: DemoWriteContext, date: LocalDate): number {
  const id = ctx.rulesVersionIds.get(Number(date.slice(0, 4)));
  if (id === undefined) throw new Error(`no rules version for ${date.slice(0, 4)}`);
  return id;
}

export { dbDate };
