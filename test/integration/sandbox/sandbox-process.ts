// Runs `npm run sandbox`'s entry as its own process, the way a person does, with PostgreSQL and
// Redis pointed at nothing (no DATABASE_URL, no REDIS_URL) and its own SANDBOX_HOME and ports.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EmbeddedPostgres } from '../../../src/sandbox/embedded-postgres.js';
import { sandboxPaths } from '../../../src/sandbox/sandbox-home.js';
import { freePort } from '../../helpers/processes.js';
import { waitFor } from '../../helpers/wait-for.js';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface SandboxPorts {
  port: number;
  webPort: number;
  pgPort: number;
}

export interface SandboxRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Resolves with the page URL once the sandbox printed that it is ready. */
  ready(timeoutMs?: number): Promise<string>;
}

/** A fresh sandbox folder the `postgres` OS user can pass through (mkdtemp alone makes it 0700). */
export async function makeSandboxHome(parent: string = tmpdir()): Promise<string> {
  const home = await mkdtemp(join(parent, 'vg-sandbox-'));
  await chmod(home, 0o755);
  return home;
}

export async function pickPorts(): Promise<SandboxPorts> {
  return { port: await freePort(), webPort: await freePort(), pgPort: await freePort() };
}

export function runSandbox(home: string, ports: SandboxPorts): SandboxRun {
  // `node --import tsx`: one process, so its pid is the sandbox itself (kill -9 hits it, not a wrapper).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sandbox.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SANDBOX_HOME: home,
      SANDBOX_PORT: String(ports.port),
      SANDBOX_WEB_PORT: String(ports.webPort),
      SANDBOX_PG_PORT: String(ports.pgPort),
    } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk) => (out += String(chunk)));
  child.stderr?.on('data', (chunk) => (out += String(chunk)));
  let code: number | null | undefined;
  const exited = new Promise<number | null>((done) => child.on('exit', (c) => done((code = c))));
  return {
    child,
    output: () => out,
    exited,
    ready: (timeoutMs = 150_000) =>
      waitFor(
        () => {
          if (code !== undefined) throw new Error(`the sandbox exited (${code}):\n${out}`);
          return /Ready in [\d.]+ s: open (http:\/\/\S+)/.exec(out)?.[1];
        },
        { timeoutMs, intervalMs: 100, message: 'the sandbox to be ready' },
      ),
  };
}

/** Stops whatever a test left behind: the process, an orphaned embedded server, the folder. */
export async function cleanUp(home: string, run: SandboxRun | undefined, ports: SandboxPorts): Promise<void> {
  if (run && run.child.exitCode === null && run.child.signalCode === null) {
    run.child.kill('SIGKILL');
    await run.exited;
  }
  const pg = await EmbeddedPostgres.prepare({ dataDir: sandboxPaths(home).pgData, port: ports.pgPort, password: '', log: () => {} });
  await pg.stopStale();
  await rm(home, { recursive: true, force: true });
}
