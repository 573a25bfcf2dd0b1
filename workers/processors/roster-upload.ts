// Worker for `roster-upload`: a roster file an admin sent in chat; the logic is in src/pipeline/roster-upload.ts.
import { QUEUES, type RosterUploadJob } from '../../src/jobs/contracts.js';
import { runRosterUpload } from '../../src/pipeline/roster-upload.js';
import type { ProcessorModule } from '../registry.js';

export const rosterUploadProcessor: ProcessorModule = (ctx) => {
  const deps = { db: ctx.db, queues: ctx.queues, feishu: ctx.edge.feishu };
  // One at a time: imports serialise on a lock anyway, and a roster is a rare, large job.
  const worker = ctx.queues.worker<RosterUploadJob>(QUEUES.rosterUpload, (job) => runRosterUpload(deps, job.data), { concurrency: 1 });
  worker.on('failed', (job, err) => ctx.logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err }, 'roster upload job failed'));
  return [worker];
};
