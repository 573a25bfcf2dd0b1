// The database handle the seed functions take: a Prisma client or an interactive transaction, so a caller can
// run the whole seed atomically or piece by piece.
import type { Prisma, PrismaClient } from '../../src/generated/prisma/client.js';

export type SeedDb = Prisma.TransactionClient | PrismaClient;

/** A local date (`YYYY-MM-DD`) as a DATE column value: midnight UTC, which is how Prisma maps `@db.Date`. */
export function dateColumn(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}
