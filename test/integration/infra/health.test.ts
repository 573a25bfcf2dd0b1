import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { createPrisma } from '../../../src/db/prisma.js';
import { createQueueBackend } from '../../../src/jobs/queue-backend.js';
import { createLogger } from '../../../src/logger.js';
import { useIsolated } from '../../helpers/isolated.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';
import { waitFor } from '../../helpers/wait-for.js';

const env = useIsolated();
const logger = createLogger('silent');

async function appWith(redisUrl: string | undefined): Promise<FastifyInstance> {
  const config = env.config({ REDIS_URL: redisUrl });
  const deps = {
    db: createPrisma(env.databaseUrl, { poolSize: 2 }),
    queues: createQueueBackend({ databaseUrl: env.databaseUrl, redisUrl, role: 'producer', prefix: env.redisPrefix }),
  };
  return buildApp(config, deps, { logger });
}

describe('health endpoints', () => {
  it('answers /healthz and /readyz with PostgreSQL only', async () => {
    const app = await appWith(undefined);
    try {
      expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
    } finally {
      await app.close();
    }
  });

  it('names an unreachable database', async () => {
    const config = env.config();
    const app = await buildApp(
      config,
      {
        db: createPrisma('postgresql://postgres@127.0.0.1:1/nowhere', { poolSize: 1 }),
        queues: createQueueBackend({ databaseUrl: 'postgresql://postgres@127.0.0.1:1/nowhere', role: 'producer' }),
      },
      { logger },
    );
    try {
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable', down: ['database'] });
    } finally {
      await app.close();
    }
  });

  describe('with Redis behind a proxy that can be cut', () => {
    const proxy = new TcpProxy('127.0.0.1', 6379);
    let app: FastifyInstance;
    beforeAll(async () => {
      await proxy.start();
      app = await appWith(`redis://127.0.0.1:${proxy.port}`);
    });
    afterAll(async () => {
      await app.close();
      await proxy.stop();
    });

    it('answers 200, then 503 naming Redis while it is down, then 200 again', async () => {
      await waitFor(async () => (await app.inject('/readyz')).statusCode === 200, { message: 'ready with Redis' });
      expect((await app.inject('/readyz')).json()).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });

      await proxy.stop();
      const down = await app.inject('/readyz');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable', down: ['redis'], checks: { database: 'ok', redis: 'down' } });
      expect((await app.inject('/healthz')).statusCode).toBe(200);

      await proxy.start();
      await waitFor(async () => (await app.inject('/readyz')).statusCode === 200, { message: 'Redis to recover', timeoutMs: 20_000 });
    });
  });
});
