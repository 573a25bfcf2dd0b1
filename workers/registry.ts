// The worker set: which processors this process runs. Each processor lives in
// workers/processors/ and keeps its logic in src/pipeline or src/domain.
import type { CommandDefinition } from '../src/bot/commands/command.js';
import type { Config } from '../src/config.js';
import type { AppWorker } from '../src/jobs/queue-backend.js';
import type { Logger } from '../src/logger.js';
import type { EdgeServices } from '../src/pipeline/edge-services.js';
import type { AppDeps } from '../src/plugins/infrastructure.js';
import { evidencePhotoProcessor } from './processors/evidence-photo.js';
import { inboundProcessor } from './processors/inbound.js';
import { maintenanceProcessor } from './processors/maintenance.js';
import { outboundProcessor } from './processors/outbound.js';
import { pushProcessor } from './processors/pushes.js';
import { rosterUploadProcessor } from './processors/roster-upload.js';
import { botFilesProcessor } from './processors/bot-files.js';

export interface WorkerContext extends AppDeps {
  config: Config;
  logger: Logger;
  /** The Feishu client, shared send budget and bot identity (worker-side only). */
  edge: EdgeServices;
  /** Overrides of the bot's tables (tests). */
  bot?: { commands?: readonly CommandDefinition[] };
  /** The clock the bot's handlers read (`BotServices.now`); the system clock by default (tests set one). */
  now?: () => Date;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- workers of different job types live in one list
export type ProcessorModule = (context: WorkerContext) => AppWorker<any>[];

export const processorModules: ProcessorModule[] = [inboundProcessor, outboundProcessor, maintenanceProcessor, rosterUploadProcessor, botFilesProcessor, evidencePhotoProcessor, pushProcessor];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ProcessorModule
export function startWorkers(context: WorkerContext, modules: ProcessorModule[] = processorModules): AppWorker<any>[] {
  return modules.flatMap((start) => start(context));
}
