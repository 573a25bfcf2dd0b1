// From parsed Feishu events to what the bot sees: keys, stripped mentions, @bot detection by the
// bot's own open_id (asked for only when a group message needs it), and the stored payload's round trip.
import { describe, expect, it } from 'vitest';
import { toBotInput } from '../../../src/bot/to-bot-input.js';
import {
  botMembershipChanged,
  groupMessage,
  imageMessage,
  menuClick,
  p2pChatEntered,
  textMessage,
  v1Event,
} from '../../../src/emulator/event-builders.js';
import { parseEnvelope } from '../../../src/feishu/parse-envelope.js';
import { isHandledEvent, parseEventPayload, rootKeyOf, type HandledEvent } from '../../../src/pipeline/event-payload.js';
import { memoizeBotOpenId } from '../../../src/pipeline/edge-services.js';
import { ALICE, BOT, EVENT_CTX } from '../../helpers/feishu-events.js';

function handled(envelope: unknown): HandledEvent {
  const parsed = parseEnvelope(envelope);
  if (!parsed.ok || parsed.kind !== 'event' || !isHandledEvent(parsed.event)) throw new Error('not a handled event');
  // Every test goes through the stored form, as the worker does.
  return parseEventPayload(JSON.parse(JSON.stringify(parsed.event)));
}

function botIdentity() {
  const asked: number[] = [];
  return { asked, deps: { botOpenId: async () => (asked.push(1), BOT.openId) } };
}

describe('toBotInput', () => {
  it('keys a p2p text message by its message id and never asks who the bot is', async () => {
    const { asked, deps } = botIdentity();
    const e = textMessage(EVENT_CTX, { sender: ALICE, text: '／积分　本月', messageId: 'om_p2p' });
    expect(await toBotInput(handled(e), deps)).toMatchObject({ kind: 'text', key: 'message:om_p2p', openId: ALICE.openId, chatType: 'p2p', text: '／积分 本月', mentionsBot: false });
    expect(asked).toHaveLength(0);
  });

  it('tells a group message that @-mentions the bot from one that mentions someone else, and strips placeholders', async () => {
    const { deps } = botIdentity();
    const toBot = await toBotInput(handled(groupMessage(EVENT_CTX, { sender: ALICE, chatId: 'oc_g', text: '积分', mentions: [BOT] })), deps);
    expect(toBot).toMatchObject({ kind: 'text', chatType: 'group', text: '积分', mentionsBot: true });
    const toBob = await toBotInput(handled(groupMessage(EVENT_CTX, { sender: ALICE, chatId: 'oc_g', text: '积分', mentions: [{ openId: 'ou_bob' }] })), deps);
    expect(toBob).toMatchObject({ mentionsBot: false, text: '积分' });
    const none = await toBotInput(handled(groupMessage(EVENT_CTX, { sender: ALICE, chatId: 'oc_g', text: '大家好' })), deps);
    expect(none).toMatchObject({ mentionsBot: false });
  });

  it('passes images on, and turns other message types into empty text (help in p2p)', async () => {
    const { deps } = botIdentity();
    expect(await toBotInput(handled(imageMessage(EVENT_CTX, { sender: ALICE, imageKey: 'img_1' })), deps)).toMatchObject({ kind: 'image', imageKey: 'img_1' });
    const sticker = textMessage(EVENT_CTX, { sender: ALICE, text: '' });
    (sticker.event.message as Record<string, unknown>).message_type = 'sticker';
    (sticker.event.message as Record<string, unknown>).content = JSON.stringify({ file_key: 'st_1' });
    expect(await toBotInput(handled(sticker), deps)).toMatchObject({ kind: 'text', text: '' });
  });

  it('ignores messages sent by other apps', async () => {
    const e = textMessage(EVENT_CTX, { sender: ALICE, text: '帮助' });
    ((e.event.sender as Record<string, unknown>).sender_type as unknown) = 'app';
    expect(await toBotInput(handled(e), botIdentity().deps)).toBeUndefined();
  });

  it('maps menu clicks, p2p chat entry and bot membership, keyed by event id', async () => {
    const { deps } = botIdentity();
    expect(await toBotInput(handled(menuClick(EVENT_CTX, { operator: ALICE, eventKey: 'help', eventId: 'e-menu' })), deps)).toEqual({
      kind: 'menu', key: 'event:e-menu', openId: ALICE.openId, eventKey: 'help',
    });
    expect(await toBotInput(handled(p2pChatEntered(EVENT_CTX, { operator: ALICE, chatId: 'oc_p', eventId: 'e-p2p' })), deps)).toEqual({
      kind: 'p2p-entered', key: 'event:e-p2p', openId: ALICE.openId, chatId: 'oc_p',
    });
    expect(await toBotInput(handled(botMembershipChanged(EVENT_CTX, { operator: ALICE, chatId: 'oc_g', chatName: '支部群', eventId: 'e-add' })), deps)).toEqual({
      kind: 'bot-added', key: 'event:e-add', chatId: 'oc_g', operatorOpenId: ALICE.openId, chatName: '支部群',
    });
    expect(await toBotInput(handled(botMembershipChanged(EVENT_CTX, { operator: ALICE, chatId: 'oc_g', chatName: 'x', removed: true })), deps)).toMatchObject({ kind: 'bot-removed', chatId: 'oc_g' });
  });

  it('treats a 1.0 group message as addressed to the bot (Feishu sends those only on @bot)', async () => {
    const e = v1Event(EVENT_CTX, { type: 'message', open_chat_id: 'oc_1', open_message_id: 'om_v1', open_id: 'ou_1', chat_type: 'group', msg_type: 'text', text: '@bot 帮助', text_without_at_bot: '帮助' });
    expect(await toBotInput(handled(e), botIdentity().deps)).toMatchObject({ kind: 'text', key: 'message:om_v1', mentionsBot: true, text: '帮助' });
  });
});

describe('stored event payloads', () => {
  it('root a message at its message id and other events at their event id', () => {
    expect(rootKeyOf({ dedupeKeys: ['event:e1', 'message:om_1'] })).toBe('message:om_1');
    expect(rootKeyOf({ dedupeKeys: ['event:e2'] })).toBe('event:e2');
  });

  it('refuse a payload that is not an event', () => {
    expect(() => parseEventPayload({ kind: 'message', eventId: 'x' })).toThrow();
    expect(() => parseEventPayload(null)).toThrow();
  });
});

describe('memoizeBotOpenId', () => {
  it('asks once for many concurrent callers, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const get = memoizeBotOpenId(async () => {
      calls += 1;
      if (fail) throw new Error('down');
      return 'ou_bot';
    });
    await expect(get()).rejects.toThrow('down');
    fail = false;
    expect(await Promise.all([get(), get(), get()])).toEqual(['ou_bot', 'ou_bot', 'ou_bot']);
    expect(calls).toBe(2);
  });
});
