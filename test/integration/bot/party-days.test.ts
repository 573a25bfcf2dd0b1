// Themed party days end to end on a settable clock: browse the library page by page, a secretary schedules
// a plan (every member of the branch gets one notice, through the bulk lane), answers and leave requests,
// check-in refused outside the window and recorded inside it, and after the day the absences become
// proposed B1 deductions the secretary confirms (score −2) or waives (score untouched).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/domain/access/actor.js';
import { addDays } from '../../../src/domain/periods/local-date.js';
import { localDateOf, zonedInstant } from '../../../src/domain/periods/zoned-time.js';
import { ensurePartyDayLibrary } from '../../../prisma/seed/seed-party-days.js';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';

const env = useIsolated();
const BRANCH = '党日测试支部';
const HOSTILE = '<at id=all></at> [点我](javascript:alert(1))';
let clock = new Date();
let bot: BotHarness;
let secretary: Person;
let attendee: Person;
let absentee: Person;
let onLeave: Person;
let forgiven: Person;
let refusedLeave: Person;
let admin: Person;
// The party day: tomorrow (Shanghai) at 19:30; check-in 19:00–20:30 by the default settings.
const day = addDays(localDateOf(new Date(), 'Asia/Shanghai'), 1);
const at = (hour: number, minute: number) => zonedInstant(day, hour, minute, 'Asia/Shanghai');

beforeAll(async () => {
  bot = await startBot(env, 'postgres', { now: () => clock });
  await bot.domain.rules.ensureRulesVersion(Number(day.slice(0, 4)));
  await ensurePartyDayLibrary(bot.edge.db);
  secretary = await bot.person('郑书记', 'SECRETARY', BRANCH);
  attendee = await bot.person('王到会', 'MEMBER', BRANCH);
  absentee = await bot.person('李缺席', 'MEMBER', BRANCH);
  onLeave = await bot.person('赵请假', 'MEMBER', BRANCH);
  forgiven = await bot.person('钱免扣', 'MEMBER', BRANCH);
  refusedLeave = await bot.person('孙驳回', 'MEMBER', BRANCH);
  admin = await bot.person('管理员甲', 'ADMIN', '机关党支部');
});
afterAll(async () => bot?.close());

const score = async (p: Person) => (await bot.domain.scores.memberScore(SYSTEM_ACTOR, p.memberId, day.slice(0, 7))).score.standing.checklistScore;
const noticeOf = (p: Person): Seen => {
  const found = bot.inbox(p).filter((m) => m.text.includes('主题党日通知'));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const asCard = (base: Seen, answer: { card: Seen['card']; text: string }): Seen => ({ ...base, card: answer.card, text: answer.text });

describe('the party-day library', () => {
  it('pages through the series, opens a series and a plan; a member gets no scheduling form', async () => {
    const [home] = await bot.say(attendee, '党日');
    expect(home!.text).toContain('本支部近期没有安排主题党日');
    const page1 = await bot.click(attendee, home!, '浏览党日库');
    expect(page1.text).toContain('精品主题党日库');
    expect(page1.text).toContain('党员难题攻关');
    expect(page1.text).toMatch(/第 1–8 个，共 \d+ 个系列/);
    const page2 = await bot.click(attendee, asCard(home!, page1), '下一页');
    expect(page2.text).toContain('第 9–');
    expect(page2.text).not.toContain('党员难题攻关');
    const series = await bot.click(attendee, asCard(home!, page1), '查看方案');
    expect(series.text).toContain('党日系列 · 党员难题攻关');
    expect(series.text).toContain('抽油机井偏磨治理攻关');
    const plan = await bot.click(attendee, asCard(home!, series), '查看');
    expect(plan.text).toContain('活动步骤');
    expect(plan.text).toContain('党员认领攻关课题');
    expect(plan.text).not.toContain('安排并通知党员');
  });

  it('an admin adds a series and a plan to it; a forged submit by a member adds nothing', async () => {
    const [home] = await bot.say(admin, '党日库');
    const library = await bot.click(admin, home!, '浏览党日库');
    const seriesBefore = await bot.edge.db.partyDaySeries.count();
    const forged = await bot.submit(attendee, asCard(home!, library), { name: '冒充的系列', category: 'SERVING_MASSES', description: '' });
    expect(forged.toast?.content).toContain('没有权限');
    expect(await bot.edge.db.partyDaySeries.count()).toBe(seriesBefore);

    const added = await bot.submit(admin, asCard(home!, library), { name: '安全生产大讲堂', category: 'SERVING_PRODUCTION', description: `每月一讲 ${HOSTILE}` });
    expect(added.toast?.content).toContain('已添加系列');
    expect(added.text).toContain('党日系列 · 安全生产大讲堂');
    expect(JSON.stringify(added.card)).not.toMatch(/<at id=all>|\]\(javascript/);
    const plan = await bot.submit(admin, asCard(home!, added), { title: '隐患随手拍', theme: '人人都是安全员', goals: '会识别隐患\n会上报', steps: '讲解\n实操\n\n点评', materials: '' });
    expect(plan.text).toContain('隐患随手拍');
    const row = await bot.edge.db.partyDayPlan.findFirstOrThrow({ where: { title: '隐患随手拍' } });
    expect(row.steps).toEqual(['讲解', '实操', '点评']);
    expect(await bot.edge.db.partyDaySeries.count()).toBe(seriesBefore + 1);
  });
});

describe('a scheduled party day', () => {
  let partyDayId: number;

  it('the secretary schedules a plan: each member gets one notice (bulk lane), a double submit schedules once', async () => {
    const seriesRow = await bot.edge.db.partyDaySeries.findUniqueOrThrow({ where: { code: 'SP-TACKLE' } });
    const planRow = await bot.edge.db.partyDayPlan.findUniqueOrThrow({ where: { code: 'SP-TACKLE-01' } });
    const [home] = await bot.say(secretary, '党日');
    const library = await bot.click(secretary, home!, '浏览党日库');
    const series = await bot.click(secretary, asCard(home!, library), '查看方案');
    expect(series.text).toContain(seriesRow.name);
    const plan = await bot.click(secretary, asCard(home!, series), '查看');
    expect(plan.text).toContain('安排并通知党员');
    const values = { date: `${day} +0800`, time: '19:30', place: `三号会议室 ${HOSTILE}`, notes: '带上笔记本' };
    const badTime = await bot.submit(secretary, asCard(home!, plan), { ...values, time: '25:99' });
    expect(badTime.toast?.content).toContain('19:30');
    expect(await bot.edge.db.partyDay.count()).toBe(0);

    const done = await bot.submit(secretary, asCard(home!, plan), values);
    expect(done.text).toContain('主题党日已安排');
    expect(done.text).toContain('已通知本支部 6 名党员');
    await bot.submit(secretary, asCard(home!, plan), values);
    expect(await bot.edge.db.partyDay.count()).toBe(1);
    const partyDay = await bot.edge.db.partyDay.findFirstOrThrow();
    partyDayId = partyDay.id;
    expect(partyDay.planId).toBe(planRow.id);

    for (const p of [secretary, attendee, absentee, onLeave, forgiven, refusedLeave]) {
      const notice = noticeOf(p);
      expect(notice.text).toContain('抽油机井偏磨治理攻关');
      expect(notice.text).toContain(`${day} 19:30`);
      expect(notice.text).toContain(`签到时间：${day} 19:00 至 ${day} 20:30`);
    }
    expect(JSON.stringify(noticeOf(attendee).card)).not.toMatch(/<at id=all>|\]\(javascript/);
    expect(bot.inbox(admin).filter((m) => m.text.includes('主题党日通知'))).toHaveLength(0);
    const rows = await bot.edge.db.outboundMessage.findMany({ where: { businessKey: { startsWith: `party-day:${partyDayId}:notice:` } } });
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.lane === 'BULK')).toBe(true);
  });

  it('answering 参加 twice keeps one record; a leave request reaches the secretary', async () => {
    const notice = noticeOf(attendee);
    const first = await bot.click(attendee, notice, '参加');
    expect(first.text).toContain('我的回复：参加');
    await bot.click(attendee, notice, '参加');
    expect(await bot.edge.db.partyDayAttendance.count({ where: { memberId: attendee.memberId } })).toBe(1);
    expect((await bot.edge.db.partyDayAttendance.findFirstOrThrow({ where: { memberId: attendee.memberId } })).rsvp).toBe('ATTENDING');

    const form = await bot.click(onLeave, noticeOf(onLeave), '请假');
    const sent = await bot.submit(onLeave, asCard(noticeOf(onLeave), form), { reason: `出差 ${HOSTILE}` });
    expect(sent.toast?.content).toContain('请假已提交');
    const toSecretary = bot.inbox(secretary).filter((m) => m.text.includes('赵请假 申请请假'));
    expect(toSecretary).toHaveLength(1);
    expect(toSecretary[0]!.text).toContain('出差');
    expect(JSON.stringify(toSecretary[0]!.card)).not.toMatch(/<at id=all>|\]\(javascript/);
  });

  it('a leave request the secretary rejects does not excuse; asking again is refused', async () => {
    const form = await bot.click(refusedLeave, noticeOf(refusedLeave), '请假');
    await bot.submit(refusedLeave, asCard(noticeOf(refusedLeave), form), { reason: '想休息' });
    const card = bot.inbox(secretary).find((m) => m.text.includes('孙驳回 申请请假'))!;
    const forged = await bot.click(attendee, card, '不批准');
    expect(forged.toast?.content).toContain('没有权限');
    const rejected = await bot.click(secretary, card, '不批准');
    expect(rejected.text).toContain('已不批准 孙驳回 的请假');
    const told = bot.inbox(refusedLeave).at(-1)!;
    expect(told.text).toContain('我的回复：请假未批准');
    const again = await bot.click(refusedLeave, told, '请假');
    const refused = await bot.submit(refusedLeave, asCard(told, again), { reason: '再请一次' });
    expect(refused.toast?.content).toContain('不能再次请假');
    expect((await bot.edge.db.partyDayAttendance.findFirstOrThrow({ where: { memberId: refusedLeave.memberId } })).rsvp).toBe('LEAVE_REJECTED');
  });

  it('refuses a check-in before the window, showing the window, and writes nothing', async () => {
    clock = at(18, 0);
    const refused = await bot.click(attendee, noticeOf(attendee), '签到');
    expect(refused.toast?.type).toBe('error');
    expect(refused.toast?.content).toBe(`还没到签到时间。签到时间：${day} 19:00 至 ${day} 20:30。`);
    expect(await bot.edge.db.partyDayAttendance.count({ where: { checkedInAt: { not: null } } })).toBe(0);
  });

  it('records a check-in inside the window once', async () => {
    clock = at(19, 10);
    const ok = await bot.click(attendee, noticeOf(attendee), '签到');
    expect(ok.toast?.content).toBe(`签到成功（${day} 19:10）`);
    await bot.click(secretary, noticeOf(secretary), '签到');
    clock = at(19, 20);
    const again = await bot.click(attendee, noticeOf(attendee), '签到');
    expect(again.toast?.content).toBe(`您已于 ${day} 19:10 签到`);
  });

  it('refuses a check-in after the window; absences cannot be counted before it closes', async () => {
    const [home] = await bot.say(secretary, '党日');
    expect(home!.text).toContain('抽油机井偏磨治理攻关');
    clock = at(20, 31);
    const late = await bot.click(absentee, noticeOf(absentee), '签到');
    expect(late.toast?.content).toBe(`签到已结束。签到时间：${day} 19:00 至 ${day} 20:30。`);
    expect(await bot.edge.db.partyDayAttendance.count({ where: { checkedInAt: { not: null } } })).toBe(2);
    clock = at(20, 0);
    const [open] = await bot.say(secretary, '党日');
    expect(open!.text).not.toContain('缺勤处理');
  });

  it('after the day, unexcused absences are proposed; confirm deducts 2 points, waive leaves the score untouched', async () => {
    clock = at(21, 0);
    const before = { absentee: await score(absentee), forgiven: await score(forgiven) };
    const [home] = await bot.say(secretary, '党日');
    const absences = await bot.click(secretary, home!, '缺勤处理');
    expect(absences.text).toContain('李缺席');
    expect(absences.text).toContain('钱免扣');
    expect(absences.text).not.toContain('王到会');
    expect(absences.text).not.toContain('赵请假');
    expect(absences.text).toContain('孙驳回');
    expect(await bot.edge.db.partyDayAttendance.count({ where: { absenceOutcome: 'PENDING' } })).toBe(3);
    expect(await bot.edge.db.deduction.count()).toBe(0);

    // A plain member forging the confirm: refused, nothing decided.
    const forged = await bot.click(absentee, asCard(home!, absences), '确认扣分');
    expect(forged.toast?.content).toContain('没有权限');
    expect(await bot.edge.db.deduction.count()).toBe(0);

    const confirmed = await bot.click(secretary, asCard(home!, absences), '确认扣分');
    expect(confirmed.toast?.content).toBe('已对 李缺席 扣分');
    expect(confirmed.text).toContain('李缺席：已扣分');
    expect(await score(absentee)).toBe(before.absentee - 200);
    const deduction = await bot.edge.db.deduction.findFirstOrThrow();
    expect(deduction.ruleCode).toBe('B1-ABSENCE');
    expect(deduction.memberId).toBe(absentee.memberId);
    expect(bot.inbox(absentee).at(-1)!.text).toContain('您有一项扣分');

    const waived = await bot.click(secretary, asCard(home!, confirmed), '免于扣分');
    expect(waived.text).toContain('钱免扣：已免扣');
    expect(await score(forgiven)).toBe(before.forgiven);
    expect(await bot.edge.db.deduction.count()).toBe(1);
    expect(await bot.edge.db.ledgerEntry.count({ where: { memberId: forgiven.memberId } })).toBe(0);

    // The card the secretary clicked before: deciding again is refused.
    const again = await bot.click(secretary, asCard(home!, absences), '确认扣分');
    expect(again.toast?.content).toContain('已经处理过了');
    expect(await bot.edge.db.deduction.count()).toBe(1);
  });
});
