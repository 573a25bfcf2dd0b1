import { describe, expect, it } from 'vitest';
import type { Actor, MemberDirectory } from '../../../src/bot/actor.js';
import type { BotInput } from '../../../src/bot/bot-input.js';
import type { Card } from '../../../src/bot/cards/elements.js';
import type { CommandDefinition } from '../../../src/bot/commands/command.js';
import { commands } from '../../../src/bot/commands/index.js';
import { handleBotInput, type RouterDeps } from '../../../src/bot/router.js';
import type { BotServices } from '../../../src/bot/services.js';
import { UserFacingError } from '../../../src/bot/user-error.js';
import { DomainError } from '../../../src/domain/errors.js';
import { cardText } from '../../helpers/card-text.js';

const member: Actor = { memberId: 1, openId: 'ou_member', name: '张三', role: 'MEMBER', status: 'ACTIVE', branchId: 1, branchName: '采油一区党支部' };
const secretary: Actor = { ...member, memberId: 2, openId: 'ou_sec', name: '李书记', role: 'SECRETARY' };
const retired: Actor = { ...member, memberId: 3, openId: 'ou_gone', status: 'INACTIVE' };
const directory: MemberDirectory = {
  findByOpenId: async (openId) => [member, secretary, retired].find((a) => a.openId === openId),
};
/** Welcome cards already in the outbox (the welcome topic's rows); the lock is a no-op here. */
let welcomesSent = 0;
const db = {
  $queryRaw: async () => [],
  outboundMessage: { count: async () => welcomesSent },
  member: { findMany: async () => [{ id: 9, openId: 'ou_admin', name: '党委王' }] },
};
const services = { directory, db, timeZone: 'Asia/Shanghai', now: () => new Date('2026-11-28T02:00:00Z') } as unknown as BotServices;

function text(openId: string, body: string, extra: Partial<Extract<BotInput, { kind: 'text' }>> = {}): BotInput {
  return { kind: 'text', key: 'message:om_1', openId, chatId: 'oc_p2p', chatType: 'p2p', messageId: 'om_1', text: body, mentionsBot: false, ...extra };
}

function only(messages: Awaited<ReturnType<typeof handleBotInput>>): { card: Card; target: unknown } {
  expect(messages).toHaveLength(1);
  const [message] = messages;
  if (message?.content.type !== 'card') throw new Error('expected a card');
  return { card: message.content.card, target: message.target };
}

const failing: CommandDefinition = {
  name: 'boom',
  aliases: ['爆炸', 'boom'],
  run: async ({ args }) => {
    if (args[0] === 'user') throw new UserFacingError('数量必须是正数');
    if (args[0] === 'domain') throw new DomainError('ACTOR_NOT_ALLOWED', 'no');
    throw new Error('database exploded: secret details');
  },
};
const errors: unknown[] = [];
const deps: RouterDeps = { services, commands: [...commands, failing], onError: (e) => errors.push(e) };

describe('handleBotInput', () => {
  it('answers help to a member, as a reply to the message', async () => {
    const { card, target } = only(await handleBotInput(text('ou_member', '/帮助'), deps));
    expect(target).toEqual({ to: 'message', messageId: 'om_1' });
    expect(cardText(card)).toContain('记录一项先锋作为');
    expect(cardText(card)).not.toContain('待审核的记录和承诺');
  });

  it('shows secretary commands to a secretary', async () => {
    const { card } = only(await handleBotInput(text('ou_sec', 'help'), deps));
    expect(cardText(card)).toContain('待审核的记录和承诺');
  });

  it('answers an unknown command with help naming what was typed, escaped', async () => {
    const { card } = only(await handleBotInput(text('ou_member', '<at id=all></at>'), deps));
    const shown = cardText(card);
    expect(shown).toContain('没有找到');
    expect(JSON.stringify(card)).not.toContain('<at id=all>');
  });

  it('says 10 KB of text is too long instead of parsing it', async () => {
    const { card } = only(await handleBotInput(text('ou_member', '积分'.repeat(5000)), deps));
    expect(cardText(card)).toContain('内容太长了，请控制在 2000 字以内');
  });

  it('tells people outside the roster whom to ask', async () => {
    const { card } = only(await handleBotInput(text('ou_stranger', '积分'), deps));
    expect(cardText(card)).toContain('党支部书记');
    expect(cardText(card)).toContain('名册');
    expect(cardText(card)).toContain('党委管理员：党委王');
  });

  it('tells inactive members their status', async () => {
    const { card } = only(await handleBotInput(text('ou_gone', '帮助'), deps));
    expect(cardText(card)).toContain('停用');
  });

  it('ignores group messages that do not mention the bot, answers those that do', async () => {
    expect(await handleBotInput(text('ou_member', '帮助', { chatType: 'group', chatId: 'oc_group' }), deps)).toEqual([]);
    const { card } = only(await handleBotInput(text('ou_member', '@_user_1 帮助', { chatType: 'group', mentionsBot: true }), deps));
    expect(cardText(card)).toContain('我能做什么');
  });

  it('maps a bot-menu click to its command and replies to the person', async () => {
    const { card, target } = only(await handleBotInput({ kind: 'menu', key: 'event:e1', openId: 'ou_member', eventKey: 'help' }, deps));
    expect(target).toEqual({ to: 'open_id', id: 'ou_member' });
    expect(cardText(card)).toContain('我能做什么');
  });

  it('welcomes a member who opens the chat, by name', async () => {
    const messages = await handleBotInput({ kind: 'p2p-entered', key: 'event:e2', openId: 'ou_member', chatId: 'oc_p2p' }, deps);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.content.type === 'card' && cardText(messages[0].content.card)).toContain('张三同志');
    expect(messages[0]?.topic).toBe('welcome:1');
  });

  it('does not welcome a member twice, and tells an inactive member their status', async () => {
    welcomesSent = 1;
    try {
      expect(await handleBotInput({ kind: 'p2p-entered', key: 'event:e3', openId: 'ou_member', chatId: 'oc_p2p' }, deps)).toEqual([]);
    } finally {
      welcomesSent = 0;
    }
    const { card } = only(await handleBotInput({ kind: 'p2p-entered', key: 'event:e4', openId: 'ou_gone', chatId: 'oc_p2p' }, deps));
    expect(cardText(card)).toContain('停用');
  });

  it('turns user-facing and domain errors into a friendly card, and hides bugs', async () => {
    expect(cardText(only(await handleBotInput(text('ou_member', '爆炸 user'), deps)).card)).toContain('数量必须是正数');
    expect(cardText(only(await handleBotInput(text('ou_member', '爆炸 domain'), deps)).card)).toContain('没有权限');
    const bug = cardText(only(await handleBotInput(text('ou_member', '爆炸 other'), deps)).card);
    expect(bug).toContain('出了点问题');
    expect(bug).not.toContain('secret details');
    expect(errors).toHaveLength(1);
  });
});
