// 排行 and 支部 end to end through the emulator: the branch board (names or anonymised by the setting, my
// place always shown, long boards paged), and the secretary's branch view (points this month, who recorded
// nothing, pending claims and pledges, open objections) — refused to plain members and across branches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardBytes, CARD_BYTE_LIMIT } from '../../../src/bot/cards/elements.js';
import { startBot, type BotHarness, type Person, type Seen } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { setPledgeWindow, todayShanghai, writtenRows } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let leader: Person;
let member: Person;
let secretary: Person;
let secretary2: Person;
let admin: Person;
let lastInBig: Person;
const BIG = '第二党支部';
const BIG_SIZE = 32;
let n = 0;
const key = () => `rank-test-${++n}`;

async function claim(person: Person, activityCode: string, quantity: number, description: string, approveBy?: Person) {
  const { claim: created } = await bot.domain.claims.create(person, { activityCode, quantity, activityDate: todayShanghai(), description, idempotencyKey: key() });
  if (approveBy) await bot.domain.claimReview.approve(approveBy, created.id);
  return created;
}

const plain = (seen: Seen | undefined) => (seen?.text ?? '').replace(/\*\*/g, '').replace(/<font color='\w+'>|<\/font>/g, '');

beforeAll(async () => {
  bot = await startBot(env);
  await setPledgeWindow(bot, true); // before anything refers to this year's rules version
  leader = await bot.person('赵领先');
  member = await bot.person('王中间');
  await bot.person('孙安静'); // records nothing
  secretary = await bot.person('李书记', 'SECRETARY');
  admin = await bot.person('党委张', 'ADMIN', '党委机关支部');
  await claim(leader, 'V4-PROBLEM', 3, '攻关三项难题', secretary); // 69
  await claim(member, 'V1-ARTICLE', 2, '两篇稿件', secretary); // 62, and the deduction below makes 60
  const { deduction } = await bot.domain.deductions.deduct(secretary, {
    memberId: member.memberId, deductionCode: 'B1-ABSENCE', occurredOn: todayShanghai(), reason: '缺席党课', idempotencyKey: key(),
  });
  await bot.domain.deductions.object(member, { deductionId: deduction.id, text: '当天在井场抢险 <at user_id="all"></at>' });
  await claim(leader, 'V2-TRAINING', 1, '安全培训授课一次'); // pending
  await bot.domain.pledges.create(member, { content: '全年发表宣传稿件 12 篇', serves: 'V1', target: '12 篇', dueOn: `${todayShanghai().slice(0, 4)}-12-31`, idempotencyKey: key() });

  secretary2 = await bot.person('周书记', 'SECRETARY', BIG);
  for (let i = 1; i < BIG_SIZE; i += 1) lastInBig = await bot.person(`二支部党员${String(i).padStart(2, '0')}`, 'MEMBER', BIG);
  await bot.domain.deductions.deduct(secretary2, {
    memberId: lastInBig.memberId, deductionCode: 'B3-TASK', occurredOn: todayShanghai(), reason: '未完成任务', idempotencyKey: key(),
  });
});
afterAll(async () => bot?.close());

describe('排行', () => {
  it('shows the branch board with names, scores, movement and my place', async () => {
    const [reply] = await bot.say(member, '排行');
    const text = plain(reply);
    expect(text).toContain('第一党支部 · 积分榜');
    expect(text).toContain('共 4 人');
    expect(text).toContain('1. 赵领先　69（+9）');
    expect(text).toContain('2. 孙安静　60（0）');
    expect(text).toContain('2. 我　60（0）　← 我');
    expect(text).toContain('我的位置：第 2 名 / 4 人，得分 60');
  });

  it('hides other members’ names when the board is anonymised, but not my own place nor from the secretary', async () => {
    await bot.edge.db.setting.upsert({ where: { key: 'board.anonymised' }, create: { key: 'board.anonymised', value: true }, update: { value: true } });
    try {
      const [reply] = await bot.say(member, 'rank');
      const text = plain(reply);
      expect(text).toContain('其他党员的姓名已隐去');
      expect(text).not.toContain('赵领先');
      expect(text).not.toContain('孙安静');
      expect(text).toContain('1. 党员　69（+9）');
      expect(text).toContain('我的位置：第 2 名 / 4 人');
      const [forSecretary] = await bot.say(secretary, '排行');
      expect(plain(forSecretary)).toContain('1. 赵领先　69（+9）');
    } finally {
      await bot.edge.db.setting.delete({ where: { key: 'board.anonymised' } });
    }
  });

  it('asked in a group, goes to the asker privately: the group never sees one person’s view of names', async () => {
    const replies = await bot.say(secretary, '排行', { groupChatId: 'oc_rank_group' });
    expect(replies.filter((m) => m.raw.chatId === 'oc_rank_group').map((m) => m.text.includes('赵领先'))).toEqual([false]);
    expect(replies.filter((m) => m.raw.chatId === secretary.chatId).map((m) => plain(m).includes('1. 赵领先　69（+9）'))).toEqual([true]);
  });

  it('pages a long board, and a member on a later page still sees their place on the first', async () => {
    const [first] = await bot.say(lastInBig, '排行');
    expect(plain(first)).toContain(`共 ${BIG_SIZE} 人`);
    expect(plain(first)).toContain('第 1 / 2 页');
    expect(cardBytes(first!.card!)).toBeLessThan(CARD_BYTE_LIMIT);
    expect(plain(first)).not.toContain('← 我');
    expect(plain(first)).toContain(`我的位置：第 ${BIG_SIZE} 名 / ${BIG_SIZE} 人，得分 58`);
    const second = await bot.click(lastInBig, first!, '下一页');
    expect(second.text).toContain('第 2 / 2 页');
    expect(second.text.replace(/\*\*/g, '')).toContain(`${BIG_SIZE}. 我　58（-2）　← 我`);
    const back = await bot.click(lastInBig, { ...first!, card: second.card }, '上一页');
    expect(back.text).toContain('第 1 / 2 页');
  });

  it('lets an admin name a branch, refuses a member another branch, and answers an unknown one', async () => {
    const [forAdmin] = await bot.say(admin, `排行 ${BIG} 本月`);
    expect(plain(forAdmin)).toContain(`${BIG} · 积分榜`);
    const before = await writtenRows(bot);
    const [refused] = await bot.say(member, `排行 ${BIG}`);
    expect(refused?.text).toContain('没有权限');
    const [unknown] = await bot.say(member, '排行 第九十九党支部');
    expect(unknown?.text).toContain('没有找到名为“第九十九党支部”的支部');
    expect(await writtenRows(bot)).toEqual(before);
  });
});

describe('支部', () => {
  it('gives the secretary the branch now: points, who recorded nothing, pending reviews, open objections', async () => {
    const [reply] = await bot.say(secretary, '支部');
    const text = plain(reply);
    expect(text).toContain('第一党支部 · 支部概况');
    expect(text).toContain('党员 4 人');
    expect(text).toContain('- 赵领先：69 / +9');
    expect(text).toContain('- 王中间：60 / 0');
    expect(text).toContain('本月尚无任何记录（2 人）\n孙安静、李书记');
    expect(text).toContain('待审核：记录 1 条，承诺 1 条');
    expect(text).toContain('- 记录 · 赵领先 · 安全培训授课');
    expect(text).toContain('- 承诺 · 王中间 · 全年发表宣传稿件 12 篇');
    expect(text).toContain('未处理的异议（1 条）');
    expect(text).toContain('- 王中间（');
    expect(text).toContain('当天在井场抢险 <at user_id="all"></at>');
    expect(JSON.stringify(reply?.card)).not.toContain('<at user_id');
  });

  it('refuses plain members and other branches’ secretaries, writing nothing; an admin may name the branch', async () => {
    const before = await writtenRows(bot);
    const [forMember] = await bot.say(member, '支部');
    expect(forMember?.text).toContain('是支部书记的功能');
    const [forOther] = await bot.say(secretary2, '支部 第一党支部');
    expect(forOther?.text).toContain('没有权限');
    expect(forOther?.text).not.toContain('赵领先');
    expect(await writtenRows(bot)).toEqual(before);
    const [forAdmin] = await bot.say(admin, 'branch 第一党支部');
    expect(plain(forAdmin)).toContain('第一党支部 · 支部概况');
    expect(plain(forAdmin)).toContain('- 赵领先：69 / +9');
  });

  it('answers the bot-menu entries, and an unknown branch name clearly', async () => {
    const [board] = await bot.menu(member, 'board');
    expect(board?.raw.userOpenId).toBe(member.openId);
    expect(plain(board)).toContain('我的位置：第 2 名 / 4 人');
    const [branch] = await bot.menu(secretary, 'branch');
    expect(plain(branch)).toContain('第一党支部 · 支部概况');
    const before = await writtenRows(bot);
    const [unknown] = await bot.say(admin, '支部 不存在的支部 <at user_id="all"></at>');
    expect(unknown?.text).toContain('没有找到名为“不存在的支部 <at user_id="all"></at>”的支部');
    expect(JSON.stringify(unknown?.card)).not.toContain('<at user_id');
    expect(await writtenRows(bot)).toEqual(before);
  });

  it('pages a large branch’s member list', async () => {
    const [first] = await bot.say(secretary2, '支部');
    expect(plain(first)).toContain(`党员 ${BIG_SIZE} 人`);
    expect(plain(first)).toContain('党员名单第 1 / 2 页');
    expect(cardBytes(first!.card!)).toBeLessThan(CARD_BYTE_LIMIT);
    const memberList = (text: string) => text.slice(0, text.indexOf('党员名单第'));
    expect(memberList(plain(first))).not.toContain('二支部党员31');
    const second = await bot.click(secretary2, first!, '下一页');
    expect(second.text).toContain('党员名单第 2 / 2 页');
    expect(memberList(second.text)).toContain('二支部党员31：58 / -2');
  });
});

describe('forged page clicks', () => {
  it('a page button for another branch is refused by the services, whatever the card says', async () => {
    const [bigBoard] = await bot.say(secretary2, '排行');
    const [bigBranch] = await bot.say(secretary2, '支部');
    const before = await writtenRows(bot);
    const board = await bot.click(member, bigBoard!, '下一页');
    expect(board.toast?.content).toContain('没有权限');
    expect(board.card).toBeUndefined();
    const branch = await bot.click(secretary, bigBranch!, '下一页');
    expect(branch.toast?.content).toContain('没有权限');
    const asMember = await bot.click(lastInBig, bigBranch!, '下一页');
    expect(asMember.toast?.content).toContain('是支部书记的功能');
    expect(await writtenRows(bot)).toEqual(before);
  });
});
