// Bench: a fan-out to N recipients through the queued sender against the emulator at Feishu's
// limits, with members asking the bot for help meanwhile. Prints the fan-out's time against the
// floor its budget allows, 429s, failures, duplicates, and how long the replies took.
// Run: npx tsx bench/fanout-replies.ts [--recipients=1000] [--backend=postgres|redis|both] [--per-minute=3000]
import { randomBytes } from 'node:crypto';
import { textTo } from '../src/bot/reply.js';
import { migrateDatabase } from '../src/db/migrations.js';
import { textMessage } from '../src/emulator/event-builders.js';
import { enqueueOutgoing } from '../src/pipeline/outbox.js';
import { seedUsers } from '../test/helpers/feishu-emulator.js';
import { databaseUrl, testConfig, TEST_REDIS_URL } from '../test/helpers/test-env.js';
import { withAdmin } from '../test/helpers/databases.js';
import { startEdge } from '../test/integration/edge/harness.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const RECIPIENTS = Number(args.recipients ?? 1000);
const PER_MINUTE = Number(args['per-minute'] ?? 3000);
const BACKENDS = (args.backend ?? 'both') === 'both' ? (['postgres', 'redis'] as const) : ([args.backend] as ['postgres' | 'redis']);

async function run(kind: 'postgres' | 'redis'): Promise<void> {
  const name = `vg_bench_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const prefix = `vgbench_${randomBytes(4).toString('hex')}`;
  try {
    await migrateDatabase(url);
    // The minute limit is raised (as on larger plans) so that 50/s is what binds, as in issue 8.
    const env = { databaseUrl: url, redisUrl: TEST_REDIS_URL, redisPrefix: prefix, config: (o: Record<string, string | undefined> = {}) => testConfig({ DATABASE_URL: url, ...o }) };
    const edge = await startEdge(env, kind, { emulator: { limits: { appPerMinute: PER_MINUTE } }, env: { FEISHU_RATE_PER_MINUTE: String(PER_MINUTE) } });
    const { db, queues, config, injector } = edge;
    const control = edge.emulator.app.emulator;

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
    await edge.close();
  } finally {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

for (const kind of BACKENDS) await run(kind);
// Pools of closed clients may keep timers a moment longer; a bench has nothing left to wait for.
process.exit(0);
