// Environment configuration: one zod schema over the variables of product.md §10, parsed
// once at start-up into a frozen object that is passed to whoever needs it.
import { z } from 'zod';

const nonEmpty = (name: string) => z.string({ error: `${name} is required` }).trim().min(1, `${name} is required`);

const urlWithProtocol = (name: string, protocols: readonly string[]) =>
  nonEmpty(name).refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    FEISHU_APP_ID: nonEmpty('FEISHU_APP_ID'),
    FEISHU_APP_SECRET: nonEmpty('FEISHU_APP_SECRET'),
    // Optional outside production: without it Feishu sends plaintext, unsigned events.
    FEISHU_ENCRYPT_KEY: z.string().trim().min(1).optional(),
    FEISHU_VERIFICATION_TOKEN: nonEmpty('FEISHU_VERIFICATION_TOKEN'),
    FEISHU_DOMAIN: urlWithProtocol('FEISHU_DOMAIN', ['http:', 'https:'])
      .default('https://open.feishu.cn')
      .transform((value) => value.replace(/\/+$/, '')),
    DATABASE_URL: urlWithProtocol('DATABASE_URL', ['postgres:', 'postgresql:']),
    REDIS_URL: z
      .string()
      .trim()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(urlWithProtocol('REDIS_URL', ['redis:', 'rediss:']).optional())
      .optional(),
    // Connections each process's Prisma pool may hold (the PostgreSQL queue backend keeps its own, up to 10).
    DATABASE_POOL_SIZE: z.coerce.number({ error: 'DATABASE_POOL_SIZE must be a number' }).int().min(2).max(100).default(10),
    // Redis key prefix of the job queues: two deployments (or test runs) can share one Redis.
    QUEUE_PREFIX: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'QUEUE_PREFIX: letters, digits, _ and - only').default('vanguard'),
    PORT: z.coerce.number({ error: 'PORT must be a number' }).int().min(1).max(65535).default(3000),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    TZ_PARTY: z
      .string()
      .trim()
      .default('Asia/Shanghai')
      .refine(isKnownTimeZone, { message: 'TZ_PARTY must be an IANA time zone such as Asia/Shanghai' }),
    ADMIN_TOKEN: nonEmpty('ADMIN_TOKEN').min(16, 'ADMIN_TOKEN must be at least 16 characters'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    FEISHU_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    // Replay window for signed requests. Wide on purpose: whether Feishu re-signs its retries
    // (up to ~7 h later) is unconfirmed, and durable dedupe is the real replay defence.
    FEISHU_SIGNATURE_MAX_AGE_S: z.coerce.number().int().min(0).default(12 * 3600),
    // Feishu's send limits (platform reference §4): per API and app 50/s and 1000/min, and
    // 5/s per receiving user or chat. Lower them when a tenant's plan has lower limits.
    FEISHU_RATE_PER_SECOND: z.coerce.number().int().min(1).default(50),
    FEISHU_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(1000),
    FEISHU_RATE_PER_RECEIVER: z.coerce.number().int().min(1).default(5),
    // Sends per second that fan-out leaves to replies, so a campaign never makes a member wait.
    FEISHU_RATE_INTERACTIVE_RESERVE: z.coerce.number().int().min(0).default(2),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.FEISHU_ENCRYPT_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['FEISHU_ENCRYPT_KEY'],
        message: 'FEISHU_ENCRYPT_KEY is required in production (events must be signed and encrypted)',
      });
    }
    if (env.FEISHU_RATE_INTERACTIVE_RESERVE >= env.FEISHU_RATE_PER_SECOND) {
      ctx.addIssue({
        code: 'custom',
        path: ['FEISHU_RATE_INTERACTIVE_RESERVE'],
        message: 'FEISHU_RATE_INTERACTIVE_RESERVE must be below FEISHU_RATE_PER_SECOND',
      });
    }
  });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type Env = z.output<typeof envSchema>;

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly feishu: {
    readonly appId: string;
    readonly appSecret: string;
    readonly encryptKey: string | undefined;
    readonly verificationToken: string;
    readonly domain: string;
    readonly httpTimeoutMs: number;
    readonly signatureMaxAgeSeconds: number;
    readonly rateLimits: SendRateLimits;
  };
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string | undefined;
  readonly queuePrefix: string;
  readonly http: { readonly port: number; readonly host: string };
  readonly timeZone: string;
  readonly adminToken: string;
  readonly logLevel: Env['LOG_LEVEL'];
}

export interface SendRateLimits {
  readonly perSecond: number;
  readonly perMinute: number;
  readonly perReceiver: number;
  readonly interactiveReserve: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError that lists every problem at once. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  return deepFreeze({
    env: env.NODE_ENV,
    feishu: {
      appId: env.FEISHU_APP_ID,
      appSecret: env.FEISHU_APP_SECRET,
      encryptKey: env.FEISHU_ENCRYPT_KEY,
      verificationToken: env.FEISHU_VERIFICATION_TOKEN,
      domain: env.FEISHU_DOMAIN,
      httpTimeoutMs: env.FEISHU_HTTP_TIMEOUT_MS,
      signatureMaxAgeSeconds: env.FEISHU_SIGNATURE_MAX_AGE_S,
      rateLimits: {
        perSecond: env.FEISHU_RATE_PER_SECOND,
        perMinute: env.FEISHU_RATE_PER_MINUTE,
        perReceiver: env.FEISHU_RATE_PER_RECEIVER,
        interactiveReserve: env.FEISHU_RATE_INTERACTIVE_RESERVE,
      },
    },
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    http: { port: env.PORT, host: env.HOST },
    timeZone: env.TZ_PARTY,
    adminToken: env.ADMIN_TOKEN,
    logLevel: env.LOG_LEVEL,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
