// kill -9 in the middle of a 500-recipient campaign, a fresh worker stopped with SIGTERM half-way,
// then a third: every recipient gets exactly one reminder, the campaign completes with 500 sent,
// the admins get one summary.
// Run per queue backend (one file each, so each has its own database).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { startEntry, type RunningProcess } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';
import { processEnv, received, runPushCli, seedRoster, type Roster } from './push-harness.js';

const RECIPIENTS = 500;
const TITLE = '本月提醒';

export function crashScenario(backend: 'postgres' | 'redis'): void {
  const env = useIsolated();
  let emulator: RunningEmulator;
  let roster: Roster;
  const running: RunningProcess[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    roster = await seedRoster(env.db, emulator, RECIPIENTS, `crash${backend}`);
  });
  afterAll(async () => {
    for (const p of running) p.child.kill('SIGKILL');
    await emulator?.close();
  });

  const reminded = () => roster.members.filter((m) => received(emulator, m.openId, TITLE).length > 0).length;
  const startWorker = async () => {
    const worker = startEntry('workers/main.ts', processEnv(env, emulator, backend));
    running.push(worker);
    await waitFor(() => worker.output().includes('workers started'), { message: 'workers up', timeoutMs: 60_000 });
    return worker;
  };

  it(`sends exactly ${RECIPIENTS} reminders across a SIGKILL, a SIGTERM and two restarts`, { timeout: 300_000 }, async () => {
    const first = await startWorker();
    const cli = await runPushCli(['monthly-reminder', '--period', '2026-10'], processEnv(env, emulator, backend));
    expect(cli.output).toContain(`${RECIPIENTS} recipients`);
    expect(cli.code).toBe(0);

    await waitFor(() => reminded() >= 100, { message: '100 reminders out', timeoutMs: 60_000, intervalMs: 5 });
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = reminded();
    expect(atKill).toBeLessThan(RECIPIENTS);

    // The second worker is stopped politely half-way: it finishes the sends it holds and exits 0.
    const second = await startWorker();
    await waitFor(() => reminded() >= 300, { message: '300 reminders out', timeoutMs: 180_000, intervalMs: 5 });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('workers stopped');
    const pending = await env.db.pushDelivery.count({ where: { campaign: { periodKey: '2026-10' }, status: 'PENDING' } });
    expect(pending).toBeGreaterThan(0);

    await startWorker();
    const done = await waitFor(
      async () => {
        const c = await env.db.pushCampaign.findFirst({ where: { kind: 'MONTHLY_REMINDER', periodKey: '2026-10' } });
        return c?.status === 'COMPLETED' && c.summarySentAt ? c : undefined;
      },
      { message: 'the campaign to complete', timeoutMs: 240_000, intervalMs: 200 },
    );
    const counts = roster.members.map((m) => received(emulator, m.openId, TITLE).length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(done).toMatchObject({ totalCount: RECIPIENTS, sentCount: RECIPIENTS, failedCount: 0, skippedCount: 0 });
    await waitFor(() => received(emulator, roster.admin.openId, '推送完成').length === 1, { message: 'the admin summary' });
    expect(received(emulator, roster.admin.openId, '推送完成')[0]).toContain(`已送达 **${RECIPIENTS}**`);
    expect(await env.db.outboundMessage.count({ where: { businessKey: { startsWith: 'push:monthly-reminder:2026-10:member:' } } })).toBe(RECIPIENTS);
  });
}
