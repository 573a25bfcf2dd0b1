// Worker process entry (`npm run worker`): same config and shutdown discipline as the web
// process. SIGTERM lets in-flight jobs (sends included) finish; the rest stay queued.
import { createEdgeServices } from '../src/pipeline/edge-services.js';
import { createDeps, createProcessLogger, loadConfigOrExit, onShutdown } from '../src/runtime.js';
import { startWorkers } from './registry.js';

const config = loadConfigOrExit();
const logger = createProcessLogger(config, 'worker');
const deps = createDeps(config, 'worker', logger);
const edge = createEdgeServices(config, deps.db, { logger });
// Reports a lost queue store while idle; it also keeps the process alive with no jobs.
const heartbeat = setInterval(() => {
  deps.queues.ping().catch((err: unknown) => logger.warn({ err }, 'queue store unreachable'));
}, 30_000);
onShutdown(logger, async () => {
  clearInterval(heartbeat);
  // Workers first: close() waits for the jobs they hold, so no send is cut in half.
  await deps.queues.close();
  await edge.close();
  await deps.db.$disconnect();
  logger.info('workers stopped');
});
const workers = startWorkers({ ...deps, config, logger, edge });
logger.info({ workers: workers.length, backend: deps.queues.kind }, 'workers started');
