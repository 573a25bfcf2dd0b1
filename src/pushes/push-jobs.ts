// The push queues: `push-schedule` holds one BullMQ job scheduler per kind (cron + tz, upserted
// by every worker at start under a fixed id, so however many start there is one each), and
// `push-campaign` runs one job per (kind, period): fan out, then follow the sends until none is
// pending, then the admins' summary. Job ids come from (kind, period), so a campaign is queued
// once however many ticks, catch-ups, commands and CLI runs ask for it.
import { createHash } from 'node:crypto';
import { DelayedError, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { campaignSummaryCard } from '../bot/cards/push-summary-card.js';
import { cardTo } from '../bot/reply.js';
import type { WorkingDayCalendar } from '../domain/calendar/working-day-calendar.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { writeOutbox, enqueueSends } from '../pipeline/outbox.js';
import { fanOut, findCampaign, openCampaign, syncProgress, type CampaignRequest, type PushDeps } from './campaigns.js';
import { PUSH_KINDS, type PushKindName } from './push-kinds.js';
import { latestDueRun, type PushSchedule } from './schedules.js';

export const PUSH_QUEUES = { schedule: 'push-schedule', campaign: 'push-campaign' } as const;

const kindSchema = z.enum(PUSH_KINDS);
export const scheduleJobSchema = z.object({ kind: kindSchema });
export const campaignJobSchema = z.object({
  kind: kindSchema,
  period: z.string().min(4).max(10),
  trigger: z.enum(['SCHEDULE', 'MANUAL']),
  triggeredById: z.number().int().positive().optional(),
  options: z.object({ onlyWithoutVanguard: z.boolean().optional(), staleDays: z.number().int().min(1).max(90).optional() }).optional(),
});
export type CampaignJob = z.infer<typeof campaignJobSchema>;

const CAMPAIGN_JOB_OPTIONS: JobsOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
/** How often a running campaign looks at its sends. */
const PROGRESS_EVERY_MS = 1500;
/** A worker that was down this long still owes the run it missed (once). */
export const CATCH_UP_MS = 3 * 24 * 3600 * 1000;

export function campaignJobId(kind: PushKindName, period: string): string {
  return `push-${createHash('sha256').update(`${kind}|${period}`).digest('hex').slice(0, 32)}`;
}

/** Queues the campaign of (kind, period); a second request is the same job. */
export async function requestCampaign(queues: QueueBackend, request: CampaignRequest): Promise<void> {
  const { kind, period, trigger, triggeredById, options } = request;
  const data = campaignJobSchema.parse({ kind, period, trigger, ...(triggeredById ? { triggeredById } : {}), ...(options ? { options } : {}) });
  await queues.queue<CampaignJob>(PUSH_QUEUES.campaign).add('campaign', data, { ...CAMPAIGN_JOB_OPTIONS, jobId: campaignJobId(request.kind, request.period) });
}

/**
 * Every worker calls this at start: the fixed ids keep one scheduler per kind. Two workers
 * upserting at the same instant race on the scheduler's next job; the loser is told that job
 * exists, which means the winner declared the same schedule — nothing to do.
 */
export async function declarePushSchedules(queues: QueueBackend, schedules: readonly PushSchedule[], timeZone: string): Promise<void> {
  const queue = queues.queue<{ kind: PushKindName }>(PUSH_QUEUES.schedule);
  for (const schedule of schedules) {
    try {
      await queue.upsertJobScheduler(
        `push-${schedule.kind}`,
        { pattern: schedule.cron, tz: timeZone },
        { name: 'tick', data: { kind: schedule.kind }, opts: { removeOnComplete: 50, removeOnFail: 50 } },
      );
    } catch (err) {
      if (!(err instanceof Error && err.message.includes('job ID already exists'))) throw err;
    }
  }
}

export interface ScheduleDeps extends PushDeps {
  schedules: readonly PushSchedule[];
  calendar: WorkingDayCalendar;
  staleReviewDays?: number;
}

const SCHEDULED_SINCE_KEY = 'pushes.scheduledSince';

/**
 * When the schedules were first declared on this database: runs due before then were never owed
 * (a fresh install on the 27th does not send the 25th's reminder), runs after it always are.
 */
export async function scheduledSince(db: PushDeps['db'], now: Date): Promise<Date> {
  await db.setting.createMany({ data: [{ key: SCHEDULED_SINCE_KEY, value: now.toISOString() }], skipDuplicates: true });
  const row = await db.setting.findUniqueOrThrow({ where: { key: SCHEDULED_SINCE_KEY } });
  return new Date(String(row.value));
}

/**
 * A scheduler tick, or a worker catching up at start: finds the latest run of `kind` that was due
 * (a tick that fires late still finds its own) and queues its campaign unless it already exists.
 */
export async function runDue(deps: ScheduleDeps, kind: PushKindName): Promise<{ kind: PushKindName; period: string } | undefined> {
  const schedule = deps.schedules.find((s) => s.kind === kind);
  if (!schedule) return undefined;
  const now = (deps.now ?? (() => new Date()))();
  const since = await scheduledSince(deps.db, now);
  const lookback = Math.min(CATCH_UP_MS, now.getTime() - since.getTime() + 1);
  if (lookback <= 0) return undefined;
  const due = latestDueRun(schedule, now, lookback, { timeZone: deps.timeZone, calendar: deps.calendar });
  if (!due) return undefined;
  const existing = await findCampaign(deps.db, kind, due.period);
  if (existing && existing.status !== 'PENDING') return undefined;
  const options = kind === 'stale-reviews' && deps.staleReviewDays ? { options: { staleDays: deps.staleReviewDays } } : {};
  await requestCampaign(deps.queues, { kind, period: due.period, trigger: 'SCHEDULE', ...options });
  return { kind, period: due.period };
}

export async function catchUp(deps: ScheduleDeps): Promise<{ kind: PushKindName; period: string }[]> {
  const queued = [];
  for (const schedule of deps.schedules) {
    const run = await runDue(deps, schedule.kind);
    if (run) queued.push(run);
  }
  return queued;
}

/** What the campaign job does, each time it runs (it puts itself back while sends are pending). */
export async function runCampaignJob(
  deps: PushDeps,
  data: unknown,
  job: { moveToDelayed(timestamp: number, token?: string): Promise<void> },
  token: string | undefined,
): Promise<string> {
  const request = campaignJobSchema.parse(data);
  let { campaign } = await openCampaign(deps.db, request);
  if (campaign.status === 'PENDING') await fanOut(deps, request.kind, campaign);
  const progress = await syncProgress(deps.db, campaign.id);
  if (progress.pending > 0) {
    await job.moveToDelayed(Date.now() + PROGRESS_EVERY_MS, token);
    throw new DelayedError();
  }
  campaign = await deps.db.pushCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
  if (!campaign.summarySentAt) {
    // A daily stale-review run that found nothing waiting is no news for the admins.
    if (progress.sent + progress.failed > 0) await sendSummary(deps, request.kind, campaign.periodKey, progress);
    await deps.db.pushCampaign.update({ where: { id: campaign.id }, data: { summarySentAt: new Date() } });
  }
  return `${request.kind} ${campaign.periodKey}: ${progress.sent} sent, ${progress.failed} failed, ${progress.skipped} skipped`;
}

/** The end-of-campaign card to every active admin (business keys per admin: sent once). */
async function sendSummary(deps: PushDeps, kind: PushKindName, period: string, progress: Awaited<ReturnType<typeof syncProgress>>): Promise<void> {
  const admins = await deps.db.member.findMany({ where: { role: 'ADMIN', status: 'ACTIVE', openId: { not: null } }, select: { id: true, openId: true } });
  const items = admins.map((a) => ({
    businessKey: `push:${kind}:${period}:summary:${a.id}`,
    message: cardTo({ to: 'open_id', id: a.openId! }, campaignSummaryCard(kind, period, progress)),
  }));
  await writeOutbox(deps.db, items, 'interactive');
  await enqueueSends(deps.queues, items.map((i) => i.businessKey), 'interactive');
}
