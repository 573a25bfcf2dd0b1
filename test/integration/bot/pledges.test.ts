// Pledges end to end through the emulator: 定诺 in and out of the window (idempotent form), 审诺 by two
// secretaries with the card updated for both, 亮诺 on the wall of a bound group, 践诺 with a photo, 评诺.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { setPledgeWindow } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let secretary: Person;
let secretary2: Person;
const GROUP = 'oc_pledge_group_1';
const HOSTILE = '<at user_id="all"></at> [x](javascript:alert(1))';

const pledgeForm = { content: '带头发现并处置井场隐患', serves: 'V2', target: '全年处置隐患 50 处', due: '2026-12-31 +0800' };
const yearOf = () => new Date().getFullYear();
const formFor = (values: Record<string, string>) => ({ ...values, due: `${new Date().getFullYear()}-12-31 +0800` });

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('王践诺');
  secretary = await bot.person('李书记', 'SECRETARY');
  secretary2 = await bot.person('赵副书记', 'SECRETARY');
});
afterAll(async () => bot?.close());

async function reviewCardOf(person: Person): Promise<Seen> {
  const cards = bot.inbox(person).filter((m) => m.text.includes('承诺待审核'));
  return bot.refresh(cards[cards.length - 1]!);
}

describe('pledges', () => {
  it('outside the pledge window says when it is open and refuses a submitted form', async () => {
    await setPledgeWindow(bot, true);
    const [openCard] = await bot.say(member, '承诺');
    await setPledgeWindow(bot, false);
    const [closed] = await bot.say(member, '承诺');
    expect(closed!.text).toContain('不在定诺时间内');
    expect(closed!.text).not.toContain('提交审核');
    const refused = await bot.submit(member, openCard!, formFor(pledgeForm));
    expect(refused.toast?.content).toContain('定诺时间为');
    expect(await bot.edge.db.pledge.count()).toBe(0);
    await setPledgeWindow(bot, true);
  });

  it('binds a group for the wall: members are refused, the secretary binds, the wall is posted', async () => {
    const [added] = await bot.botAddedToGroup(secretary, GROUP, '第一党支部群');
    expect(added!.text).toContain('绑定为我的支部群');
    const refused = await bot.click(member, added!, '绑定为我的支部群');
    expect(refused.toast?.content).toContain('没有权限');
    expect(await bot.edge.db.branchGroupChat.count()).toBe(0);
    const bound = await bot.click(secretary, added!, '绑定为我的支部群');
    expect(bound.text).toContain('第一党支部');
    const wall = bound.followUps.find((m) => m.raw.chatId === GROUP);
    expect(wall?.text).toContain('亮诺墙');
    expect(wall?.text).toContain('还没有审核通过的承诺');
  });

  it('creates one pledge from a double-submitted form and sends both secretaries a review card once', async () => {
    const [card] = await bot.say(member, '承诺');
    expect(card!.text).toContain('新建承诺');
    const first = await bot.submit(member, card!, formFor(pledgeForm));
    expect(first.toast?.type).toBe('success');
    expect(first.text).toContain('承诺已提交');
    const again = await bot.submit(member, card!, formFor(pledgeForm));
    expect(again.text).toContain('承诺已提交');
    expect(await bot.edge.db.pledge.count({ where: { memberId: member.memberId } })).toBe(1);
    expect(bot.inbox(secretary).filter((m) => m.text.includes('承诺待审核'))).toHaveLength(1);
    expect(bot.inbox(secretary2).filter((m) => m.text.includes('承诺待审核'))).toHaveLength(1);
    expect((await reviewCardOf(secretary)).text).toContain('带头发现并处置井场隐患');
  });

  it('approval tells the member, updates the other reviewer card and the wall; a second approval is already handled', async () => {
    const card = await reviewCardOf(secretary);
    const approved = await bot.click(secretary, card, '通过');
    expect(approved.text).toContain('已通过（李书记）');
    expect(bot.inbox(member).at(-1)?.text).toContain('您的承诺已通过审核');
    const other = await reviewCardOf(secretary2);
    expect(other.text).toContain('已通过（李书记）');
    expect(other.text).not.toContain('退回理由');
    // The card as it was before the patch: a reviewer who had it open taps 通过 too late.
    const stale = { ...other, card: JSON.parse(other.raw.revisions[0]!.content) as Seen['card'] };
    const late = await bot.click(secretary2, stale, '通过');
    expect(late.toast?.content).toContain('已经处理过了');
    const wall = bot.refresh(bot.chat(GROUP).find((m) => m.text.includes('年亮诺墙'))!);
    expect(wall.text).toContain('王践诺');
    expect(wall.text).toContain('带头发现并处置井场隐患');
    expect(await bot.edge.db.auditLog.count({ where: { action: 'pledge.approve' } })).toBe(1);
  });

  it('records progress from the card, attaches the photo sent right after, and shows it on the wall', async () => {
    const [mine] = await bot.say(member, '承诺');
    const form = await bot.click(member, mine!, '记录进度');
    expect(form.text).toContain('记录承诺进度');
    const saved = await bot.submit(member, { ...mine!, card: form.card!, text: form.text }, { percent: '60', text: '已处置隐患 30 处' });
    expect(saved.text).toContain('当前进度 60%');
    const [photo] = await bot.sendImage(member);
    expect(photo!.text).toContain('照片已保存');
    const progress = await bot.edge.db.pledgeProgress.findFirstOrThrow();
    expect(progress.imageKey).toMatch(/^img_v2_/);
    const wall = bot.refresh(bot.chat(GROUP).find((m) => m.text.includes('年亮诺墙'))!);
    expect(wall.text).toContain('60%');
  });

  it('returning needs a comment; the member is told why and can resubmit', async () => {
    const [card] = await bot.say(member, '承诺');
    await bot.submit(member, card!, formFor({ ...pledgeForm, content: '每月讲一次安全课', serves: 'MASSES' }));
    const review = await reviewCardOf(secretary);
    const blank = await bot.submit(secretary, review, { comment: '' });
    expect(blank.toast?.content).toContain('请填写理由');
    const returned = await bot.submit(secretary, review, { comment: '目标要写清楚次数' });
    expect(returned.text).toContain('已退回（李书记）');
    const notice = bot.inbox(member).at(-1)!;
    expect(notice.text).toContain('目标要写清楚次数');
    const edit = await bot.click(member, notice, '修改后重新提交');
    const resubmitted = await bot.submit(member, { ...notice, card: edit.card!, text: edit.text }, formFor({ ...pledgeForm, content: '每月讲一次安全课', target: '全年 12 次', serves: 'MASSES' }));
    expect(resubmitted.text).toContain('重新提交审核');
    expect((await reviewCardOf(secretary)).text).toContain('全年 12 次');
  });

  it('评诺: the secretary sees the branch pledges with progress and marks one 已践诺', async () => {
    const [list] = await bot.say(secretary, '评诺');
    expect(list!.text).toContain('承诺盘点与评诺');
    expect(list!.text).toContain('60%');
    const marked = await bot.click(secretary, list!, '已践诺');
    expect(marked.text).toContain('评诺：已践诺');
    const pledge = await bot.edge.db.pledge.findFirstOrThrow({ where: { content: '带头发现并处置井场隐患' } });
    expect(pledge.fulfilment).toBe('FULFILLED');
    const [refused] = await bot.say(member, '评诺');
    expect(refused!.text).toContain('没有权限');
  });

  it('keeps hostile text literal and refuses 10 KB, writing nothing', async () => {
    const [card] = await bot.say(member, '承诺');
    const before = await bot.edge.db.pledge.count();
    const tooLong = await bot.submit(member, card!, formFor({ ...pledgeForm, content: '长'.repeat(10_240) }));
    expect(tooLong.toast?.type).toBe('error');
    expect(await bot.edge.db.pledge.count()).toBe(before);
    const hostile = await bot.submit(member, card!, formFor({ ...pledgeForm, content: HOSTILE }));
    expect(hostile.text).toContain(HOSTILE);
    const json = JSON.stringify(hostile.card) + JSON.stringify((await reviewCardOf(secretary)).card);
    expect(json).not.toMatch(/<at user_id|\]\(javascript/);
  });

  it('answers people outside the roster and lets the year be given', async () => {
    const stranger = { ...member, openId: 'ou_stranger_pledge', memberId: -1 };
    const [reply] = await bot.say(stranger, '承诺');
    expect(reply!.text).toContain('名册');
    const [wall] = await bot.say(member, `亮诺 ${yearOf()}`);
    expect(wall!.text).toContain('亮诺墙');
  });

  it('unbinds the group when the bot is removed', async () => {
    await bot.botRemovedFromGroup(secretary, GROUP, '第一党支部群');
    const row = await bot.edge.db.branchGroupChat.findUniqueOrThrow({ where: { chatId: GROUP } });
    expect(row.unboundAt).not.toBeNull();
  });
});
