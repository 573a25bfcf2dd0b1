// 公示 end to end on a settable clock: no bound group → told so; the secretary posts last month's ranking
// to the bound group once however often asked; a member's objection (escaped) reaches the secretary once;
// after the configured window the button and the form answer that it is closed and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDayOf, formatPeriodKey, parsePeriodKey, previousPeriod } from '../../../src/domain/periods/period-key.js';
import { periodOf } from '../../../src/domain/periods/zoned-time.js';
import { formatInstant } from '../../../src/bot/format-time.js';
import { SYSTEM_ACTOR } from '../../../src/domain/access/actor.js';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';

const env = useIsolated();
const BRANCH = '公示测试支部';
const GROUP = 'oc_notice_group';
const HOSTILE = '<at id=all></at> [点我](javascript:alert(1))';
let clock = new Date();
let bot: BotHarness;
let secretary: Person;
let member: Person;
let good: Person;
let outsider: Person;
const lastMonth = formatPeriodKey(previousPeriod(periodOf(new Date(), 'month', 'Asia/Shanghai')));
const DAY = 86_400_000;

beforeAll(async () => {
  bot = await startBot(env, 'postgres', { now: () => clock });
  await bot.domain.rules.ensureRulesVersion(Number(lastMonth.slice(0, 4)));
  secretary = await bot.person('公示书记', 'SECRETARY', BRANCH);
  member = await bot.person('扣过分', 'MEMBER', BRANCH);
  good = await bot.person('没扣分', 'MEMBER', BRANCH);
  outsider = await bot.person('别的支部', 'MEMBER', '另一个支部');
  await bot.edge.db.setting.upsert({ where: { key: 'notice.objectionDays' }, create: { key: 'notice.objectionDays', value: 2 }, update: { value: 2 } });
  await bot.domain.deductions.deduct(secretary, {
    memberId: member.memberId, deductionCode: 'B2-DUES', occurrences: 1, occurredOn: firstDayOf(parsePeriodKey(lastMonth)), reason: '未交党费', idempotencyKey: 'notice-test-1',
  });
});
afterAll(async () => bot?.close());

const groupNotices = () => bot.chat(GROUP).filter((m) => m.text.includes('积分公示'));

describe('公示', () => {
  it('says so when the branch has no bound group, and writes nothing', async () => {
    const [reply] = await bot.say(secretary, '公示');
    expect(reply!.text).toContain('还没有绑定支部群');
    expect(await bot.edge.db.publicNotice.count()).toBe(0);
  });

  it('posts last month’s ranking to the bound group once, with the configured objection deadline', async () => {
    const [added] = await bot.botAddedToGroup(secretary, GROUP, '公示测试群');
    await bot.click(secretary, added!, '绑定为我的支部群');
    const [member1] = await bot.say(member, '公示');
    expect(member1!.text).toContain('没有权限');
    expect(await bot.edge.db.publicNotice.count()).toBe(0);

    const replies = await bot.say(secretary, '公示');
    expect(replies.find((m) => m.raw.chatId !== GROUP)!.text).toContain(`${BRANCH} ${lastMonth} 积分公示已发到支部群`);
    const again = await bot.say(secretary, `公示 ${lastMonth}`);
    expect(again.map((m) => m.text).join('\n')).toContain('已经发过了');
    expect(groupNotices()).toHaveLength(1);
    expect(await bot.edge.db.publicNotice.count()).toBe(1);

    const notice = groupNotices()[0]!;
    expect(notice.text).toContain(`${BRANCH} ${lastMonth} 积分公示`);
    expect(notice.text).toContain(`请在 ${formatInstant(new Date(clock.getTime() + 2 * DAY), 'Asia/Shanghai')} 前点击“提出异议”`);
    expect(notice.text.indexOf('没扣分')).toBeLessThan(notice.text.indexOf('扣过分'));
    expect(notice.text).toContain('扣过分　本月 -1.00 分');
    expect(notice.text).toContain('提出异议');
  });

  it('the scheduled push (the system) posts through the same claim: once per branch and month', async () => {
    const thisMonth = formatPeriodKey(periodOf(clock, 'month', 'Asia/Shanghai'));
    const first = await bot.domain.publicNotices.post(SYSTEM_ACTOR, { branchId: secretary.branchId, periodKey: thisMonth });
    expect(first.created).toBe(true);
    expect(first.board.rows.map((r) => r.name)).toContain('没扣分');
    const second = await bot.domain.publicNotices.post(SYSTEM_ACTOR, { branchId: secretary.branchId, periodKey: thisMonth });
    expect(second).toMatchObject({ created: false, notice: { id: first.notice.id } });
    const replies = await bot.say(secretary, '公示 本月');
    expect(replies.map((m) => m.text).join('\n')).toContain(`${thisMonth} 的公示已经发过了`);
    expect(await bot.edge.db.auditLog.count({ where: { action: 'public-notice.post', actorId: null } })).toBe(1);
  });

  it('routes a member’s objection, escaped, to the secretary once; other branches may not object', async () => {
    const notice = groupNotices()[0]!;
    const refused = await bot.click(outsider, notice, '提出异议');
    expect(refused.toast?.content).toContain('没有权限');
    const opened = await bot.click(good, notice, '提出异议');
    expect(opened.toast?.content).toContain('私信');
    expect(opened.card).toBeUndefined();
    const form = bot.inbox(good).at(-1)!;
    expect(form.text).toContain('提出异议');
    const sent = await bot.submit(good, form, { text: `排名有误 ${HOSTILE}` });
    expect(sent.text).toContain('异议已提交');
    await bot.submit(good, form, { text: `排名有误 ${HOSTILE}` });
    expect(await bot.edge.db.noticeObjection.count()).toBe(1);
    const toSecretary = bot.inbox(secretary).filter((m) => m.text.includes('公示收到异议'));
    expect(toSecretary).toHaveLength(1);
    expect(toSecretary[0]!.text).toContain('提出人：没扣分');
    expect(toSecretary[0]!.text).toContain('排名有误 <at id=all></at>');
    expect(JSON.stringify(toSecretary[0]!.card)).not.toMatch(/<at id=all>|\]\(javascript/);
  });

  it('after the window the button and a form opened before answer that it is closed, and nothing is written', async () => {
    const notice = groupNotices()[0]!;
    const opened = await bot.click(member, notice, '提出异议');
    const form: Seen = bot.inbox(member).at(-1)!;
    expect(opened.toast?.content).toContain('私信');
    clock = new Date(clock.getTime() + 2 * DAY + 60_000);
    const closed = await bot.click(member, notice, '提出异议');
    expect(closed.toast?.content).toContain('公示期已于');
    expect(closed.toast?.content).toContain('不能再提出异议');
    const late = await bot.submit(member, form, { text: '晚了' });
    expect(late.toast?.content).toContain('不能再提出异议');
    expect(await bot.edge.db.noticeObjection.count()).toBe(1);
    expect(bot.inbox(secretary).filter((m) => m.text.includes('公示收到异议'))).toHaveLength(1);
  });
});
