// `npm run roster:import` as an operator runs it: a child process on the sample roster, against a real database
// and the emulator, checked by exit code, output and what ended up in the tables.
import { spawn } from 'node:child_process';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, TEST_APP, type RunningEmulator } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { createCommittee, rosterTables } from './roster-test-support.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = resolve(ROOT, 'docs/roster-sample.csv');
const iso = useIsolated();
let emulator: RunningEmulator;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function rosterImport(args: string[], timeoutMs = 60_000): Promise<CliResult> {
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'src/cli/roster-import.ts'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: iso.databaseUrl,
      FEISHU_APP_ID: TEST_APP.appId,
      FEISHU_APP_SECRET: TEST_APP.appSecret,
      FEISHU_DOMAIN: emulator.baseUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((done, fail) => {
    // A deadline, not a sleep: a hung CLI fails the test instead of hanging the suite.
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`roster:import did not exit within ${timeoutMs} ms\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      done({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  // The sample's two rows without an open_id: one found by mobile, one by e-mail.
  emulator = await startEmulator({
    users: [
      { openId: 'ou_sample_e1003', name: '张海涛', mobile: '+8613800138003' },
      { openId: 'ou_sample_e2003', name: '赵丽华', email: 'zhaolihua@oilfield.example' },
    ],
  });
  await createCommittee(iso.db);
});
afterAll(async () => {
  await emulator?.close();
});

describe('npm run roster:import', () => {
  it('exits 1 and lists every bad row when the file is invalid, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'roster-'));
    const file = join(dir, 'bad.csv');
    await writeFile(file, '姓名,工号,手机,邮箱,支部,角色\n张三,E1,123,,一支部,党员\n李四,E2,13800000002,bad,一支部,支部书记\n,E3,13800000003,,一支部,党员\n');
    const before = await rosterTables(iso.db);
    const result = await rosterImport([file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('名册未导入：发现 3 处错误');
    expect(result.stdout).toContain('第 2 行 · 手机：手机号格式不对');
    expect(result.stdout).toContain('第 3 行 · 邮箱：邮箱格式不对');
    expect(result.stdout).toContain('第 4 行 · 姓名：姓名不能为空');
    expect(await rosterTables(iso.db)).toEqual(before);
  });

  it('--dry-run on the sample prints what would change, resolves open_ids, exits 0 and writes nothing', async () => {
    const before = await rosterTables(iso.db);
    const result = await rosterImport([SAMPLE, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('名册预演（--dry-run）');
    expect(result.stdout).toMatch(/新建人员\s+6/);
    expect(result.stdout).toMatch(/解析 open_id\s+2/);
    expect(result.stdout).toContain('第 2 行 E1001 王建国（采油一区党支部，支部书记）');
    expect(await rosterTables(iso.db)).toEqual(before);
  });

  it('imports the sample, then finds nothing to change on a second run', async () => {
    const first = await rosterImport([SAMPLE]);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe('名册已导入');
    const members = await iso.db.member.findMany({ orderBy: { employeeNo: 'asc' }, select: { employeeNo: true, role: true, openId: true } });
    expect(members).toEqual([
      { employeeNo: 'E1001', role: 'SECRETARY', openId: 'ou_sample0000000000000000000000001' },
      { employeeNo: 'E1002', role: 'MEMBER', openId: 'ou_sample0000000000000000000000002' },
      { employeeNo: 'E1003', role: 'MEMBER', openId: 'ou_sample_e1003' },
      { employeeNo: 'E2001', role: 'SECRETARY', openId: 'ou_sample0000000000000000000000004' },
      { employeeNo: 'E2002', role: 'ADMIN', openId: 'ou_sample0000000000000000000000005' },
      { employeeNo: 'E2003', role: 'MEMBER', openId: 'ou_sample_e2003' },
    ]);

    const second = await rosterImport([SAMPLE]);
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n')[0]).toBe('名册已是最新：与数据库一致，没有任何变化');
    expect(second.stdout).toMatch(/无变化\s+6/);
  });

  it('exits 1 with a clear message for a missing file or a bad option', async () => {
    const missing = await rosterImport(['/nonexistent/roster.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read /nonexistent/roster.csv: ENOENT');
    const bad = await rosterImport([SAMPLE, '--frobnicate']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('usage: npm run roster:import');
  });
});
