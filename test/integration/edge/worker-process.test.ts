// The real worker entry point (`npm run worker`) against the emulator: it sends what is queued,
// and on SIGTERM it finishes the send in flight before exiting.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textTo } from '../../../src/bot/reply.js';
import { QUEUES } from '../../../src/jobs/contracts.js';
import { createQueueBackend, type QueueBackend } from '../../../src/jobs/queue-backend.js';
import { enqueueOutgoing } from '../../../src/pipeline/outbox.js';
import { seedUsers, startEmulator, TEST_APP, type RunningEmulator } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { startEntry, type RunningProcess } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';

const env = useIsolated();

let emulator: RunningEmulator;
let queues: QueueBackend;
const running: RunningProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  queues = createQueueBackend({ databaseUrl: env.databaseUrl, role: 'producer' });
});
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
});
afterAll(async () => {
  await queues?.close();
  await emulator?.close();
});

describe('worker process (queues on PostgreSQL)', () => {
  it('finishes the send in flight on SIGTERM, then exits cleanly', async () => {
    const [user] = seedUsers(1, 'proc');
    emulator.app.emulator.addUser(user!);
    const worker = startEntry('workers/main.ts', {
      FEISHU_APP_ID: TEST_APP.appId,
      FEISHU_APP_SECRET: TEST_APP.appSecret,
      FEISHU_VERIFICATION_TOKEN: 'vt',
      FEISHU_DOMAIN: emulator.baseUrl,
      DATABASE_URL: env.databaseUrl,
      ADMIN_TOKEN: 'an-admin-token-long-enough',
      LOG_LEVEL: 'info',
    });
    running.push(worker);
    await waitFor(() => worker.output().includes('workers started'), { message: 'workers up', timeoutMs: 30_000 });

    // Feishu is slow today: the send is still in flight when the signal arrives.
    emulator.app.emulator.faults.set('im.message.create', { latencyMs: 1500 });
    const [key] = await enqueueOutgoing({ db: env.db, queues }, [textTo({ to: 'open_id', id: user!.openId }, '关机前送达')], { businessKeyPrefix: 'shutdown' });
    await waitFor(async () => (await queues.queue(QUEUES.outboundInteractive).getJobCounts('active')).active === 1, { message: 'the send to start' });
    await waitFor(() => emulator.app.emulator.calls('auth.tenant_token').length > 0, { message: 'the token fetch' });

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toMatch(/workers stopped/);
    expect(await env.db.outboundMessage.findUnique({ where: { businessKey: key! } })).toMatchObject({ status: 'SENT' });
    expect(emulator.app.emulator.messagesTo(user!.openId)).toHaveLength(1);
    expect(worker.output()).not.toContain(TEST_APP.appSecret);
  });
});
