// The annual evaluation end to end through the emulator: the template sent as an .xlsx file, a bad upload
// reported row by row with nothing written, a good upload giving the rules engine's composites and grades
// with the one-third 优秀 warning, finalisation by an admin, the lock, and the reasoned adjustment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { deductAbsence, engineEvaluation, fillTemplate, fullVanguard, readWorkbook, sheetRows, thisYear } from './evaluation-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let admin: Person;
let secretary: Person;
let members: Person[];
let newcomer: Person;
let employeeNo: Map<number, string>;
let template: Buffer;

const fileName = () => `${thisYear()}年度评议表-第一党支部.xlsx`;
const evaluationRows = () => bot.edge.db.annualEvaluation.findMany({ orderBy: { id: 'asc' } });
const find = (messages: Seen[], text: string) => messages.find((m) => m.text.includes(text));

beforeAll(async () => {
  bot = await startBot(env);
  admin = await bot.person('周管理员', 'ADMIN', '党委办公室');
  secretary = await bot.person('吴书记', 'SECRETARY');
  members = [];
  for (const name of ['甲一', '乙二', '丙三', '丁四', '戊五', '己六']) members.push(await bot.person(name));
  // Three with full vanguard points (checklist 100), one with a deduction (58), two untouched (60).
  for (const m of members.slice(0, 3)) await fullVanguard(bot, admin, m);
  await deductAbsence(bot, secretary, members[3]!);
  // Scored later on the card form only. (Direct domain writes stay here, before any card callback: after one,
  // the test process's own transactions on the shared client fail with P2028 — a harness quirk, not the bot's.)
  newcomer = await bot.person('庚七');
  await fullVanguard(bot, admin, newcomer);
  const rows = await bot.edge.db.member.findMany({ select: { id: true, employeeNo: true } });
  employeeNo = new Map(rows.map((r) => [r.id, r.employeeNo]));
});
afterAll(async () => bot?.close());

const no = (p: Person) => employeeNo.get(p.memberId)!;

describe('annual evaluation', () => {
  it('sends the secretary an .xlsx template with the branch’s members and Chinese headers', async () => {
    const replies = await bot.say(secretary, '评议 模板');
    expect(find(replies, '正在生成评议模板')).toBeDefined();
    const file = replies.find((m) => m.msgType === 'file');
    expect(file).toBeDefined();
    template = bot.fileOf(file!);
    const workbook = await readWorkbook(template);
    const rows = sheetRows(workbook.getWorksheet('评议表')!);
    expect(rows[0]).toEqual(['工号', '姓名', '支部', '党内民主评价', '员工群众评价', '政治素质', '岗位技能', '工作业绩']);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...members, newcomer].map(no).sort());
    expect(rows.slice(1).map((r) => r[1])).not.toContain('吴书记');
    expect(workbook.getWorksheet('评议表')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('reports every bad row with its number and writes nothing', async () => {
    const auditBefore = await bot.edge.db.auditLog.count();
    const bad = await fillTemplate(template, { [no(members[0]!)]: [120, 90], [no(members[1]!)]: ['九十', 80], [no(members[2]!)]: [90, 90] }, [['E-NOBODY', '外人', '', 90, 90]]);
    const replies = await bot.say(secretary, '评议').then(() => bot.sendFile(secretary, fileName(), bad));
    expect(find(replies, '评议表已收到')).toBeDefined();
    const report = find(replies, '评议表未导入')!;
    expect(report.text).toContain('发现 3 处问题');
    expect(report.text).toMatch(/第 \d+ 行：“党内民主评价”应为 0–100 的数，最多两位小数（现为“120”）/);
    expect(report.text).toContain('（现为“九十”）');
    expect(report.text).toMatch(/第 9 行：工号 E-NOBODY 不在本支部的名册中/);
    expect(await evaluationRows()).toEqual([]);
    expect(await bot.edge.db.auditLog.count()).toBe(auditBefore);

    const other = await readWorkbook(template);
    other.worksheets[0]!.getRow(1).getCell(4).value = '得分';
    const wrong = await bot.sendFile(secretary, 'scores.xlsx', Buffer.from(await other.xlsx.writeBuffer()));
    expect(find(wrong, '评议表未导入')!.text).toContain('这不是评议模板');
    expect(await evaluationRows()).toEqual([]);
  });

  it('imports a good sheet: the rules engine’s composites and grades, with the one-third 优秀 warning', async () => {
    const scores: [Person, number, number][] = [
      [members[0]!, 95, 95], [members[1]!, 95, 95], [members[2]!, 95, 95], [members[3]!, 80, 80], [members[4]!, 90, 90], [members[5]!, 90, 90],
    ];
    const filled = await fillTemplate(template, Object.fromEntries(scores.map(([p, d, m]) => [no(p), [d, m, 90, 90, 90]])));
    const replies = await bot.sendFile(secretary, fileName(), filled);
    expect(find(replies, '已导入 6 人的评价分')).toBeDefined();
    const preview = find(replies, '年度评议 · 第一党支部')!;
    const grades = { excellent: '优秀', qualified: '合格', basicallyQualified: '基本合格', unqualified: '不合格' };
    for (const [person, d, m] of scores) {
      const expected = await engineEvaluation(bot, person, d, m);
      const line = preview.text.split('\n').find((l) => l.startsWith(person.name))!;
      expect(line).toContain((expected.composite / 100).toFixed(2));
      expect(line.endsWith(grades[expected.grade])).toBe(true);
    }
    // 3 of the 6 scored are 优秀 (96.50): above one third, which allows 2 (庚七 has no scores yet).
    expect((await engineEvaluation(bot, members[0]!, 95, 95)).grade).toBe('excellent');
    expect(preview.text).toContain('优秀 3 人，占 6 人的比例超过三分之一（最多 2 人）');
    const stored = await evaluationRows();
    expect(stored).toHaveLength(6);
    expect(stored.map((r) => Number(r.politicalScore))).toEqual([90, 90, 90, 90, 90, 90]);
  });

  it('takes an admin’s filled-in template (by its name) as evaluation scores, not as a roster', async () => {
    const replies = await bot.say(admin, '评议 模板 第一党支部');
    const bytes = bot.fileOf(replies.find((m) => m.msgType === 'file')!);
    const rows = (await readWorkbook(bytes)).worksheets[0]!.getColumn(2).values;
    expect(rows).toContain('吴书记');
    const membersBefore = await bot.edge.db.member.count();
    const filled = await fillTemplate(bytes, { [employeeNo.get(secretary.memberId)!]: [92, 91] });
    const answer = await bot.sendFile(admin, `${thisYear()}年度评议表-第一党支部.xlsx`, filled);
    expect(find(answer, '已导入 1 人的评价分')).toBeDefined();
    expect(answer.some((m) => m.text.includes('名册'))).toBe(false);
    expect(await bot.edge.db.member.count()).toBe(membersBefore);
    const stored = await bot.edge.db.annualEvaluation.findFirstOrThrow({ where: { memberId: secretary.memberId } });
    expect([Number(stored.democraticScore), Number(stored.massScore)]).toEqual([92, 91]);
  });

  it('lets the secretary correct one member on the card form', async () => {
    const [card] = await bot.say(secretary, '评议');
    const result = await bot.submit(secretary, card!, { member: String(members[1]!.memberId), democratic: '70', mass: '' });
    expect(result.toast?.content).toContain('已保存 乙二 的评价分');
    const expected = await engineEvaluation(bot, members[1]!, 70, 95);
    expect(expected.grade).toBe('qualified');
    expect(result.text.split('\n').find((l) => l.startsWith('乙二'))).toContain((expected.composite / 100).toFixed(2));
    expect(result.text).not.toContain('超过三分之一');
    const refused = await bot.submit(secretary, card!, { member: String(members[1]!.memberId), democratic: '101' });
    expect(refused.toast?.content).toContain('0–100');
  });

  it('with one score entered, says what the other needs for 优秀', async () => {
    const [card] = await bot.say(secretary, '评议');
    const saved = await bot.submit(secretary, card!, { member: String(newcomer.memberId), democratic: '95' });
    // 95 × 50% + 100 × 30% + mass × 20% ≥ 89.995 (the composite rounds half up to 90.00) ⇔ mass ≥ 62.475 → 62.48.
    expect(saved.toast?.content).toBe('已保存 庚七 的评价分。员工群众评价达到 62.48 可评优秀。');
    expect((await engineEvaluation(bot, newcomer, 95, 62.48)).grade).toBe('excellent');
    expect((await engineEvaluation(bot, newcomer, 95, 62.47)).grade).toBe('qualified');
    expect(saved.text.split('\n').find((l) => l.startsWith('庚七'))).toContain('95.00　—');
  });

  it('an admin finalises the year; changes are then refused unless adjusted with a reason', async () => {
    const [openCard] = await bot.say(secretary, '评议');
    const [overview] = await bot.say(admin, '评议');
    // The secretary is in the branch too (their scores entered by the admin); 庚七 has no mass score yet.
    expect(overview!.text).toContain('第一党支部：8 人，未录入 1，优秀 2');
    const finalised = await bot.click(admin, overview!, '定稿');
    expect(finalised.text).toContain('已定稿');
    expect(await bot.edge.db.evaluationYear.findUnique({ where: { year: thisYear() } })).toMatchObject({ status: 'FINALIZED' });

    const before = await evaluationRows();
    const again = await fillTemplate(template, { [no(members[4]!)]: [100, 100] });
    const replies = await bot.sendFile(secretary, fileName(), again);
    expect(find(replies, '评议表未导入')!.text).toContain('已定稿，结果已锁定');
    const [card] = await bot.say(secretary, '评议');
    expect(card!.text).toContain('已定稿');
    expect(card!.text).not.toContain('保存');
    // A form still open on a phone from before the finalisation is refused too.
    const late = await bot.submit(secretary, openCard!, { member: String(members[4]!.memberId), democratic: '100', mass: '100' });
    expect(late.toast?.content).toContain('已定稿，结果已锁定');
    expect(await evaluationRows()).toEqual(before);

    const refused = await bot.say(secretary, `评议 调整 ${no(members[4]!)} 100 100 复核`);
    expect(refused[0]!.text).toContain('没有权限');
    const [adjusted] = await bot.say(admin, `评议 调整 ${no(members[4]!)} 100 100 民主测评复核更正`);
    const expected = await engineEvaluation(bot, members[4]!, 100, 100);
    expect(adjusted!.text).toContain(`戊五 的综合得分调整为 ${(expected.composite / 100).toFixed(2)}`);
    const audit = await bot.edge.db.auditLog.findMany({ where: { action: 'evaluation.adjust' } });
    expect(audit).toHaveLength(1);
    expect((await bot.edge.db.annualEvaluation.findFirstOrThrow({ where: { memberId: members[4]!.memberId } })).adjustmentReason).toBe('民主测评复核更正');
  });

  it('asked in a group, answers privately: the group hears only that it was sent', async () => {
    await bot.botAddedToGroup(secretary, 'oc_evaluation_group', '第一支部群');
    const groupBefore = bot.chat('oc_evaluation_group').length;
    const replies = await bot.say(secretary, '评议 模板', { groupChatId: 'oc_evaluation_group' });
    expect(replies.find((m) => m.msgType === 'file')!.raw.chatId).toBe(secretary.chatId);
    await bot.say(secretary, '评议', { groupChatId: 'oc_evaluation_group' });
    const inGroup = bot.chat('oc_evaluation_group').slice(groupBefore);
    expect(inGroup.map((m) => m.msgType)).toEqual(['interactive', 'interactive']);
    expect(inGroup[1]!.text).toContain('已通过私聊发给您');
    expect(inGroup.some((m) => m.text.includes('甲一'))).toBe(false);
    expect(bot.inbox(secretary).at(-1)!.text).toContain('甲一');
  });

  it('answers a member that the evaluation is for secretaries and admins', async () => {
    const [reply] = await bot.say(members[0]!, '评议');
    expect(reply!.text).toContain('年度评议由支部书记和党委管理员录入');
  });
});
