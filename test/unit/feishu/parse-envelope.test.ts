// Envelope parsing into the one FeishuEvent/CardAction union: doc-shaped fixtures and builder output.
import { describe, expect, it } from 'vitest';
import {
  botMembershipChanged,
  cardAction,
  groupMessage,
  imageMessage,
  menuClick,
  p2pChatEntered,
  textMessage,
  v1Event,
} from '../../../src/emulator/event-builders.js';
import { stripMentions } from '../../../src/feishu/events.js';
import { parseCardV1, parseEnvelope } from '../../../src/feishu/parse-envelope.js';
import { ALICE, BOT, EVENT_CTX } from '../../helpers/feishu-events.js';

// Copied from the receive-message doc example (reference §2.1), not produced by our builders.
const DOC_MESSAGE = {
  schema: '2.0',
  header: { event_id: '5e3702a84e847582be8db7fb73283c02', event_type: 'im.message.receive_v1', create_time: '1608725989000', token: 'rvaYgkND1GOiu5MM0E1rncYC6PLtF7JV', app_id: 'cli_9f5343c580712544', tenant_key: '2ca1d211f64f6438' },
  event: {
    sender: { sender_id: { union_id: 'on_8ed6aa67826108097d9ee143816345', user_id: 'e33ggbyz', open_id: 'ou_84aad35d084aa403a838cf73ee18467' }, sender_type: 'user', tenant_key: '736588c9260f175e' },
    message: {
      message_id: 'om_5ce6d572455d361153b7cb51da133945', root_id: 'om_5ce6d572455d361153b7cb5xxfsdfsdfdsf', parent_id: 'om_5ce6d572455d361153b7cb5xxfsdfsdfdsf',
      create_time: '1609073151345', update_time: '1687343654666', chat_id: 'oc_5ce6d572455d361153b7xx51da133945', thread_id: 'omt_d4be107c616', chat_type: 'group',
      message_type: 'text', content: '{"text":"@_user_1 hello"}',
      mentions: [{ key: '@_user_1', id: { union_id: 'on_8ed6aa67826108097d9ee143816345', user_id: 'e33ggbyz', open_id: 'ou_84aad35d084aa403a838cf73ee18467' }, name: 'Tom', tenant_key: '736588c9260f175e' }],
      user_agent: 'Mozilla/5.0',
    },
  },
};

function event(body: unknown) {
  const parsed = parseEnvelope(body);
  if (!parsed.ok || parsed.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(parsed)}`);
  return parsed.event;
}

describe('parseEnvelope: messages', () => {
  it('parses the documented group message with a mention and dedupes on event_id and message_id', () => {
    const e = event(DOC_MESSAGE);
    expect(e).toMatchObject({
      kind: 'message',
      envelope: 'v2',
      eventId: '5e3702a84e847582be8db7fb73283c02',
      messageId: 'om_5ce6d572455d361153b7cb51da133945',
      chatId: 'oc_5ce6d572455d361153b7xx51da133945',
      chatType: 'group',
      sender: { openId: 'ou_84aad35d084aa403a838cf73ee18467', userId: 'e33ggbyz', senderType: 'user' },
      content: { type: 'text', text: '@_user_1 hello' },
      mentions: [{ key: '@_user_1', openId: 'ou_84aad35d084aa403a838cf73ee18467', name: 'Tom' }],
      mentionsAll: false,
      threadId: 'omt_d4be107c616',
    });
    expect(e.dedupeKeys).toEqual(['event:5e3702a84e847582be8db7fb73283c02', 'message:om_5ce6d572455d361153b7cb51da133945']);
    if (e.kind === 'message' && e.content.type === 'text') expect(stripMentions(e.content.text, e.mentions)).toBe('hello');
  });

  it('parses a p2p text message from the builder', () => {
    const e = event(textMessage(EVENT_CTX, { sender: ALICE, text: '积分 本月' }));
    expect(e).toMatchObject({ kind: 'message', chatType: 'p2p', sender: { openId: ALICE.openId }, content: { type: 'text', text: '积分 本月' }, mentions: [] });
  });

  it('parses a group message that @-mentions the bot', () => {
    const e = event(groupMessage(EVENT_CTX, { sender: ALICE, chatId: 'oc_branch', text: '排行', mentions: [BOT] }));
    if (e.kind !== 'message' || e.content.type !== 'text') throw new Error('not a text message');
    expect(e.content.text).toBe('@_user_1 排行');
    expect(e.mentions).toEqual([{ key: '@_user_1', openId: BOT.openId, name: BOT.name }]);
    expect(stripMentions(e.content.text, e.mentions)).toBe('排行');
  });

  it('flags @all from the placeholder even without a mentions entry', () => {
    const e = event(groupMessage(EVENT_CTX, { sender: ALICE, chatId: 'oc_branch', text: '@_all 开会' }));
    expect(e).toMatchObject({ kind: 'message', mentionsAll: true });
  });

  it('parses image and post messages', () => {
    expect(event(imageMessage(EVENT_CTX, { sender: ALICE, imageKey: 'img_v2_1' }))).toMatchObject({ content: { type: 'image', imageKey: 'img_v2_1' } });
    const post = structuredClone(DOC_MESSAGE);
    post.event.message.message_type = 'post';
    post.event.message.content = JSON.stringify({
      title: '记录',
      content: [[{ tag: 'at', user_id: '@_user_1', user_name: 'Tom' }, { tag: 'text', text: ' 安全员 3 处' }], [{ tag: 'img', image_key: 'img_v2_9' }]],
    });
    expect(event(post)).toMatchObject({ content: { type: 'post', title: '记录', text: '@_user_1 安全员 3 处', imageKeys: ['img_v2_9'] } });
  });

  it('keeps unparseable content as "other" rather than rejecting the event', () => {
    const broken = structuredClone(DOC_MESSAGE);
    broken.event.message.content = '{not json';
    expect(event(broken)).toMatchObject({ kind: 'message', content: { type: 'other', messageType: 'text' } });
  });
});

describe('parseEnvelope: other events', () => {
  it('parses a bot menu click with a string or a number timestamp', () => {
    const asString = event(menuClick(EVENT_CTX, { operator: ALICE, eventKey: 'points.balance', timestamp: '1669364458' }));
    const asNumber = event(menuClick(EVENT_CTX, { operator: ALICE, eventKey: 'points.balance', timestamp: 1669364458 }));
    for (const e of [asString, asNumber]) {
      expect(e).toMatchObject({ kind: 'menu', eventKey: 'points.balance', operator: { openId: ALICE.openId, name: 'Alice' }, timestamp: 1669364458 });
    }
  });

  it('parses p2p-chat-entered and bot added/removed', () => {
    expect(event(p2pChatEntered(EVENT_CTX, { operator: ALICE, chatId: 'oc_p2p' }))).toMatchObject({ kind: 'p2pChatEntered', chatId: 'oc_p2p', operator: { openId: ALICE.openId } });
    expect(event(botMembershipChanged(EVENT_CTX, { operator: ALICE, chatId: 'oc_g', chatName: '一支部' }))).toMatchObject({ kind: 'botAddedToChat', chatId: 'oc_g', chatName: '一支部', external: false });
    expect(event(botMembershipChanged(EVENT_CTX, { operator: ALICE, chatId: 'oc_g', chatName: 'x', removed: true }))).toMatchObject({ kind: 'botRemovedFromChat' });
  });

  it('acknowledges unknown event types as "unknown" with their raw body', () => {
    const body = { ...DOC_MESSAGE, header: { ...DOC_MESSAGE.header, event_type: 'im.message.reaction.created_v1' }, event: { message_id: 'om_1' } };
    expect(event(body)).toMatchObject({ kind: 'unknown', eventType: 'im.message.reaction.created_v1', raw: body, dedupeKeys: [`event:${DOC_MESSAGE.header.event_id}`] });
  });

  it('parses 1.0 envelopes: uuid is the event id, event.type the type', () => {
    expect(event(v1Event(EVENT_CTX, { type: 'add_bot', open_chat_id: 'oc_v1', chat_name: 'g', operator_open_id: 'ou_op' }, 'uuid-1'))).toMatchObject({
      kind: 'botAddedToChat', envelope: 'v1', eventId: 'uuid-1', chatId: 'oc_v1', dedupeKeys: ['event:uuid-1'],
    });
    const msg = event(v1Event(EVENT_CTX, { type: 'message', open_chat_id: 'oc_1', open_message_id: 'om_1', open_id: 'ou_1', chat_type: 'private', msg_type: 'text', text: '@bot hi', text_without_at_bot: 'hi' }, 'uuid-2'));
    expect(msg).toMatchObject({ kind: 'message', chatType: 'p2p', content: { type: 'text', text: 'hi' }, dedupeKeys: ['event:uuid-2', 'message:om_1'] });
    expect(event(v1Event(EVENT_CTX, { type: 'p2p_chat_create' }))).toMatchObject({ kind: 'unknown', eventType: 'p2p_chat_create' });
  });
});

describe('parseEnvelope: card callbacks, challenge, invalid bodies', () => {
  it('parses a button click: header.token is the Verification Token, event.token the card token', () => {
    const parsed = parseEnvelope(cardAction(EVENT_CTX, { operator: ALICE, token: 'c-abc', openMessageId: 'om_card', openChatId: 'oc_chat', value: { action: 'approve', claim_id: 'cl_1' } }));
    expect(parsed).toMatchObject({ ok: true, kind: 'card', token: EVENT_CTX.verificationToken });
    if (!parsed.ok || parsed.kind !== 'card') throw new Error('not a card');
    expect(parsed.action).toMatchObject({ kind: 'card', token: 'c-abc', operator: { openId: ALICE.openId }, openMessageId: 'om_card', openChatId: 'oc_chat', action: { tag: 'button', value: { action: 'approve', claim_id: 'cl_1' } } });
    expect(parsed.action.dedupeKeys).toEqual([`event:${parsed.action.eventId}`]);
  });

  it('parses a form submit with form_value', () => {
    const formValue = { role: 'safety', quantity: '3', due: '2026-01-10 +0800', tags: ['a', 'b'] };
    const parsed = parseEnvelope(cardAction(EVENT_CTX, { operator: ALICE, token: 'c-1', openMessageId: 'om_1', openChatId: 'oc_1', name: 'claim_submit', formValue }));
    expect(parsed).toMatchObject({ ok: true, kind: 'card', action: { action: { name: 'claim_submit', formValue, value: null } } });
  });

  it('parses a 1.0 flat card callback', () => {
    expect(parseCardV1({ open_id: 'ou_1', open_message_id: 'om_1', tenant_key: 't', token: 'c-1', action: { tag: 'button', value: { k: 'v' } } })).toMatchObject({
      ok: true, kind: 'card', token: undefined, action: { envelope: 'v1', token: 'c-1', action: { value: { k: 'v' } } },
    });
  });

  it('parses url_verification', () => {
    expect(parseEnvelope({ challenge: 'ajls384kdjxxxx', token: 'vt', type: 'url_verification' })).toEqual({ ok: true, kind: 'challenge', challenge: 'ajls384kdjxxxx', token: 'vt' });
  });

  it('reports schema problems by path without echoing values', () => {
    const noId = { ...DOC_MESSAGE, header: { ...DOC_MESSAGE.header, event_id: '' } };
    const result = parseEnvelope(noId);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContain('header.event_id');
      expect(result.issues).not.toContain(DOC_MESSAGE.header.token);
    }
    const noSender = structuredClone(DOC_MESSAGE) as { event: Record<string, unknown> };
    delete noSender.event.sender;
    expect(parseEnvelope(noSender).ok).toBe(false);
    expect(parseEnvelope([1, 2]).ok).toBe(false);
    expect(parseEnvelope({ hello: 'world' }).ok).toBe(false);
  });
});
