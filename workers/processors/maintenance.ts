// Worker for `maintenance`: declares the sweep's schedule and runs it (src/pipeline/maintenance.ts).
import { QUEUES, maintenanceJobSchema } from '../../src/jobs/contracts.js';
import { dedupeRetentionMs, scheduleMaintenance, sweep } from '../../src/pipeline/maintenance.js';
import type { ProcessorModule } from '../registry.js';

export const maintenanceProcessor: ProcessorModule = (ctx) => {
  scheduleMaintenance(ctx.queues).catch((err: unknown) => ctx.logger.error({ err }, 'maintenance schedule not declared'));
  const worker = ctx.queues.worker(
    QUEUES.maintenance,
    async (job) => {
      maintenanceJobSchema.parse(job.data);
      const report = await sweep({ db: ctx.db, queues: ctx.queues, retentionMs: dedupeRetentionMs(ctx.config) });
      ctx.logger.info({ report }, 'maintenance sweep');
      return report;
    },
    { concurrency: 1 },
  );
  return [worker];
};
