import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startEntry, type RunningProcess } from '../../helpers/processes.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';

const env = useIsolated();
const running: RunningProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.child.kill('SIGKILL');
});

function baseEnv(extra: Record<string, string | undefined> = {}) {
  return {
    FEISHU_APP_ID: 'cli_test',
    FEISHU_APP_SECRET: 'secret',
    FEISHU_VERIFICATION_TOKEN: 'vt',
    DATABASE_URL: env.databaseUrl,
    ADMIN_TOKEN: 'an-admin-token-long-enough',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    ...extra,
  };
}

describe('process entry points', () => {
  it('refuses to start with two invalid variables, naming both, and exits non-zero', async () => {
    const proc = startEntry('src/server.ts', baseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' }));
    running.push(proc);
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/PORT must be a number/);
    expect(proc.output()).toMatch(/DATABASE_URL must be a URL starting with postgres:\/\//);
  });

  it('serves health and readiness, then shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const proc = startEntry('src/server.ts', baseEnv({ PORT: String(port), REDIS_URL: env.redisUrl }));
    running.push(proc);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(() => fetch(`${base}/healthz`).then((r) => r.ok), { message: 'server up', timeoutMs: 30_000 });
    const ready = await waitFor(async () => {
      const r = await fetch(`${base}/readyz`);
      return r.status === 200 ? r.json() : undefined;
    });
    expect(ready).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/shutting down/);
    expect(proc.output()).not.toContain('an-admin-token-long-enough');
  });

  it('starts the workers and stops them on SIGTERM', async () => {
    const proc = startEntry('workers/main.ts', baseEnv());
    running.push(proc);
    await waitFor(() => proc.output().includes('workers started'), { message: 'workers up', timeoutMs: 30_000 });
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/workers stopped/);
  });
});
