// The worker set: which processors this process runs. Each processor lives in
// workers/processors/ and keeps business rules in src/domain.
import type { Config } from '../src/config.js';
import type { AppWorker } from '../src/jobs/queue-backend.js';
import type { Logger } from '../src/logger.js';
import type { AppDeps } from '../src/plugins/infrastructure.js';

export interface WorkerContext extends AppDeps {
  config: Config;
  logger: Logger;
}

export type ProcessorModule = (context: WorkerContext) => AppWorker<never>[];

export const processorModules: ProcessorModule[] = [];

export function startWorkers(context: WorkerContext, modules: ProcessorModule[] = processorModules): AppWorker<never>[] {
  return modules.flatMap((start) => start(context));
}
