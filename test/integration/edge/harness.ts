// The whole Feishu edge on one machine for a test: the emulator as Feishu, the web app listening
// on a port (the injector posts to it), and workers on the chosen queue backend.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ActionDefinition } from '../../../src/bot/actions/action.js';
import { buildApp } from '../../../src/app.js';
import type { Config } from '../../../src/config.js';
import { createPrisma, type Db } from '../../../src/db/prisma.js';
import type { EventContext } from '../../../src/emulator/event-builders.js';
import { EventInjector, type InjectorOptions } from '../../../src/emulator/event-injector.js';
import type { EmulatorOptions } from '../../../src/emulator/types.js';
import { QUEUES } from '../../../src/jobs/contracts.js';
import { createQueueBackend, type AppWorker, type QueueBackend } from '../../../src/jobs/queue-backend.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { createEdgeServices, type EdgeServices } from '../../../src/pipeline/edge-services.js';
import { inboundProcessor } from '../../../workers/processors/inbound.js';
import { outboundProcessor } from '../../../workers/processors/outbound.js';
import { startWorkers, type ProcessorModule } from '../../../workers/registry.js';
import { startEmulator, type RunningEmulator } from '../../helpers/feishu-emulator.js';
import type { Isolated } from '../../helpers/isolated.js';

export type BackendKind = 'postgres' | 'redis';
export const BACKENDS: readonly BackendKind[] = ['postgres', 'redis'];

export const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

export interface EdgeOptions {
  /** The web app's links (a TcpProxy in outage tests); the workers always use the direct ones. */
  appDatabaseUrl?: string;
  appRedisUrl?: string;
  actions?: readonly ActionDefinition[];
  emulator?: Partial<EmulatorOptions>;
  env?: Record<string, string>;
  injector?: Partial<InjectorOptions>;
  processors?: ProcessorModule[];
  /** The web app's logger (tests that read what was logged). */
  appLogger?: Logger;
  /** The clock the bot's handlers read, in the web app and the workers (a settable test clock). */
  now?: () => Date;
}

export interface Edge {
  kind: BackendKind;
  config: Config;
  db: Db;
  app: FastifyInstance;
  url: string;
  emulator: RunningEmulator;
  injector: EventInjector;
  eventCtx: EventContext;
  /** The producer side (as the web app and other modules use it). */
  queues: QueueBackend;
  workerQueues: QueueBackend;
  edge: EdgeServices;
  workers: AppWorker<unknown>[];
  close(): Promise<void>;
}

/** Only what the edge needs of a test file's isolation, so a bench can bring its own database too. */
export type EdgeEnv = Pick<Isolated, 'databaseUrl' | 'redisUrl' | 'redisPrefix' | 'config'>;

export async function startEdge(env: EdgeEnv, kind: BackendKind, options: EdgeOptions = {}): Promise<Edge> {
  const emulator = await startEmulator(options.emulator);
  const redisUrl = kind === 'redis' ? env.redisUrl : undefined;
  const config = env.config({ REDIS_URL: redisUrl, FEISHU_DOMAIN: emulator.baseUrl, ...options.env });
  const appDatabaseUrl = options.appDatabaseUrl ?? env.databaseUrl;
  const appConfig = env.config({ ...options.env, DATABASE_URL: appDatabaseUrl, REDIS_URL: kind === 'redis' ? (options.appRedisUrl ?? redisUrl) : undefined });
  const appQueues = createQueueBackend({ databaseUrl: appDatabaseUrl, redisUrl: appConfig.redisUrl, role: 'producer', prefix: env.redisPrefix });
  const app = await buildApp(appConfig, { db: createPrisma(appDatabaseUrl, { poolSize: 5 }), queues: appQueues }, { logger: options.appLogger ?? logger, ...(options.actions ? { actions: options.actions } : {}), ...(options.now ? { now: options.now } : {}) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });

  const db = createPrisma(env.databaseUrl, { poolSize: 10 });
  const queues = createQueueBackend({ databaseUrl: env.databaseUrl, redisUrl, role: 'producer', prefix: env.redisPrefix });
  const workerQueues = createQueueBackend({ databaseUrl: env.databaseUrl, redisUrl, role: 'worker', prefix: env.redisPrefix });
  // Each harness its own send budget and token, so tests in one file do not share a minute's quota.
  const edge = createEdgeServices(config, db, { logger, keyPrefix: `${env.redisPrefix}:${randomBytes(3).toString('hex')}:` });
  const workers = startWorkers({ db, queues: workerQueues, config, logger, edge, ...(options.now ? { now: options.now } : {}) }, options.processors ?? [inboundProcessor, outboundProcessor]);

  const eventCtx: EventContext = { appId: config.feishu.appId, tenantKey: 'tenant_emulator', verificationToken: config.feishu.verificationToken };
  const injector = new EventInjector({
    eventsUrl: `${address}/feishu/events`,
    cardsUrl: `${address}/feishu/cards`,
    encryptKey: config.feishu.encryptKey!,
    emulator: emulator.app.emulator,
    // Feishu's 15 s, 5 min, 1 h, 6 h, compressed a thousandfold.
    timeScale: 0.001,
    ...options.injector,
  });
  return {
    kind,
    config,
    db,
    app,
    url: address,
    emulator,
    injector,
    eventCtx,
    queues,
    workerQueues,
    edge,
    workers,
    close: async () => {
      await app.close();
      await workerQueues.close();
      await queues.close();
      await edge.close();
      await db.$disconnect();
      await emulator.close();
    },
  };
}

/** Jobs not yet finished on the edge's queues. */
export async function unfinishedJobs(queues: QueueBackend): Promise<number> {
  let total = 0;
  for (const name of [QUEUES.inbound, QUEUES.outboundInteractive, QUEUES.outboundBulk, QUEUES.rosterUpload, QUEUES.botFiles, QUEUES.evidencePhoto]) {
    const counts = await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    total += Object.values(counts).reduce((a, b) => a + b, 0);
  }
  return total;
}

export async function jobCounts(queues: QueueBackend): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const name of [QUEUES.inbound, QUEUES.outboundInteractive, QUEUES.outboundBulk]) {
    out[name] = await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
  }
  return out;
}

let seq = 0;

/** A roster member (with committee and branch) whose open_id the emulator also knows. */
export async function addMember(edge: Edge, name: string, role: 'MEMBER' | 'SECRETARY' | 'ADMIN' = 'MEMBER'): Promise<{ openId: string; name: string; memberId: number }> {
  seq += 1;
  const tag = `${Date.now().toString(36)}${seq}`;
  const openId = `ou_m${tag}`;
  const committee = await edge.db.committee.upsert({ where: { code: 'test' }, create: { code: 'test', name: '测试党委' }, update: {} });
  const branch = await edge.db.branch.upsert({
    where: { code: 'b1' },
    create: { code: 'b1', name: '第一党支部', committeeId: committee.id },
    update: {},
  });
  const member = await edge.db.member.create({ data: { employeeNo: `E${tag}`, name, branchId: branch.id, role, openId } });
  edge.emulator.app.emulator.addUser({ openId, name });
  return { openId, name, memberId: member.id };
}
