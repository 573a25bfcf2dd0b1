// The conversation basics end to end through the emulator: help, unknown people and commands,
// group mentions, menu clicks, the welcome card, hostile text — with nothing written for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { useIsolated } from '../../helpers/isolated.js';

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

  it('answers 10 KB of text with help', async () => {
    const [reply] = await bot.say(member, '积'.repeat(10_240));
    expect(reply?.text).toContain('我能做什么');
  });

  it('in a group, answers only when mentioned', async () => {
    expect(await bot.say(member, '帮助', { groupChatId: 'oc_group_basics', mentionBot: false })).toEqual([]);
    const [reply] = await bot.say(member, '帮助', { groupChatId: 'oc_group_basics' });
    expect(reply?.raw.chatId).toBe('oc_group_basics');
    expect(reply?.text).toContain('我能做什么');
  });

  it('maps a bot-menu click to its command', async () => {
    const [reply] = await bot.menu(member, 'help');
    expect(reply?.raw.userOpenId).toBe(member.openId);
    expect(reply?.text).toContain('我能做什么');
  });

  it('welcomes a member who opens the chat', async () => {
    const replies = await bot.enterChat(member);
    expect(replies[0]?.text).toContain('王小明同志');
  });
});
