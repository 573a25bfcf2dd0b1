// The Excel exports: over HTTP behind ADMIN_TOKEN (401 without it or with a wrong one, revealing nothing;
// 404 for an unknown name) and in chat (`导出`: a secretary their branch without the audit log, an admin
// everything), each workbook opened with exceljs holding the rules engine's numbers for the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/domain/access/actor.js';
import { buildExport } from '../../../src/exports/export-service.js';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { todayShanghai } from '../bot/bot-test-support.js';
import { deductAbsence, engineEvaluation, fullVanguard, readWorkbook, sheetRows, thisYear } from '../bot/evaluation-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let admin: Person;
let secretary: Person;
let members: Person[];
const SCORES: readonly [number, number][] = [[95, 92], [80, 70], [88.5, 90.25]];

const get = (path: string, token?: string) =>
  fetch(`${bot.edge.url}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
const token = () => bot.edge.config.adminToken;

beforeAll(async () => {
  bot = await startBot(env);
  admin = await bot.person('冯管理员', 'ADMIN', '党委办公室');
  secretary = await bot.person('陈书记', 'SECRETARY');
  members = [await bot.person('褚一'), await bot.person('卫二'), await bot.person('蒋三')];
  // A member of another branch: in the committee-wide exports, never in the first branch's.
  await bot.person('沈他支', 'MEMBER', '第二党支部');
  await fullVanguard(bot, admin, members[0]!);
  await deductAbsence(bot, secretary, members[1]!);
  await bot.domain.volunteer.record(members[2]!, { hours: 2.5, activity: '社区义诊志愿服务', serviceDate: todayShanghai(), idempotencyKey: 't-volunteer-1' });
  await bot.edge.db.pledge.create({
    data: {
      memberId: members[0]!.memberId, branchId: members[0]!.branchId, year: thisYear(), content: '带头处置井场隐患', serves: 'V2', target: '全年 50 处',
      dueOn: new Date(`${thisYear()}-12-31T00:00:00Z`), status: 'APPROVED', submittedAt: new Date(), reviewerId: secretary.memberId, reviewedAt: new Date(), idempotencyKey: 't-pledge-1',
    },
  });
  for (const [i, [d, m]] of SCORES.entries()) {
    await bot.domain.evaluation.enterScores(secretary, { memberId: members[i]!.memberId, year: thisYear(), democratic: Math.round(d * 100), mass: Math.round(m * 100) });
  }
});
afterAll(async () => bot?.close());

/** The engine's numbers for the branch's members, to compare with a sheet. */
async function expectEvaluationSheet(rows: unknown[][]): Promise<void> {
  expect(rows[0]).toEqual(['支部', '工号', '姓名', '党内民主评价', '先锋模范评价', '员工群众评价', '综合得分', '等次', '否决', '状态']);
  for (const [i, [d, m]] of SCORES.entries()) {
    const expected = await engineEvaluation(bot, members[i]!, d, m);
    const row = rows.find((r) => r[2] === members[i]!.name)!;
    expect(row.slice(3, 8)).toEqual([d, expected.checklist / 100, m, expected.composite / 100, { excellent: '优秀', qualified: '合格', basicallyQualified: '基本合格', unqualified: '不合格' }[expected.grade]]);
  }
}

describe('exports over HTTP', () => {
  it('answers 401 without the token or with a wrong one, and reveals nothing', async () => {
    for (const answer of [await get(`/admin/exports/ledger.xlsx?year=${thisYear()}`), await get('/admin/exports/ledger.xlsx', `${token()}x`), await get('/admin/exports/nope.xlsx'), await get('/admin/exports/ledger.xlsx', '')]) {
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ error: 'unauthorized' });
    }
    expect((await get('/admin/exports/nope.xlsx', token())).status).toBe(404);
    expect((await get('/admin/exports/ledger.xlsx?year=1999', token())).status).toBe(400);
    expect((await get(`/admin/exports/ledger.xlsx?branch=${encodeURIComponent('不存在')}`, token())).status).toBe(404);
  });

  it('serves the evaluation sheet of a branch with the rules engine’s numbers', async () => {
    const answer = await get(`/admin/exports/evaluation.xlsx?year=${thisYear()}&branch=${encodeURIComponent('第一党支部')}`, token());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = await readWorkbook(await answer.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['年度评议']);
    const sheet = workbook.getWorksheet('年度评议')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(7).numFmt).toBe('0.00');
    const rows = sheetRows(sheet);
    await expectEvaluationSheet(rows);
    expect(rows.map((r) => r[2])).not.toContain('沈他支');
  });

  it('serves rankings per period whose year standings are the engine’s', async () => {
    const answer = await get(`/admin/exports/rankings.xlsx?year=${thisYear()}`, token());
    const rows = sheetRows((await readWorkbook(await answer.arrayBuffer())).worksheets[0]!);
    expect(rows[0]).toEqual(['期间', '支部', '排名', '工号', '姓名', '清单积分', '本期变动']);
    const yearRows = rows.filter((r) => r[0] === String(thisYear()) && r[1] === '第一党支部');
    for (const member of members) {
      const score = await bot.domain.scores.memberScore(SYSTEM_ACTOR, member.memberId, String(thisYear()));
      const row = yearRows.find((r) => r[4] === member.name)!;
      expect(row[5]).toBe(score.score.standing.checklistScore / 100);
      expect(row[2]).toBe(score.rank);
    }
    // Months and quarters of the year so far are there too.
    expect(rows.some((r) => r[0] === `${thisYear()}-01`)).toBe(true);
    expect(rows.some((r) => r[0] === `${thisYear()}-Q1`)).toBe(true);
  });

  it('serves the ledger and the audit log', async () => {
    const ledger = sheetRows((await readWorkbook(await (await get(`/admin/exports/ledger.xlsx?year=${thisYear()}`, token())).arrayBuffer())).worksheets[0]!);
    const deduction = ledger.find((r) => r[3] === '卫二' && r[5] === '扣分')!;
    expect(deduction[6]).toBe(-2);
    expect(deduction[4]).toBe('组织生活');
    expect(ledger.filter((r) => r[3] === '褚一' && r[5] === '调整').map((r) => r[6])).toEqual([10, 10, 10, 10]);
    const audit = sheetRows((await readWorkbook(await (await get(`/admin/exports/audit.xlsx?year=${thisYear()}`, token())).arrayBuffer())).worksheets[0]!);
    expect(audit.some((r) => r[1] === '陈书记' && r[2] === '扣分')).toBe(true);
  });
});

describe('exports in chat', () => {
  it('gives a secretary their branch without the audit log, with the engine’s numbers', async () => {
    const replies = await bot.say(secretary, `导出 ${thisYear()}`);
    expect(replies.some((m) => m.text.includes('正在生成 Excel'))).toBe(true);
    const file = replies.find((m) => m.msgType === 'file')!;
    const workbook = await readWorkbook(bot.fileOf(file));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['积分流水', '排行', '年度评议', '承诺登记', '志愿服务']);
    await expectEvaluationSheet(sheetRows(workbook.getWorksheet('年度评议')!));
    const names = sheetRows(workbook.getWorksheet('积分流水')!).map((r) => r[3]);
    expect(names).not.toContain('沈他支');
    const pledge = sheetRows(workbook.getWorksheet('承诺登记')!)[1]!;
    expect(pledge.slice(2, 6)).toEqual(['褚一', '带头处置井场隐患', '先锋项 · 安全员', '全年 50 处']);
    expect(pledge[7]).toBe('已通过');
    const volunteer = sheetRows(workbook.getWorksheet('志愿服务')!);
    expect(volunteer[0]).toEqual(['日期', '支部', '工号', '姓名', '服务内容', '时长（小时）']);
    expect(volunteer[1]!.slice(3)).toEqual(['蒋三', '社区义诊志愿服务', 2.5]);
    expect(volunteer[1]![0]).toEqual(new Date(`${todayShanghai()}T00:00:00Z`));
  });

  it('gives an admin every branch and the audit log', async () => {
    const replies = await bot.say(admin, '导出');
    const workbook = await readWorkbook(bot.fileOf(replies.find((m) => m.msgType === 'file')!));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['积分流水', '排行', '年度评议', '承诺登记', '志愿服务', '审计日志']);
    expect(sheetRows(workbook.getWorksheet('年度评议')!).map((r) => r[2])).toContain('沈他支');
  });

  it('refuses a secretary another branch or the audit log, in chat and in the domain', async () => {
    const replies = await bot.say(secretary, `导出 ${thisYear()} 第二党支部`);
    expect(replies.map((m) => m.msgType)).toEqual(['interactive']);
    expect(replies[0]!.text).toContain('没有权限');
    const deps = { db: bot.edge.db, domain: bot.domain, timeZone: 'Asia/Shanghai', now: () => new Date() };
    const other = await bot.edge.db.branch.findUniqueOrThrow({ where: { name: '第二党支部' } });
    await expect(buildExport(deps, secretary, { year: thisYear(), branchId: other.id })).rejects.toMatchObject({ code: 'ACTOR_NOT_ALLOWED' });
    await expect(buildExport(deps, secretary, { year: thisYear(), branchId: secretary.branchId, name: 'audit' })).rejects.toMatchObject({ code: 'ACTOR_NOT_ALLOWED' });
    await expect(buildExport(deps, secretary, { year: thisYear() })).rejects.toMatchObject({ code: 'ACTOR_NOT_ALLOWED' });
  });

  it('refuses a member and sends no file', async () => {
    const replies = await bot.say(members[0]!, '导出');
    expect(replies.map((m) => m.msgType)).toEqual(['interactive']);
    expect(replies[0]!.text).toContain('导出仅对支部书记和党委管理员开放');
  });
});
