// Schedules at boot, on both queue backends: four workers starting at once leave one job
// scheduler per kind (firing at 09:00 Shanghai), and workers that were down when a reminder was
// due send it once when they come back — however many come back, and again after a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueueBackend, type QueueBackend } from '../../../src/jobs/queue-backend.js';
import { campaignJobId, PUSH_QUEUES } from '../../../src/pushes/push-jobs.js';
import { pushSchedules } from '../../../src/pushes/schedules.js';
import { createWorkingDayCalendar } from '../../../src/domain/calendar/working-day-calendar.js';
import { createPushProcessor } from '../../../workers/processors/pushes.js';
import { outboundProcessor } from '../../../workers/processors/outbound.js';
import { startWorkers } from '../../../workers/registry.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { BACKENDS, logger, startEdge, type Edge } from '../edge/harness.js';
import { received, seedRoster, type Roster } from './push-harness.js';

const env = useIsolated();
const calendar = createWorkingDayCalendar();
const schedules = pushSchedules();

describe.each(BACKENDS)('push schedules, queues on %s', (backend) => {
  let edge: Edge;
  let roster: Roster;
  const extraBackends: QueueBackend[] = [];

  beforeAll(async () => {
    edge = await startEdge(env, backend, { processors: [outboundProcessor] });
    // One database for the file: the other backend's campaign, roster and first boot go first.
    await env.db.pushCampaign.deleteMany();
    await env.db.member.deleteMany({ where: { employeeNo: { startsWith: 'sched' } } });
    await env.db.setting.deleteMany({ where: { key: 'pushes.scheduledSince' } });
    roster = await seedRoster(env.db, edge.emulator, 12, `sched${backend}`);
  });
  afterAll(async () => {
    await Promise.all(extraBackends.map((b) => b.close()));
    await edge?.close();
  });

  /** `n` worker processes' push modules booting at once, each with its own connections, on a fake clock. */
  async function bootWorkers(n: number, now: Date): Promise<void> {
    const ready: Promise<unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const queues = createQueueBackend({ databaseUrl: env.databaseUrl, redisUrl: edge.config.redisUrl, role: 'worker', prefix: env.redisPrefix });
      extraBackends.push(queues);
      ready.push(
        new Promise((onReady) => {
          startWorkers({ db: edge.db, queues, config: edge.config, logger, edge: edge.edge }, [createPushProcessor({ now: () => now, schedules, calendar, onReady })]);
        }),
      );
    }
    await Promise.all(ready);
  }

  it('leaves one scheduler per kind when four workers boot at once, each firing at 09:00 Shanghai', async () => {
    // First boot ever on this database: nothing is owed yet.
    await bootWorkers(4, new Date('2026-11-20T00:00:00Z'));
    const queue = edge.queues.queue(PUSH_QUEUES.schedule);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(schedules.map((s) => `push-${s.kind}`).sort());
    expect(await queue.getJobSchedulersCount()).toBe(schedules.length);
    const reminder = schedulers.find((s) => s.key === 'push-monthly-reminder')!;
    expect(reminder).toMatchObject({ pattern: '0 9 25 * *', tz: 'Asia/Shanghai' });
    expect(new Date(reminder.next!).getUTCHours()).toBe(1);
    expect(new Date(reminder.next!).getUTCDate()).toBe(25);
    expect(await env.db.pushCampaign.count()).toBe(0);
  });

  it('runs the reminder missed while down once, however many workers come back, and not again after a restart', async () => {
    // Down from the 24th to the 27th: the 25th's reminder is owed.
    const back = new Date('2026-11-27T03:00:00Z');
    await bootWorkers(4, back);
    const title = '本月提醒 · 2026年11月';
    await waitFor(() => roster.members.every((m) => received(edge.emulator, m.openId, title).length === 1), { message: 'the late reminders', timeoutMs: 30_000 });
    await waitFor(async () => (await env.db.pushCampaign.findFirst({ where: { periodKey: '2026-11' } }))?.status === 'COMPLETED', { message: 'completion' });

    await bootWorkers(2, new Date('2026-11-27T05:00:00Z'));
    // The scheduler's own tick for that run, arriving late too, finds the campaign and adds nothing.
    const campaignQueue = edge.queues.queue(PUSH_QUEUES.campaign);
    await edge.queues.queue(PUSH_QUEUES.schedule).add('tick', { kind: 'monthly-reminder' });
    await waitFor(async () => (await edge.queues.queue(PUSH_QUEUES.schedule).getJobCounts('waiting', 'active')).waiting === 0, { message: 'the tick' });
    await waitFor(async () => (await campaignQueue.getJobCounts('waiting', 'active', 'delayed')).active === 0, { message: 'campaign jobs idle' });

    const campaigns = await env.db.pushCampaign.findMany({ where: { kind: 'MONTHLY_REMINDER' } });
    expect(campaigns.map((c) => [c.periodKey, c.trigger, c.sentCount])).toEqual([['2026-11', 'SCHEDULE', roster.members.length]]);
    expect(roster.members.map((m) => received(edge.emulator, m.openId, title).length)).toEqual(roster.members.map(() => 1));
    expect(await campaignQueue.getJob(campaignJobId('monthly-reminder', '2026-11'))).toBeTruthy();
  });
});
