// Liveness (`/healthz`: the process is up) and readiness (`/readyz`: the stores it needs
// answer) for load balancers and orchestrators.
import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../db/prisma.js';

type CheckResult = 'ok' | 'down';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const checks: Record<string, CheckResult> = {};
    const probes: [string, () => Promise<void>][] = [['database', () => pingDatabase(app.db)]];
    // On the PostgreSQL queue backend the database check already covers the queues.
    if (app.queues.kind === 'redis') probes.push(['redis', () => app.queues.ping()]);
    await Promise.all(
      probes.map(async ([name, probe]) => {
        try {
          await probe();
          checks[name] = 'ok';
        } catch (err) {
          checks[name] = 'down';
          request.log.warn({ check: name, err }, 'readiness check failed');
        }
      }),
    );
    const down = Object.keys(checks).filter((name) => checks[name] === 'down');
    if (down.length > 0) return reply.status(503).send({ status: 'unavailable', down, checks });
    return { status: 'ok', checks };
  });
}
