// Bench: a fan-out to N recipients through the queued sender against the emulator at Feishu's
// limits, with members asking the bot for help meanwhile. Prints the fan-out's time against the
// floor its budget allows, 429s, failures, duplicates, and how long the replies took.
// Run: npx tsx bench/fanout-replies.ts [--recipients=1000] [--backend=postgres|redis|both] [--per-minute=3000]
import { randomBytes } from 'node:crypto';
import { buildApp } from '../src/app.js';
import { textTo } from '../src/bot/reply.js';
import { createPrisma } from '../src/db/prisma.js';
import { migrateDatabase } from '../src/db/migrations.js';
import { textMessage } from '../src/emulator/event-builders.js';
import { EventInjector } from '../src/emulator/event-injector.js';
import { createQueueBackend } from '../src/jobs/queue-backend.js';
import { createLogger } from '../src/logger.js';
import { createEdgeServices } from '../src/pipeline/edge-services.js';
import { enqueueOutgoing } from '../src/pipeline/outbox.js';
import { inboundProcessor } from '../workers/processors/inbound.js';
import { outboundProcessor } from '../workers/processors/outbound.js';
import { startWorkers } from '../workers/registry.js';
import { seedUsers, startEmulator } from '../test/helpers/feishu-emulator.js';
import { databaseUrl, testConfig, TEST_REDIS_URL } from '../test/helpers/test-env.js';
import { withAdmin } from '../test/helpers/databases.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const RECIPIENTS = Number(args.recipients ?? 1000);
const PER_MINUTE = Number(args['per-minute'] ?? 3000);
const BACKENDS = (args.backend ?? 'both') === 'both' ? (['postgres', 'redis'] as const) : ([args.backend] as ['postgres' | 'redis']);
const logger = createLogger('silent');

async function run(kind: 'postgres' | 'redis'): Promise<void> {
  const name = `vg_bench_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const prefix = `vgbench_${randomBytes(4).toString('hex')}`;
  const redisUrl = kind === 'redis' ? TEST_REDIS_URL : undefined;
  try {
    await migrateDatabase(url);
    // The minute limit is raised (as on larger plans) so that 50/s is what binds, as in issue 8.
    const emulator = await startEmulator({ limits: { appPerMinute: PER_MINUTE } });
    const control = emulator.app.emulator;
    const config = testConfig({ DATABASE_URL: url, REDIS_URL: redisUrl, FEISHU_DOMAIN: emulator.baseUrl, FEISHU_RATE_PER_MINUTE: String(PER_MINUTE) });
    const db = createPrisma(url, { poolSize: 10 });
    const queues = createQueueBackend({ databaseUrl: url, redisUrl, role: 'producer', prefix });
    const workerQueues = createQueueBackend({ databaseUrl: url, redisUrl, role: 'worker', prefix });
    const edge = createEdgeServices(config, db, { logger, keyPrefix: `${prefix}:` });
    startWorkers({ db, queues: workerQueues, config, logger, edge }, [inboundProcessor, outboundProcessor]);
    const app = await buildApp(config, { db: createPrisma(url, { poolSize: 5 }), queues: createQueueBackend({ databaseUrl: url, redisUrl, role: 'producer', prefix }) }, { logger });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const injector = new EventInjector({ eventsUrl: `${address}/feishu/events`, encryptKey: config.feishu.encryptKey!, emulator: control });

    const committee = await db.committee.create({ data: { code: 'bench', name: '党委' } });
    const branch = await db.branch.create({ data: { code: 'bench', name: '支部', committeeId: committee.id } });
    const members = seedUsers(20, 'asker');
    for (const m of members) {
      control.addUser(m);
      await db.member.create({ data: { employeeNo: m.openId, name: m.name, branchId: branch.id, openId: m.openId } });
    }
    const users = seedUsers(RECIPIENTS, 'r');
    for (const u of users) control.addUser(u);

    const started = Date.now();
    await enqueueOutgoing({ db, queues }, users.map((u) => textTo({ to: 'open_id', id: u.openId }, '本月积分提醒')), { businessKeyPrefix: 'bench', priority: 'bulk' });
    // Members talk to the bot while the fan-out runs: one every half second.
    const latencies: number[] = [];
    const asks = members.map(async (m, i) => {
      await new Promise((r) => setTimeout(r, 1000 + i * 500));
      const asked = Date.now();
      await injector.deliver(textMessage({ appId: config.feishu.appId, tenantKey: 't', verificationToken: config.feishu.verificationToken }, { sender: m, text: '帮助' }));
      while (control.messagesTo(m.openId).length === 0) await new Promise((r) => setTimeout(r, 10));
      latencies.push(Date.now() - asked);
    });
    for (;;) {
      const sent = await db.outboundMessage.count({ where: { businessKey: { startsWith: 'bench:' }, status: { not: 'PENDING' } } });
      if (sent >= RECIPIENTS) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const elapsed = (Date.now() - started) / 1000;
    await Promise.all(asks);

    const counts = users.map((u) => control.messagesTo(u.openId).length);
    const failed = await db.outboundMessage.count({ where: { businessKey: { startsWith: 'bench:' }, status: 'FAILED' } });
    const bulkRate = config.feishu.rateLimits.perSecond - config.feishu.rateLimits.interactiveReserve;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(
      [
        `fan-out on ${kind}: ${RECIPIENTS} recipients in ${elapsed.toFixed(1)} s`,
        `  floor at the fan-out budget (${bulkRate}/s): ${(RECIPIENTS / bulkRate).toFixed(1)} s → ratio ${(elapsed / (RECIPIENTS / bulkRate)).toFixed(3)}`,
        `  floor at Feishu's 50/s: ${(RECIPIENTS / 50).toFixed(1)} s → ratio ${(elapsed / (RECIPIENTS / 50)).toFixed(3)}`,
        `  429s from the emulator: ${control.rateLimitHits().length}; failed: ${failed}; lost: ${counts.filter((c) => c === 0).length}; duplicated: ${counts.filter((c) => c > 1).length}`,
        `  replies during the fan-out (${latencies.length}): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)} ms`,
      ].join('\n'),
    );
    await app.close();
    await workerQueues.close();
    await queues.close();
    await edge.close();
    await db.$disconnect();
    await emulator.close();
  } finally {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

for (const kind of BACKENDS) await run(kind);
// Pools of closed clients may keep timers a moment longer; a bench has nothing left to wait for.
process.exit(0);
