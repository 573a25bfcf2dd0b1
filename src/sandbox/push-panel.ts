// The page's "trigger a scheduled push now" panel: the six push kinds of product.md §8 with a
// sensible default period each, run through `npm run push -- <kind> --period <p>` as an operator
// would — enabled as soon as that script exists.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PushPanel } from '../emulator/web/page-deps.js';
import type { PushKindView } from '../emulator/web/view-types.js';
import { REPO_ROOT } from './sandbox-settings.js';

const OUTPUT_LIMIT = 20_000;

function localParts(timeZone: string, now: Date): { year: number; month: number; day: number } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .split('-')
    .map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function pushKinds(timeZone: string, now: Date = new Date()): PushKindView[] {
  const { year, month, day } = localParts(timeZone, now);
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  return [
    { kind: 'monthly-reminder', label: '每月提醒', audience: '每位在册党员（每月 25 日）', defaultPeriod: `${year}-${pad(month)}` },
    { kind: 'monthly-digest', label: '月统计', audience: '支部书记、党委管理员（每月 1 日）', defaultPeriod: previous },
    { kind: 'quarterly-stocktake', label: '季盘点', audience: '党员、支部书记（每季首个工作日）', defaultPeriod: `${year}-Q${Math.ceil(month / 3)}` },
    { kind: 'annual-evaluation', label: '年评比', audience: '支部书记；结果发全体', defaultPeriod: `${year}` },
    { kind: 'stale-reviews', label: '待审超时提醒', audience: '有超过 3 天未审记录的书记（每天）', defaultPeriod: `${year}-${pad(month)}-${pad(day)}` },
    { kind: 'pledge-window', label: '定诺邀请', audience: '每位在册党员（1 月 2 日）', defaultPeriod: `${year}` },
  ];
}

function hasPushScript(): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    return typeof pkg.scripts?.push === 'string';
  } catch {
    return false;
  }
}

function runPush(kind: string, period: string, env: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'push', '--', kind, '--period', period], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < OUTPUT_LIMIT) output += String(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (err) => resolve({ ok: false, output: err.message }));
    child.on('close', (code) => resolve({ ok: code === 0, output: output.trim() }));
  });
}

/** `env` is the bot's own environment (database, queues, emulator), so the push lands here. */
export function createPushPanel(timeZone: string, env: Record<string, string>): PushPanel {
  return {
    view: () => {
      const available = hasPushScript();
      return {
        available,
        ...(available ? {} : { note: '定时推送的入口（npm run push）还没有合入主干：这些推送暂时不能在沙盒里触发。' }),
        kinds: pushKinds(timeZone),
      };
    },
    run: async (kind, period) => {
      if (!hasPushScript()) return { ok: false, output: 'npm run push is not available yet' };
      return runPush(kind, period, env);
    },
  };
}
