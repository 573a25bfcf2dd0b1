// What the sandbox reads from the environment: where it keeps its state, its ports, and the
// optional external PostgreSQL/Redis. Parsed once with zod; a bad value is a SandboxError.
import { resolve } from 'node:path';
import { z } from 'zod';
import { SandboxError } from './sandbox-error.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_SANDBOX_PORT = 8700;

export interface SandboxSettings {
  /** State kept between runs: embedded database, secrets, lock, logs. */
  readonly home: string;
  readonly host: string;
  /** The page and the Feishu emulator (one URL). */
  readonly port: number;
  /** The bot's web server (`/feishu/events`, `/feishu/cards`). */
  readonly webPort: number;
  /** The embedded PostgreSQL, when DATABASE_URL is not set. */
  readonly pgPort: number;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly timeZone: string;
}

const port = (name: string) => z.coerce.number({ error: `${name} must be a port number` }).int().min(1, `${name} must be a port number`).max(65535, `${name} must be a port number`);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const schema = z.object({
  SANDBOX_HOME: optionalText,
  SANDBOX_HOST: optionalText,
  SANDBOX_PORT: port('SANDBOX_PORT').optional(),
  SANDBOX_WEB_PORT: port('SANDBOX_WEB_PORT').optional(),
  SANDBOX_PG_PORT: port('SANDBOX_PG_PORT').optional(),
  DATABASE_URL: optionalText,
  REDIS_URL: optionalText,
  SANDBOX_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  TZ_PARTY: optionalText,
});

export function readSandboxSettings(env: Record<string, string | undefined> = process.env): SandboxSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.message).join('; ');
    throw new SandboxError(problems, 'unset the variable or give it a valid value, e.g. SANDBOX_PORT=8700 npm run sandbox');
  }
  const e = parsed.data;
  const base = e.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT;
  return {
    home: resolve(REPO_ROOT, e.SANDBOX_HOME ?? '.sandbox'),
    host: e.SANDBOX_HOST ?? '127.0.0.1',
    port: base,
    webPort: e.SANDBOX_WEB_PORT ?? base + 1,
    pgPort: e.SANDBOX_PG_PORT ?? base + 2,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.SANDBOX_LOG_LEVEL ?? 'info',
    timeZone: e.TZ_PARTY ?? 'Asia/Shanghai',
  };
}
