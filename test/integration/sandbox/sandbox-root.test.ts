// As root, PostgreSQL runs as the `postgres` OS user; with the sandbox folder under a directory that
// user cannot enter, `npm run sandbox` says exactly why and the one command that fixes it — and
// prints no stack trace. (Only meaningful as root; CI runs as root.)
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningAsRoot } from '../../../src/sandbox/pg-os-user.js';
import { pickPorts, runSandbox } from './sandbox-process.js';

describe.runIf(runningAsRoot())('npm run sandbox as root under a closed folder', () => {
  let closed: string | undefined;
  afterAll(async () => {
    if (closed) await rm(closed, { recursive: true, force: true });
  });

  it('explains which folder blocks the database user and prints the chmod that fixes it', async () => {
    closed = await mkdtemp(join(tmpdir(), 'vg-closed-'));
    await chmod(closed, 0o700);
    const run = runSandbox(join(closed, 'home'), await pickPorts());
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain(`cannot enter ${closed}`);
    expect(out).toContain(`chmod o+x ${closed}`);
    expect(out).not.toMatch(/^\s+at /m);
  }, 60_000);
});
