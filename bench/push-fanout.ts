// Bench: a push campaign to N recipients (default 5,000) through the whole push path — campaign,
// deliveries, outbox, bulk sender, shared budget — against the emulator at Feishu's 50/s. Prints
// the time against the 100 s floor of 5,000 at 50/s, failed deliveries and duplicates.
//
// Feishu's 1000/min budget alone would make 5,000 take five minutes, so this run raises the
// per-minute limit (emulator and budget) to let 50/s bind, and gives fan-out the whole 50/s
// (no interactive reserve: nobody talks to the bot during the bench). Both are printed.
import { randomBytes } from 'node:crypto';
import { createPrisma } from '../src/db/prisma.js';
import { migrateDatabase } from '../src/db/migrations.js';
import { createQueueBackend } from '../src/jobs/queue-backend.js';
import { createLogger } from '../src/logger.js';
import { createEdgeServices } from '../src/pipeline/edge-services.js';
import { requestCampaign } from '../src/pushes/push-jobs.js';
import { outboundProcessor } from '../workers/processors/outbound.js';
import { createPushProcessor } from '../workers/processors/pushes.js';
import { startWorkers } from '../workers/registry.js';
import { startEmulator } from '../test/helpers/feishu-emulator.js';
import { databaseUrl, testConfig, TEST_REDIS_URL } from '../test/helpers/test-env.js';
import { withAdmin } from '../test/helpers/databases.js';

export interface PushFanoutResult {
  lines: string[];
}

export async function benchPushFanout(options: { recipients: number; backend: 'postgres' | 'redis'; perSecond?: number }): Promise<PushFanoutResult> {
  const { recipients, backend } = options;
  const perSecond = options.perSecond ?? 50;
  const perMinute = perSecond * 60;
  const name = `vg_bench_push_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const prefix = `vgbenchpush_${randomBytes(4).toString('hex')}`;
  const redisUrl = backend === 'redis' ? TEST_REDIS_URL : undefined;
  const logger = createLogger('silent');
  try {
    await migrateDatabase(url);
    const emulator = await startEmulator({ limits: { appPerSecond: perSecond, appPerMinute: perMinute } });
    const control = emulator.app.emulator;
    const config = testConfig({
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      FEISHU_DOMAIN: emulator.baseUrl,
      FEISHU_RATE_PER_SECOND: String(perSecond),
      FEISHU_RATE_PER_MINUTE: String(perMinute),
      FEISHU_RATE_INTERACTIVE_RESERVE: '0',
    });
    const db = createPrisma(url, { poolSize: 20 });
    const committee = await db.committee.create({ data: { code: 'bench', name: '党委' } });
    const branch = await db.branch.create({ data: { code: 'bench', name: '支部', committeeId: committee.id } });
    const rows = Array.from({ length: recipients }, (_, i) => ({ employeeNo: `B${i}`, name: `党员${i}`, branchId: branch.id, openId: `ou_bench_${i}` }));
    await db.member.createMany({ data: rows });
    for (const r of rows) control.addUser({ openId: r.openId, name: r.name });

    const queues = createQueueBackend({ databaseUrl: url, redisUrl, role: 'producer', prefix });
    const workerQueues = createQueueBackend({ databaseUrl: url, redisUrl, role: 'worker', prefix });
    const edge = createEdgeServices(config, db, { logger, keyPrefix: `${prefix}:` });
    startWorkers({ db, queues: workerQueues, config, logger, edge }, [outboundProcessor, createPushProcessor({ schedules: [] })]);

    const started = Date.now();
    await requestCampaign(queues, { kind: 'monthly-reminder', period: '2026-11', trigger: 'MANUAL' });
    for (;;) {
      const campaign = await db.pushCampaign.findFirst({ where: { periodKey: '2026-11' } });
      if (campaign?.status === 'COMPLETED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // The last send's result is what the campaign waits for; its own 1.5 s poll is not the sender's time.
    const lastSent = await db.outboundMessage.aggregate({ where: { businessKey: { startsWith: 'push:' } }, _max: { sentAt: true } });
    const elapsed = ((lastSent._max.sentAt?.getTime() ?? Date.now()) - started) / 1000;
    const counts = rows.map((r) => control.messagesTo(r.openId).length);
    const failed = await db.pushDelivery.count({ where: { status: 'FAILED' } });
    const floor = recipients / perSecond;
    const lines = [
      `push fan-out on ${backend}: ${recipients} recipients in ${elapsed.toFixed(1)} s (per-minute raised to ${perMinute}, no interactive reserve)`,
      `  floor at ${perSecond}/s: ${floor.toFixed(1)} s → ratio ${(elapsed / floor).toFixed(3)}`,
      `  failed deliveries: ${failed}; lost: ${counts.filter((c) => c === 0).length}; duplicated: ${counts.filter((c) => c > 1).length}; 429s: ${control.rateLimitHits().length}`,
    ];
    await workerQueues.close();
    await queues.close();
    await edge.close();
    await db.$disconnect();
    await emulator.close();
    return { lines };
  } finally {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

// `npx tsx bench/push-fanout.ts [--recipients=5000] [--backend=redis|postgres]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
  const result = await benchPushFanout({ recipients: Number(args.recipients ?? 5000), backend: (args.backend ?? 'redis') as 'postgres' | 'redis' });
  console.log(result.lines.join('\n'));
  process.exit(0);
}
