// Workers for the two sender queues. Separate queues with their own workers are the priority
// scheme: a reply never waits behind a campaign's backlog, only for a free budget slot.
import { outboundQueue, type OutboundJob, type OutboundLaneName } from '../../src/jobs/contracts.js';
import { sendOutboundJob } from '../../src/pipeline/send-outbound.js';
import type { ProcessorModule, WorkerContext } from '../registry.js';

/** In-flight sends per process and lane; the shared budget, not concurrency, sets the pace. */
const CONCURRENCY: Record<OutboundLaneName, number> = { interactive: 10, bulk: 25 };

function senderFor(ctx: WorkerContext, lane: OutboundLaneName) {
  const deps = { db: ctx.db, feishu: ctx.edge.feishu, budget: ctx.edge.budget, logger: ctx.logger };
  const worker = ctx.queues.worker<OutboundJob>(outboundQueue(lane), (job, token) => sendOutboundJob(deps, job, token, lane), {
    concurrency: CONCURRENCY[lane],
  });
  worker.on('failed', (job, err) => ctx.logger.warn({ jobId: job?.id, lane, err }, 'send job failed'));
  return worker;
}

export const outboundProcessor: ProcessorModule = (ctx) => [senderFor(ctx, 'interactive'), senderFor(ctx, 'bulk')];
