// PostgreSQL refuses to run as root, so a root sandbox runs it as the `postgres` OS user: make
// sure that user exists and can reach the binaries and the data folder, or say which folder
// blocks it and the command that opens it (shared/notes/embedded-defaults.md).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, parse } from 'node:path';
import { promisify } from 'node:util';
import { SandboxError } from './sandbox-error.js';

const run = promisify(execFile);

export interface OsUser {
  uid: number;
  gid: number;
  groups: number[];
}

export const PG_OS_USER = 'postgres';

export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

async function lookupUser(name: string): Promise<OsUser | undefined> {
  try {
    const [uid, gid, groups] = await Promise.all(['-u', '-g', '-G'].map((flag) => run('id', [flag, name]).then((r) => r.stdout.trim())));
    return { uid: Number(uid), gid: Number(gid), groups: (groups ?? '').split(/\s+/).filter(Boolean).map(Number) };
  } catch {
    return undefined;
  }
}

/** Every existing entry from `/` down to `path` (the path itself included when it exists). */
function foldersOnTheWay(path: string): string[] {
  const folders: string[] = [];
  let current = existsSync(path) ? path : dirname(path);
  const root = parse(current).root;
  for (;;) {
    if (existsSync(current)) folders.unshift(current);
    if (current === root) break;
    current = dirname(current);
  }
  return folders;
}

/** The folders on the way to `paths` that `user` (or, before it exists, a fresh user) cannot enter. */
export async function blockedFolders(paths: string[], user: OsUser | undefined): Promise<string[]> {
  const blocked = new Set<string>();
  for (const path of paths) {
    for (const folder of foldersOnTheWay(path)) {
      const s = await stat(folder);
      if (!s.isDirectory()) continue;
      const ok =
        (s.mode & 0o001) !== 0 ||
        (user !== undefined && s.uid === user.uid && (s.mode & 0o100) !== 0) ||
        (user !== undefined && (user.gid === s.gid || user.groups.includes(s.gid)) && (s.mode & 0o010) !== 0);
      if (!ok) blocked.add(folder);
    }
  }
  return [...blocked];
}

/**
 * As root: checks the folders first (so nothing is created when it cannot work), then creates
 * the `postgres` user when missing. Returns the user to run PostgreSQL as; undefined when not root.
 */
export async function preparePostgresUser(paths: string[]): Promise<OsUser | undefined> {
  if (!runningAsRoot()) return undefined;
  const existing = await lookupUser(PG_OS_USER);
  const blocked = await blockedFolders(paths, existing);
  if (blocked.length > 0) {
    throw new SandboxError(
      `you are root, so the embedded PostgreSQL runs as the "${PG_OS_USER}" OS user (PostgreSQL refuses root), ` +
        `and that user cannot enter ${blocked.join(', ')} (no execute permission for others). ` +
        'Alternatives: run as a normal user, move the checkout, or set DATABASE_URL to a PostgreSQL you run.',
      `chmod o+x ${blocked.join(' ')}`,
    );
  }
  if (existing) return existing;
  try {
    const groupExists = await run('getent', ['group', PG_OS_USER]).then(() => true, () => false);
    await run('useradd', ['--system', '--no-create-home', ...(groupExists ? ['-g', PG_OS_USER] : ['--user-group']), PG_OS_USER]);
  } catch (err) {
    throw new SandboxError(
      `you are root and there is no "${PG_OS_USER}" OS user for the embedded PostgreSQL; creating it failed (${(err as Error).message.split('\n')[0]}).`,
      `useradd --system --user-group --no-create-home ${PG_OS_USER}`,
    );
  }
  const created = await lookupUser(PG_OS_USER);
  if (!created) throw new SandboxError(`the "${PG_OS_USER}" OS user was created but cannot be looked up.`, `id ${PG_OS_USER}`);
  return created;
}
