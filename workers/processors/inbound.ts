// Worker for `feishu-inbound`: one job per inbound event; the logic is in src/pipeline.
import { commands } from '../../src/bot/commands/index.js';
import { otherInputs } from '../../src/bot/others/index.js';
import { QUEUES, type InboundJob } from '../../src/jobs/contracts.js';
import { processInboundJob } from '../../src/pipeline/process-event.js';
import type { ProcessorModule } from '../registry.js';

export const inboundProcessor: ProcessorModule = (ctx) => {
  const deps = {
    db: ctx.db,
    queues: ctx.queues,
    botOpenId: ctx.edge.botOpenId,
    bot: { commands: ctx.bot?.commands ?? commands, others: otherInputs, onError: (err: unknown) => ctx.logger.error({ err }, 'command failed') },
    timeZone: ctx.config.timeZone,
    ...(ctx.now ? { now: ctx.now } : {}),
  };
  const worker = ctx.queues.worker<InboundJob>(QUEUES.inbound, (job) => processInboundJob(deps, job.data), { concurrency: 4 });
  worker.on('failed', (job, err) => ctx.logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err }, 'inbound event job failed'));
  return [worker];
};
