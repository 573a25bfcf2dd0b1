// Worker for `evidence-photo`: a photo sent after a claim; the logic is in src/pipeline/evidence-photo.ts.
import { QUEUES, type EvidencePhotoJob } from '../../src/jobs/contracts.js';
import { runEvidencePhoto } from '../../src/pipeline/evidence-photo.js';
import type { ProcessorModule } from '../registry.js';

export const evidencePhotoProcessor: ProcessorModule = (ctx) => {
  const deps = { db: ctx.db, queues: ctx.queues, feishu: ctx.edge.feishu, timeZone: ctx.config.timeZone };
  const worker = ctx.queues.worker<EvidencePhotoJob>(QUEUES.evidencePhoto, (job) => runEvidencePhoto(deps, job.data), { concurrency: 2 });
  worker.on('failed', (job, err) => ctx.logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err }, 'evidence photo job failed'));
  return [worker];
};
