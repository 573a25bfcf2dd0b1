// Worker process entry (`npm run worker`): same config and shutdown discipline as the web
// process. SIGTERM lets in-flight jobs finish; the rest stay queued for the next start.
import { createDeps, createProcessLogger, loadConfigOrExit, onShutdown } from '../src/runtime.js';
import { startWorkers } from './registry.js';

const config = loadConfigOrExit();
const logger = createProcessLogger(config, 'worker');
const deps = createDeps(config, 'worker', logger);
const workers = startWorkers({ ...deps, config, logger });
logger.info({ workers: workers.length, backend: deps.queues.kind }, 'workers started');
onShutdown(logger, async () => {
  await deps.queues.close();
  await deps.db.$disconnect();
  logger.info('workers stopped');
});
