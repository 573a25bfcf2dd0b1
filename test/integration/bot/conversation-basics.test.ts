// The conversation basics end to end through the emulator: help, unknown people and commands,
// group mentions, menu clicks, the welcome card, hostile text — with nothing written for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';
import { p2pChatIdFor } from '../../../src/emulator/directory.js';

const env = useIsolated();
let bot: BotHarness;
let member: Person;
let secretary: Person;

beforeAll(async () => {
  bot = await startBot(env);
  member = await bot.person('王小明');
  secretary = await bot.person('李书记', 'SECRETARY');
});
afterAll(async () => bot?.close());

describe('conversation basics', () => {
  it('answers 帮助 with the help card and its buttons', async () => {
    const [reply, ...rest] = await bot.say(member, '帮助');
    expect(rest).toEqual([]);
    expect(reply?.text).toContain('我能做什么');
    expect(reply?.text).toContain('我的积分');
    expect(reply?.text).not.toContain('待审核的记录和承诺');
  });

  it('shows a secretary the secretary commands', async () => {
    const [reply] = await bot.say(secretary, '/help');
    expect(reply?.text).toContain('待审核的记录和承诺');
  });

  it('answers people outside the roster politely and stores nothing about them', async () => {
    const stranger = { ...member, openId: 'ou_stranger_1', memberId: -1, name: '路人' };
    const before = await bot.edge.db.auditLog.count();
    const [reply] = await bot.say(stranger, '积分');
    expect(reply?.text).toContain('名册');
    expect(await bot.edge.db.auditLog.count()).toBe(before);
    expect(await bot.edge.db.member.count({ where: { openId: 'ou_stranger_1' } })).toBe(0);
  });

  it('answers an unknown command with help, never silence, and hostile text stays literal', async () => {
    const [reply] = await bot.say(member, '<at user_id="all"></at> [x](javascript:alert(1))');
    expect(reply?.text).toContain('没有找到');
    expect(JSON.stringify(reply?.card)).not.toMatch(/<at user_id|\]\(javascript/);
  });

  it('answers 10 KB of text by saying it is too long', async () => {
    const [reply] = await bot.say(member, '积'.repeat(10_240));
    expect(reply?.text).toContain('内容太长了，请控制在 2000 字以内');
  });

  it('in a group, answers only when mentioned', async () => {
    expect(await bot.say(member, '帮助', { groupChatId: 'oc_group_basics', mentionBot: false })).toEqual([]);
    const [reply] = await bot.say(member, '帮助', { groupChatId: 'oc_group_basics' });
    expect(reply?.raw.chatId).toBe('oc_group_basics');
    expect(reply?.text).toContain('我能做什么');
  });

  it('answers an empty mention, emoji and mixed scripts with help, naming what was typed', async () => {
    const [empty] = await bot.say(member, '', { groupChatId: 'oc_group_basics' });
    expect(empty?.text).toContain('我能做什么');
    expect(empty?.text).not.toContain('没有找到');
    const [emoji] = await bot.say(member, '👍🏻积分？ポイント');
    expect(emoji?.text).toContain('没有找到“👍🏻积分?ポイント”这个指令'); // full-width punctuation normalised
  });

  it('maps a bot-menu click to its command', async () => {
    const [reply] = await bot.menu(member, 'help');
    expect(reply?.raw.userOpenId).toBe(member.openId);
    expect(reply?.text).toContain('我能做什么');
  });

  it('welcomes a member who opens the chat, once: Feishu sends the event on every visit', async () => {
    const replies = await bot.enterChat(member);
    expect(replies.map((r) => r.raw.chatId)).toEqual([member.chatId, member.chatId]);
    expect(replies[0]?.text).toContain('王小明同志');
    expect(replies[1]?.text).toContain('我能做什么');
    expect(await bot.enterChat(member)).toEqual([]);
    const [other] = await bot.enterChat(secretary);
    expect(other?.text).toContain('李书记同志');
  });

  it('lists every command by role on the help card', async () => {
    const memberCommands = ['记录', '我的记录', '积分', '排行', '承诺', '志愿', '请假 / 销假', '党日'];
    const secretaryCommands = ['待审', '支部', '审诺', '评诺', '亮诺', '扣分', '否决', '公示', '评议', '导出'];
    const adminCommands = ['审计', '评议 调整', '指标', '党员之星', '推送'];
    const listed = (text: string | undefined, commands: string[]) => commands.filter((c) => text?.includes(`- **${c}**：`));
    const [forMember] = await bot.say(member, '帮助');
    expect(listed(forMember?.text, memberCommands)).toEqual(memberCommands);
    expect(listed(forMember?.text, [...secretaryCommands, ...adminCommands])).toEqual([]);
    const [forSecretary] = await bot.say(secretary, '帮助');
    expect(listed(forSecretary?.text, [...memberCommands, ...secretaryCommands])).toEqual([...memberCommands, ...secretaryCommands]);
    expect(listed(forSecretary?.text, adminCommands)).toEqual([]);
    const admin = await bot.person('党委张', 'ADMIN');
    const [forAdmin] = await bot.say(admin, '帮助');
    expect(listed(forAdmin?.text, [...memberCommands, ...secretaryCommands, ...adminCommands])).toEqual([...memberCommands, ...secretaryCommands, ...adminCommands]);
  });

  it('a help-card button runs its command', async () => {
    const [help] = await bot.say(member, '帮助');
    const points = await bot.click(member, help!, '我的积分');
    expect(points.followUps.map((m) => m.text).join('\n')).toContain('先锋清单得分');
    const board = await bot.click(member, help!, '支部排行');
    expect(board.followUps.map((m) => m.text).join('\n')).toContain('第一党支部 · 积分榜');
  });

  it('tells a stranger who opens the chat whom to ask, every time, keeping nothing they sent', async () => {
    // In the tenant (Feishu knows them), not in the roster.
    const stranger = { ...member, openId: 'ou_stranger_2', memberId: -1, name: '访客', chatId: p2pChatIdFor('ou_stranger_2') };
    bot.edge.emulator.app.emulator.addUser({ openId: stranger.openId, name: stranger.name });
    const audit = await bot.edge.db.auditLog.count();
    const [first] = await bot.enterChat(stranger);
    expect(first?.text).toContain('党支部书记或党委组织部门');
    expect(first?.text).toContain('党委管理员：党委张');
    const [second] = await bot.enterChat(stranger);
    expect(second?.text).toContain('党支部书记或党委组织部门');
    const [again] = await bot.say(stranger, '我想查积分 13800000000');
    expect(again?.text).toContain('不在“十个一”先锋清单的党员名册中');
    expect(await bot.edge.db.member.count({ where: { openId: 'ou_stranger_2' } })).toBe(0);
    expect(await bot.edge.db.auditLog.count()).toBe(audit);
    // The dedupe record stays; the message it carried does not.
    const kept = await bot.edge.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM processed_events WHERE payload IS NOT NULL`;
    expect(Number(kept[0]?.n)).toBe(0);
  });

  it('tells an inactive member their status, at the door and on any command', async () => {
    const gone = await bot.person('钱停用');
    await bot.edge.db.member.update({ where: { id: gone.memberId }, data: { status: 'INACTIVE' } });
    const [door] = await bot.enterChat(gone);
    expect(door?.text).toContain('状态为“停用”');
    expect(door?.text).not.toContain('钱停用同志');
    const [reply] = await bot.say(gone, '积分');
    expect(reply?.text).toContain('状态为“停用”');
  });
});
