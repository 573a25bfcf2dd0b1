// A DATABASE_URL or REDIS_URL the person set must answer before anything starts: otherwise the
// sandbox would say "ready" with a bot that cannot work. The failure names the variable and the fix.
import { Redis } from 'ioredis';
import pg from 'pg';
import { withTimeout } from '../db/prisma.js';
import { SandboxError } from './sandbox-error.js';

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new SandboxError(
      `DATABASE_URL is set, but that PostgreSQL does not answer (${firstLine(err)}). Without DATABASE_URL the sandbox runs its own embedded PostgreSQL.`,
      'env -u DATABASE_URL npm run sandbox',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await withTimeout(redis.connect().then(() => redis.ping()), 5000, 'no answer within 5 s');
  } catch (err) {
    throw new SandboxError(
      `REDIS_URL is set, but that Redis does not answer (${firstLine(err)}). Without REDIS_URL the job queues run on PostgreSQL.`,
      'env -u REDIS_URL npm run sandbox',
    );
  } finally {
    redis.disconnect();
  }
}
