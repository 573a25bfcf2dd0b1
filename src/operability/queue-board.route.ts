// Bull Board at /admin/queues, behind ADMIN_TOKEN: every queue the workers serve, on either backend.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import { requireAdminToken } from './admin-auth.js';
import { KNOWN_QUEUES } from './known-queues.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

export async function queueBoardRoutes(app: FastifyInstance): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: KNOWN_QUEUES.map((name) => new BullMQAdapter(app.queues.queue(name) as never)),
    serverAdapter,
  });
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  // Encapsulated: the hook guards the board's pages, assets and API, and nothing else.
  await app.register(async (scope) => {
    scope.addHook('onRequest', requireAdminToken(app.config.adminToken));
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
