// One sandbox per folder: a lock file holding the running sandbox's pid and URL, created
// atomically; a lock whose process is gone (kill -9, reboot) is stale and taken over.
import { readFileSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';

export interface LockInfo {
  pid: number;
  url: string;
  startedAt: string;
}

export type LockResult = { kind: 'acquired'; release(): Promise<void> } | { kind: 'held'; holder: LockInfo };

/** Whether `pid` is a live sandbox process (a reused pid running something else does not count). */
export function isSandboxProcess(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sandbox');
  } catch {
    // No /proc (not Linux): a live pid is the best we know.
    return true;
  }
}

async function readLock(file: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.url === 'string' ? (info as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireLock(file: string, info: LockInfo, isAlive: (pid: number) => boolean = isSandboxProcess): Promise<LockResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o644);
      await handle.writeFile(`${JSON.stringify(info)}\n`);
      await handle.close();
      return { kind: 'acquired', release: () => releaseLock(file, info.pid) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readLock(file);
    // A lock being written right now reads as empty: look again rather than break it.
    if (!holder && attempt === 0) continue;
    if (holder && holder.pid !== info.pid && isAlive(holder.pid)) return { kind: 'held', holder };
    await unlink(file).catch(() => undefined);
  }
  throw new Error(`could not take the sandbox lock ${file}`);
}

async function releaseLock(file: string, pid: number): Promise<void> {
  const holder = await readLock(file);
  if (holder?.pid === pid) await unlink(file).catch(() => undefined);
}
