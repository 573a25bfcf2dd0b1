// Workers for the scheduled pushes (src/pushes): declare the schedules and catch up on a run
// missed while down, then serve the scheduler ticks and the campaign jobs.
import type { CampaignJob } from '../../src/pushes/push-jobs.js';
import { catchUp, declarePushSchedules, PUSH_QUEUES, runCampaignJob, runDue, scheduleJobSchema, type ScheduleDeps } from '../../src/pushes/push-jobs.js';
import { loadCalendar, loadPushSettings } from '../../src/pushes/push-settings.js';
import type { PushSchedule } from '../../src/pushes/schedules.js';
import type { WorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.js';
import type { ProcessorModule, WorkerContext } from '../registry.js';

export interface PushProcessorOptions {
  /** The clock (tests run schedules on a fake one). */
  now?: () => Date;
  schedules?: readonly PushSchedule[];
  calendar?: WorkingDayCalendar;
  /** Called once the schedules are declared and the catch-up queued. */
  onReady?: (queued: { kind: string; period: string }[]) => void;
}

async function boot(ctx: WorkerContext, options: PushProcessorOptions): Promise<ScheduleDeps> {
  const settings = await loadPushSettings();
  const deps: ScheduleDeps = {
    db: ctx.db,
    queues: ctx.queues,
    timeZone: ctx.config.timeZone,
    ...(options.now ? { now: options.now } : {}),
    schedules: options.schedules ?? settings.schedules,
    staleReviewDays: settings.staleReviewDays,
    calendar: options.calendar ?? (await loadCalendar()),
  };
  await declarePushSchedules(ctx.queues, deps.schedules, deps.timeZone);
  const queued = await catchUp(deps);
  if (queued.length > 0) ctx.logger.info({ queued }, 'push runs missed while down queued');
  options.onReady?.(queued);
  return deps;
}

export function createPushProcessor(options: PushProcessorOptions = {}): ProcessorModule {
  return (ctx) => {
    const ready = boot(ctx, options);
    ready.catch((err: unknown) => ctx.logger.error({ err }, 'push schedules not declared'));
    const ticks = ctx.queues.worker(
      PUSH_QUEUES.schedule,
      async (job) => runDue(await ready, scheduleJobSchema.parse(job.data).kind),
      { concurrency: 1 },
    );
    const campaigns = ctx.queues.worker<CampaignJob>(
      PUSH_QUEUES.campaign,
      async (job, token) => runCampaignJob(await ready, job.data, job, token),
      { concurrency: 2 },
    );
    campaigns.on('failed', (job, err) => ctx.logger.warn({ jobId: job?.id, err }, 'push campaign job failed'));
    campaigns.on('completed', (job, result) => ctx.logger.info({ jobId: job.id, result }, 'push campaign finished'));
    return [ticks, campaigns];
  };
}

export const pushProcessor: ProcessorModule = createPushProcessor();
