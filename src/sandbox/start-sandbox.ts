// Starts the whole sandbox in order — lock, database (embedded unless DATABASE_URL), migrations,
// seed, emulator with the page, web server, workers — and stops it in reverse. A second sandbox
// on the same folder or port is reported, not fought.
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { createPrisma } from '../db/prisma.js';
import { migrateDatabase } from '../db/migrations.js';
import { createLogger } from '../logger.js';
import { botEnvironment } from './bot-env.js';
import { startBotServices } from './bot-services.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { checkDatabase, checkRedis } from './external-stores.js';
import { assertPortsFree, probeSandbox, type PortNeed } from './ports.js';
import { acquireLock } from './sandbox-lock.js';
import { prepareHome, sandboxPaths } from './sandbox-home.js';
import type { SandboxSettings } from './sandbox-settings.js';
import { seedSandbox } from './seed-sandbox.js';

export interface RunningSandbox {
  kind: 'started';
  url: string;
  webUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

export type StartOutcome = RunningSandbox | { kind: 'already-running'; url: string; pid?: number; home?: string };

type Report = (line: string) => void;

/** Ctrl-C while starting: the step under way finishes, then what started is stopped. */
export class StartAborted extends Error {
  override readonly name = 'StartAborted';
}

export async function startSandbox(settings: SandboxSettings, report: Report, signal: AbortSignal = new AbortController().signal): Promise<StartOutcome> {
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    if (signal.aborted) throw new StartAborted('stopped while starting');
    const started = performance.now();
    const result = await run();
    report(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };
  const paths = sandboxPaths(settings.home);
  const url = `http://${settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host}:${settings.port}`;
  const webUrl = `http://127.0.0.1:${settings.webPort}`;
  const secrets = await prepareHome(paths);
  const lock = await acquireLock(paths.lock, { pid: process.pid, url, startedAt: new Date().toISOString() });
  if (lock.kind === 'held') return { kind: 'already-running', url: lock.holder.url, pid: lock.holder.pid, home: settings.home };

  const undo: (() => Promise<unknown>)[] = [() => lock.release()];
  const stop = async () => {
    for (const u of undo.splice(0).reverse()) await u().catch(() => undefined);
  };
  try {
    const other = await probeSandbox(url);
    if (other) {
      await stop();
      return { kind: 'already-running', url, pid: other.pid, home: other.home };
    }
    const embedded = settings.databaseUrl
      ? undefined
      : await EmbeddedPostgres.prepare({ dataDir: paths.pgData, port: settings.pgPort, password: secrets.pgPassword, log: (m) => report(`  ${m}`) });
    if (embedded) await embedded.stopStale();
    const needs: PortNeed[] = [
      { port: settings.port, purpose: 'the page and the Feishu emulator', variable: 'SANDBOX_PORT' },
      { port: settings.webPort, purpose: "the bot's web server", variable: 'SANDBOX_WEB_PORT' },
      ...(embedded ? [{ port: settings.pgPort, purpose: 'the embedded PostgreSQL', variable: 'SANDBOX_PG_PORT' }] : []),
    ];
    await assertPortsFree(settings.host, needs);

    let databaseUrl = settings.databaseUrl ?? '';
    if (embedded) {
      await step(`PostgreSQL 18 (embedded, data in ${paths.pgData})`, () => embedded.start());
      undo.push(() => embedded.stop());
      databaseUrl = await embedded.ensureDatabase('vanguard');
    } else {
      await step('PostgreSQL from DATABASE_URL', () => checkDatabase(databaseUrl));
    }
    if (settings.redisUrl) await step('Redis from REDIS_URL', () => checkRedis(settings.redisUrl ?? ''));
    await step('migrations', () => migrateDatabase(databaseUrl));

    const botEnv = botEnvironment(settings, secrets, { databaseUrl, emulatorUrl: url });
    const config = loadConfig(botEnv);
    const destination = pino.destination({ dest: paths.log, append: true, mkdir: true, sync: false });
    undo.push(async () => {
      try {
        destination.flushSync();
      } catch {
        // Not open yet or already closed: nothing to flush.
      }
    });
    const logger = createLogger(settings.logLevel, destination);

    const db = createPrisma(databaseUrl, { poolSize: 2 });
    const seeded = await step('seed (rules, library; demo data when empty)', () => seedSandbox(db, settings.timeZone, report).finally(() => db.$disconnect()));
    if (seeded.demoMembers > 0) report(`    loaded ${seeded.demoMembers} members and ${seeded.activityRows} activity rows of demo data`);

    const health = { pid: process.pid, home: settings.home, url, web: webUrl, database: embedded ? 'embedded' : 'external', queues: settings.redisUrl ? 'redis' : 'postgres' };
    const services = await step(`emulator, web server and workers (queues on ${health.queues === 'redis' ? 'Redis' : 'PostgreSQL'})`, () =>
      startBotServices({ config, logger, botEnv, emulatorUrl: url, webUrl, health }),
    );
    undo.push(() => services.close());
    if (signal.aborted) throw new StartAborted('stopped while starting');
    return { kind: 'started', url, webUrl, logFile: paths.log, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
