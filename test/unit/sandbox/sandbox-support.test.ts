// The sandbox's small decisions: settings from the environment, push periods, the lock, and which
// folders keep the database's OS user out.
import { mkdtemp, mkdir, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockedFolders } from '../../../src/sandbox/pg-os-user.js';
import { pushKinds } from '../../../src/sandbox/push-panel.js';
import { SandboxError } from '../../../src/sandbox/sandbox-error.js';
import { acquireLock } from '../../../src/sandbox/sandbox-lock.js';
import { readSandboxSettings } from '../../../src/sandbox/sandbox-settings.js';

describe('readSandboxSettings', () => {
  it('derives the web and database ports from SANDBOX_PORT and leaves external stores unset', () => {
    const s = readSandboxSettings({ SANDBOX_PORT: '9000', DATABASE_URL: '' });
    expect([s.port, s.webPort, s.pgPort, s.databaseUrl, s.redisUrl, s.host]).toEqual([9000, 9001, 9002, undefined, undefined, '127.0.0.1']);
  });

  it('refuses a bad port with a SandboxError', () => {
    expect(() => readSandboxSettings({ SANDBOX_PORT: 'abc' })).toThrow(SandboxError);
  });
});

describe('pushKinds', () => {
  it('offers every push kind with the period it would run for now (Shanghai time)', () => {
    // 2026-01-01 01:00 in Shanghai is still 2025-12-31 in UTC.
    const kinds = pushKinds('Asia/Shanghai', new Date('2025-12-31T17:00:00Z'));
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.defaultPeriod]))).toEqual({
      'monthly-reminder': '2026-01',
      'monthly-digest': '2025-12',
      'quarterly-stocktake': '2026-Q1',
      'annual-evaluation': '2026',
      'stale-reviews': '2026-01-01',
      'pledge-window': '2026',
    });
  });
});

describe('acquireLock', () => {
  it('is held while its process lives, and taken over once it is gone', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'vg-lock-')), 'sandbox.lock');
    const first = await acquireLock(file, { pid: 111, url: 'http://a', startedAt: '' }, () => true);
    expect(first.kind).toBe('acquired');
    const second = await acquireLock(file, { pid: 222, url: 'http://b', startedAt: '' }, (pid) => pid === 111);
    expect(second).toEqual({ kind: 'held', holder: { pid: 111, url: 'http://a', startedAt: '' } });
    const third = await acquireLock(file, { pid: 333, url: 'http://c', startedAt: '' }, () => false);
    expect(third.kind).toBe('acquired');
  });
});

describe('blockedFolders', () => {
  it('names the folders a user outside owner and group cannot enter', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vg-perm-'));
    await chmod(root, 0o755);
    await mkdir(join(root, 'closed', 'inside'), { recursive: true });
    await chmod(join(root, 'closed'), 0o700);
    await writeFile(join(root, 'open.txt'), '');
    const stranger = { uid: 54321, gid: 54321, groups: [] };
    expect(await blockedFolders([join(root, 'closed', 'inside', 'pg')], stranger)).toEqual([join(root, 'closed')]);
    expect(await blockedFolders([join(root, 'open.txt')], stranger)).toEqual([]);
  });
});
