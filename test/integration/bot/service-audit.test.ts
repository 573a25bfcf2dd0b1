// 志愿, 请假 / 销假 and 审计 end to end: inline and form records (a double-submitted form records once),
// my year's total, leave until a date and back, the admin's paged audit log; wrong arguments, strangers
// and hostile text get a clear answer and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { todayShanghai } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let admin: Person;
const HOSTILE = '<at user_id="all"></at> [x](javascript:alert(1))';

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('陈志愿');
  admin = await bot.person('韩管理员', 'ADMIN');
});
afterAll(async () => bot?.close());

describe('volunteer service', () => {
  it('records inline and from the form (once per form), with the year total', async () => {
    const [inline] = await bot.say(member, `志愿 2 社区义诊 ${todayShanghai()}`);
    expect(inline!.text).toContain('已登记：社区义诊，2.00 小时');
    const [card] = await bot.say(member, '志愿');
    expect(card!.text).toContain('今年共 1 次，累计 2.00 小时');
    const saved = await bot.submit(member, card!, { hours: '1.5', activity: HOSTILE, date: `${todayShanghai()} +0800` });
    await bot.submit(member, card!, { hours: '1.5', activity: HOSTILE, date: `${todayShanghai()} +0800` });
    expect(saved.text).toContain('累计 3.50 小时');
    expect(saved.text).toContain(HOSTILE);
    expect(JSON.stringify(saved.card)).not.toMatch(/<at user_id|\]\(javascript/);
    expect(await bot.edge.db.volunteerRecord.count()).toBe(2);
  });

  it('answers wrong arguments with the usage and writes nothing', async () => {
    const [usage] = await bot.say(member, '志愿 很多 义诊');
    expect(usage!.text).toContain('格式：志愿 时长 内容');
    const [tooMuch] = await bot.say(member, '志愿 30 义诊');
    expect(tooMuch!.text).toContain('不超过 24 小时');
    expect(await bot.edge.db.volunteerRecord.count()).toBe(2);
  });

  it('tells a stranger they are not in the roster', async () => {
    const [reply] = await bot.say({ ...member, openId: 'ou_stranger_volunteer' }, '志愿 2 义诊');
    expect(reply!.text).toContain('名册');
    expect(await bot.edge.db.volunteerRecord.count()).toBe(2);
  });
});

describe('leave', () => {
  it('pauses reminders until a date and 销假 ends it', async () => {
    const year = Number(todayShanghai().slice(0, 4));
    const [bad] = await bot.say(member, '请假 下个月吧');
    expect(bad!.text).toContain('请给出今天到一年内的日期');
    const [started] = await bot.say(member, '请假 12月31日');
    expect(started!.text).toMatch(/\d{4}-12-31 之前不再给您发送提醒/);
    let row = await bot.edge.db.member.findUniqueOrThrow({ where: { id: member.memberId } });
    expect(row.status).toBe('ON_LEAVE');
    expect(row.leaveUntil?.toISOString().slice(0, 4)).toMatch(new RegExp(`${year}|${year + 1}`));
    const [ended] = await bot.say(member, '销假');
    expect(ended!.text).toContain('提醒已恢复');
    row = await bot.edge.db.member.findUniqueOrThrow({ where: { id: member.memberId } });
    expect(row.status).toBe('ACTIVE');
    expect(row.leaveUntil).toBeNull();
  });

  it('takes the date from the form', async () => {
    const [form] = await bot.say(member, '休假');
    const started = await bot.submit(member, form!, { until: `${todayShanghai()} +0800` });
    expect(started.text).toContain(`${todayShanghai()} 之前不再给您发送提醒`);
    await bot.say(member, '销假');
  });
});

describe('audit log', () => {
  it('lists recent entries for an admin, paged; refuses a member', async () => {
    for (let i = 0; i < 12; i += 1) {
      await bot.edge.db.auditLog.create({ data: { actorId: admin.memberId, action: 'deduction.create', targetType: 'deduction', targetId: String(i), at: new Date(Date.now() - i * 1000) } });
    }
    const [page1] = await bot.say(admin, '审计');
    expect(page1!.text).toContain('第 1 页');
    expect(page1!.text).toContain('韩管理员');
    expect(page1!.text).toContain('扣分');
    expect(page1!.text).toContain('deduction #0');
    const page2 = await bot.click(admin, page1!, '下一页');
    expect(page2.text).toContain('第 2 页');
    expect(page2.text).toContain('deduction #11');
    const [wrong] = await bot.say(admin, '审计 abc');
    expect(wrong!.text).toContain('第 1 页');
    const [refused] = await bot.say(member, '审计');
    expect(refused!.text).toContain('没有权限');
  });
});
