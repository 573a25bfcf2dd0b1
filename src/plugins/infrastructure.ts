// Decorates the app with its infrastructure (config, database, queues) and closes what it
// owns when the app closes, after in-flight requests have finished.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Db } from '../db/prisma.js';
import type { QueueBackend } from '../jobs/queue-backend.js';

export interface AppDeps {
  db: Db;
  queues: QueueBackend;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    queues: QueueBackend;
  }
}

export const infrastructurePlugin = fp<{ config: Config; deps: AppDeps }>(
  async (app: FastifyInstance, { config, deps }) => {
    app.decorate('config', config);
    app.decorate('db', deps.db);
    app.decorate('queues', deps.queues);
    app.addHook('onClose', async () => {
      await deps.queues.close();
      await deps.db.$disconnect();
    });
  },
  { name: 'infrastructure' },
);
