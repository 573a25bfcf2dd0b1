// Deductions with objections and vetoes end to end: 扣分 from the form (member picked by name), the member's
// 异议 and its resolution (upheld → score restored, per the scores service), 否决 proposed, rejected and
// confirmed by an admin (only a confirmation zeroes the year), and bad input that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../src/domain/access/actor.js';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { todayShanghai, writtenRows } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let other: Person;
let secretary: Person;
let admin: Person;
const HOSTILE = '<at user_id="all"></at> [x](javascript:alert(1))';

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('孙扣分');
  other = await bot.person('周同志');
  secretary = await bot.person('钱书记', 'SECRETARY');
  admin = await bot.person('吴管理员', 'ADMIN', '机关党支部');
});
afterAll(async () => bot?.close());

const year = () => todayShanghai().slice(0, 4);
const score = async (p: Person) => (await bot.domain.scores.memberScore(SYSTEM_ACTOR, p.memberId, year())).score.standing.checklistScore;
const date = () => `${todayShanghai()} +0800`;

describe('deductions and objections', () => {
  it('refuses 扣分 to a plain member with a clear card', async () => {
    const [reply] = await bot.say(member, '扣分');
    expect(reply!.text).toContain('没有权限');
  });

  it('narrows the member select by the typed name, and says when nothing matches', async () => {
    const [found] = await bot.say(secretary, '扣分 孙');
    expect(found!.text).toContain('按“孙”找到 1 名党员');
    expect(found!.text).toContain('孙扣分');
    expect(found!.text).not.toContain('周同志');
    const [none] = await bot.say(secretary, '扣分 不存在的人');
    expect(none!.text).toContain('没有名字包含“不存在的人”');
    expect(none!.text).toContain('周同志');
  });

  it('an upheld objection reverses the deduction and restores the score', async () => {
    const before = await score(member);
    const [form] = await bot.say(secretary, '扣分 孙扣分');
    const done = await bot.submit(secretary, form!, { member: String(member.memberId), rule: 'B1-ABSENCE', occurrences: '1', date: date(), reason: `缺席主题党日 ${HOSTILE}` });
    expect(done.text).toContain('扣分已记录');
    expect(JSON.stringify(done.card)).not.toMatch(/<at user_id|\]\(javascript/);
    // The same form again (a double tap): one deduction, one notice.
    await bot.submit(secretary, form!, { member: String(member.memberId), rule: 'B1-ABSENCE', occurrences: '1', date: date(), reason: '缺席主题党日' });
    expect(await bot.edge.db.deduction.count()).toBe(1);
    expect(await score(member)).toBe(before - 200);
    const notices = bot.inbox(member).filter((m) => m.text.includes('您有一项扣分'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('无故缺席三会一课/主题党日');

    const objectForm = await bot.click(member, notices[0]!, '提出异议');
    const sent = await bot.submit(member, { ...notices[0]!, card: objectForm.card!, text: objectForm.text }, { text: '当天请过假，有审批记录' });
    expect(sent.text).toContain('异议已提交');
    const review = bot.inbox(secretary).filter((m) => m.text.includes('党员对扣分提出异议'));
    expect(review).toHaveLength(1);
    expect(review[0]!.text).toContain('当天请过假');

    const upheld = await bot.submit(secretary, review[0]!, { resolution: '核实有请假审批' }, { formName: 'uphold_form' });
    expect(upheld.text).toContain('已撤销扣分（钱书记）');
    expect(bot.inbox(member).at(-1)!.text).toContain('您的异议成立');
    expect(await score(member)).toBe(before);
    expect(await bot.edge.db.ledgerEntry.count({ where: { cause: 'REVERSAL' } })).toBe(1);
    const again = await bot.submit(secretary, review[0]!, { resolution: '再点一次' }, { formName: 'reject_form' });
    expect(again.toast?.content).toContain('已经处理过了');
  });

  it('a rejected objection keeps the deduction and tells the member why', async () => {
    const before = await score(other);
    const [form] = await bot.say(secretary, '扣分 周同志');
    await bot.submit(secretary, form!, { member: String(other.memberId), rule: 'B2-DUES', occurrences: '2', date: date(), reason: '两个月未交党费' });
    expect(await score(other)).toBe(before - 200);
    const notice = bot.inbox(other).filter((m) => m.text.includes('您有一项扣分'))[0]!;
    const objectForm = await bot.click(other, notice, '提出异议');
    await bot.submit(other, { ...notice, card: objectForm.card!, text: objectForm.text }, { text: '我交了' });
    const review = bot.inbox(secretary).filter((m) => m.text.includes('党员对扣分提出异议')).at(-1)!;
    const blank = await bot.submit(secretary, review, { resolution: '' }, { formName: 'reject_form' });
    expect(blank.toast?.content).toContain('请填写理由');
    const rejected = await bot.submit(secretary, review, { resolution: '财务记录显示未交' }, { formName: 'reject_form' });
    expect(rejected.text).toContain('已驳回异议');
    expect(bot.inbox(other).at(-1)!.text).toContain('财务记录显示未交');
    expect(await score(other)).toBe(before - 200);
  });

  it('bad deduction input changes nothing', async () => {
    const [form] = await bot.say(secretary, '扣分');
    const rows = await writtenRows(bot);
    const noReason = await bot.submit(secretary, form!, { member: String(member.memberId), rule: 'B1-ABSENCE', occurrences: '1', date: date(), reason: '' });
    expect(noReason.toast?.type).toBe('error');
    const badRule = await bot.submit(secretary, form!, { member: String(member.memberId), rule: 'NO-SUCH', occurrences: '1', date: date(), reason: '理由' });
    expect(badRule.toast?.content).toContain('没有这条扣分规则');
    const future = await bot.submit(secretary, form!, { member: String(member.memberId), rule: 'B1-ABSENCE', occurrences: '1', date: '2999-01-01 +0800', reason: '理由' });
    expect(future.toast?.type).toBe('error');
    expect(await writtenRows(bot)).toEqual(rows);
  });
});

describe('vetoes', () => {
  it('a rejected veto leaves the score; a confirmed one zeroes it and tells the member why', async () => {
    const before = await score(other);
    expect(before).toBeGreaterThan(0);
    const [form] = await bot.say(secretary, '否决 周同志');
    expect(form!.text).toContain('违背党的路线方针政策');
    const sent = await bot.submit(secretary, form!, { member: String(other.memberId), item: 'X2', date: date(), reason: '违反廉洁纪律', evidence: '纪委通报 2026-7 号' });
    expect(sent.text).toContain('否决项已提交');
    const decision = bot.inbox(admin).filter((m) => m.text.includes('否决项待确认')).at(-1)!;
    expect(decision.text).toContain('纪委通报');
    const rejected = await bot.submit(admin, decision, { reason: '证据不足' });
    expect(rejected.text).toContain('不予确认（吴管理员）');
    expect(bot.inbox(secretary).at(-1)!.text).toContain('否决项未被确认');
    expect(await score(other)).toBe(before);

    const [form2] = await bot.say(secretary, '否决 周同志');
    await bot.submit(secretary, form2!, { member: String(other.memberId), item: 'X3', date: date(), reason: '触碰安全红线' });
    const decision2 = bot.inbox(admin).filter((m) => m.text.includes('否决项待确认')).at(-1)!;
    const refused = await bot.click(secretary, decision2, '确认否决');
    expect(refused.toast?.content).toContain('没有权限');
    const confirmed = await bot.click(admin, decision2, '确认否决');
    expect(confirmed.text).toContain('已确认否决（吴管理员）');
    expect(await score(other)).toBe(0);
    const told = bot.inbox(other).at(-1)!;
    expect(told.text).toContain('否决项通知');
    expect(told.text).toContain('触碰安全红线');
    const twice = await bot.click(admin, decision2, '确认否决');
    expect(twice.toast?.content).toContain('已经处理过了');
    expect(await bot.edge.db.ledgerEntry.count({ where: { cause: 'VETO' } })).toBe(1);
  });

  it('refuses 否决 to a member', async () => {
    const [reply] = await bot.say(member, '否决');
    expect(reply!.text).toContain('没有权限');
  });
});
