// Builds the web application: infrastructure plugins, then the error handler, then routes.
// Listening happens in server.ts so tests can drive the app with inject().
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { actions as defaultActions } from './bot/actions/index.js';
import type { ActionDefinition } from './bot/actions/action.js';
import type { Config } from './config.js';
import { feishuWebhookRoutes } from './feishu/webhook.plugin.js';
import type { Logger } from './logger.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { infrastructurePlugin, type AppDeps } from './plugins/infrastructure.js';
import { exportRoutes } from './routes/exports.route.js';
import { healthRoutes } from './routes/health.route.js';
import { metricsRoutes } from './operability/metrics.route.js';
import { queueBoardRoutes } from './operability/queue-board.route.js';

export interface BuildAppOptions {
  logger: Logger;
  /** The card-action table; the bot's own by default (tests add their own actions). */
  actions?: readonly ActionDefinition[];
  /** The clock card actions read (`BotServices.now`); the system clock by default (tests set one). */
  now?: () => Date;
}

/** Feishu bodies are small; anything above 1 MB is refused with 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(config: Config, deps: AppDeps, options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Keep-alive sockets must not hold shutdown open; in-flight requests still finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  await app.register(infrastructurePlugin, { config, deps });
  await app.register(errorHandlerPlugin);
  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  await app.register(queueBoardRoutes);
  await app.register(feishuWebhookRoutes, { actions: options.actions ?? defaultActions, ...(options.now ? { now: options.now } : {}) });
  await app.register(exportRoutes);
  return app;
}
