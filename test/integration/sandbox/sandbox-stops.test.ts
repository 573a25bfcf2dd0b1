// Where the sandbox stops before it is ready: Ctrl-C while it starts stops what already started
// (the embedded database included); and as root with the sandbox folder under a directory the
// `postgres` OS user cannot enter, it says exactly why and the one command that fixes it, with
// no stack trace (only meaningful as root; CI runs as root).
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningAsRoot } from '../../../src/sandbox/pg-os-user.js';
import { waitFor } from '../../helpers/wait-for.js';
import { cleanUp, makeSandboxHome, pickPorts, runSandbox, type SandboxRun } from './sandbox-process.js';

describe('npm run sandbox, stopped before it is ready', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  }, 60_000);

  it('stops what it started when Ctrl-C comes during the start', async () => {
    const home = await makeSandboxHome();
    const ports = await pickPorts();
    const run: SandboxRun = runSandbox(home, ports);
    cleanups.push(() => cleanUp(home, run, ports));
    await waitFor(() => run.output().includes('PostgreSQL 18 (embedded'), { timeoutMs: 60_000, message: 'the database to start' });
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Stopped.');
    expect(existsSync(join(home, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(home, 'sandbox.lock'))).toBe(false);
  }, 120_000);

  it.runIf(runningAsRoot())('as root under a closed folder: names the folder and prints the chmod that fixes it', async () => {
    const closed = await mkdtemp(join(tmpdir(), 'vg-closed-'));
    cleanups.push(() => rm(closed, { recursive: true, force: true }));
    await chmod(closed, 0o700);
    const run = runSandbox(join(closed, 'home'), await pickPorts());
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain(`cannot enter ${closed}`);
    expect(out).toContain(`chmod o+x ${closed}`);
    expect(out).not.toMatch(/^\s+at /m);
  }, 60_000);
});
