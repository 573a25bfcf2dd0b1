// Worker for `bot-files`: evaluation template and upload, Excel exports, star announcements; the logic is
// in src/pipeline/bot-files.ts.
import { QUEUES, type BotFileJob } from '../../src/jobs/contracts.js';
import { runBotFileJob } from '../../src/pipeline/bot-files.js';
import type { ProcessorModule } from '../registry.js';

export const botFilesProcessor: ProcessorModule = (ctx) => {
  const deps = { db: ctx.db, queues: ctx.queues, feishu: ctx.edge.feishu, timeZone: ctx.config.timeZone };
  // Two at a time: workbooks of a whole committee are CPU-heavy, and the machine is shared with the web app.
  const worker = ctx.queues.worker<BotFileJob>(QUEUES.botFiles, (job) => runBotFileJob(deps, job.data), { concurrency: 2 });
  worker.on('failed', (job, err) => ctx.logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err }, 'bot-files job failed'));
  return [worker];
};
