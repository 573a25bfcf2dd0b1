// Helpers for the push tests: a roster of n members the emulator knows, the real worker and
// `npm run push` entry points as child processes, and what recipients received.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Db } from '../../../src/db/prisma.js';
import type { RunningEmulator } from '../../helpers/feishu-emulator.js';
import { TEST_APP } from '../../helpers/feishu-emulator.js';
import type { Isolated } from '../../helpers/isolated.js';
import { cardText } from '../../helpers/card-text.js';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface Roster {
  branchId: number;
  members: { id: number; openId: string; name: string }[];
  admin: { id: number; openId: string };
}

let rosterSeq = 0;

/** `n` members in one branch (the first an admin), all known to the emulator. */
export async function seedRoster(db: Db, emulator: RunningEmulator, n: number, tag: string): Promise<Roster> {
  rosterSeq += 1;
  const code = `${tag}${rosterSeq}`;
  const committee = await db.committee.upsert({ where: { code: 'push-test' }, create: { code: 'push-test', name: '测试党委' }, update: {} });
  const branch = await db.branch.create({ data: { code, name: `${tag}党支部`, committeeId: committee.id } });
  const rows = Array.from({ length: n }, (_, i) => ({
    employeeNo: `${code}-${i}`,
    name: `党员${code}${i}`,
    branchId: branch.id,
    openId: `ou_${code}_${i}`,
    role: i === 0 ? ('ADMIN' as const) : ('MEMBER' as const),
  }));
  await db.member.createMany({ data: rows });
  const members = await db.member.findMany({ where: { branchId: branch.id }, select: { id: true, openId: true, name: true }, orderBy: { id: 'asc' } });
  for (const m of members) emulator.app.emulator.addUser({ openId: m.openId!, name: m.name });
  const first = members[0]!;
  return { branchId: branch.id, members: members.map((m) => ({ id: m.id, openId: m.openId!, name: m.name })), admin: { id: first.id, openId: first.openId! } };
}

/** The environment an operator gives the worker and the CLI. */
export function processEnv(env: Isolated, emulator: RunningEmulator, backend: 'postgres' | 'redis'): Record<string, string> {
  return {
    FEISHU_APP_ID: TEST_APP.appId,
    FEISHU_APP_SECRET: TEST_APP.appSecret,
    FEISHU_VERIFICATION_TOKEN: 'vt',
    FEISHU_DOMAIN: emulator.baseUrl,
    DATABASE_URL: env.databaseUrl,
    // Several workers of one test run at once: keep each one's share of PostgreSQL's connections small.
    DATABASE_POOL_SIZE: '4',
    ...(backend === 'redis' ? { REDIS_URL: env.redisUrl } : {}),
    QUEUE_PREFIX: env.redisPrefix,
    ADMIN_TOKEN: 'an-admin-token-long-enough',
    LOG_LEVEL: 'info',
  };
}

/** `npm run push -- …` as a process (node with tsx, as the script runs it). */
export function runPushCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/cli/push.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    child.on('exit', (code) => done({ code, output }));
  });
}

/** What each recipient read, as card text, of messages whose title contains `title`. */
export function received(emulator: RunningEmulator, openId: string, title: string): string[] {
  return emulator.app.emulator
    .messagesTo(openId)
    .map((m) => (m.msgType === 'interactive' ? cardText(JSON.parse(m.content)) : m.content))
    .filter((text) => text.includes(title));
}
