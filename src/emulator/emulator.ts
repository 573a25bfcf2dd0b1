// buildEmulator(): a Fastify app speaking the Feishu Open API subset Vanguard uses; listen on it separately.
import Fastify, { type FastifyInstance } from 'fastify';
import { createContext } from './context.js';
import { EmulatorControl } from './control.js';
import { codeOf, endpointOf, sendError } from './http.js';
import { registerBatchRoutes } from './routes-batch.js';
import { registerCardRoutes } from './routes-cards.js';
import { registerContactRoutes } from './routes-contact.js';
import { registerControlRoutes } from './routes-control.js';
import { registerMediaRoutes } from './routes-media.js';
import { registerMessageRoutes } from './routes-messages.js';
import type { EmulatorOptions } from './types.js';

export type EmulatorApp = FastifyInstance & { emulator: EmulatorControl };

export function buildEmulator(options: EmulatorOptions): EmulatorApp {
  const ctx = createContext(options);
  const control = new EmulatorControl(ctx);
  const app = Fastify({
    logger: options.logger ?? false,
    // Hung "accept then time out" connections must not keep close() waiting.
    forceCloseConnections: true,
  });

  app.addHook('onResponse', async (request, reply) => {
    const endpoint = endpointOf(request);
    if (!endpoint) return;
    ctx.calls.push({
      at: ctx.now(),
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      endpoint,
      status: reply.statusCode,
      code: codeOf(request),
    });
  });

  // Fastify's own parse errors (bad JSON, body too large) in Feishu's envelope rather than Fastify's.
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return sendError(request, reply, { http: status, code: status === 500 ? 2200 : 9499, msg: status === 500 ? 'Internal Error' : error.message });
  });

  registerContactRoutes(app, ctx);
  registerMessageRoutes(app, ctx);
  registerCardRoutes(app, ctx);
  registerBatchRoutes(app, ctx);
  registerMediaRoutes(app, ctx);
  registerControlRoutes(app, control);

  app.decorate('emulator', control);
  return app as typeof app & { emulator: EmulatorControl };
}
