// Builds the Prisma client on the pg driver adapter (Prisma 7 has no native query engine,
// so nothing needs downloading at runtime).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

export function createPrisma(databaseUrl: string, options: { poolSize?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}

/** Answers whether the database takes a trivial query within `timeoutMs`. */
export async function pingDatabase(db: PrismaClient, timeoutMs = 2000): Promise<void> {
  await withTimeout(db.$queryRawUnsafe('SELECT 1'), timeoutMs, 'database did not answer');
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
