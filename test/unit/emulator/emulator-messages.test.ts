// Sending, replying, uuid dedupe, receiver checks, content checks and the 230020 / 429 limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callEmulator, type RunningEmulator, seedUsers, startEmulator, tenantToken } from '../../helpers/feishu-emulator.js';

let emu: RunningEmulator;
let token: string;
let now: number;
const [alice, bob, resigned, hidden] = seedUsers(4);

beforeEach(async () => {
  now = Date.UTC(2026, 0, 15, 1, 0, 0, 100);
  emu = await startEmulator({
    now: () => now,
    users: [alice!, bob!, { ...resigned!, resigned: true }, { ...hidden!, available: false }],
    chats: [
      { chatId: 'oc_branch', name: '一支部', members: [alice!.openId, bob!.openId] },
      { chatId: 'oc_nobot', name: 'no bot', members: [alice!.openId], botIsMember: false },
    ],
    limits: { appPerSecond: 1000, appPerMinute: 100_000 },
  });
  token = await tenantToken(emu.baseUrl);
});
afterEach(async () => emu.close());

const send = (query: string, body: Record<string, unknown>) => callEmulator(emu.baseUrl, 'POST', `/open-apis/im/v1/messages?${query}`, { token, body });
const text = (t: string) => JSON.stringify({ text: t });

describe('im/v1/messages create', () => {
  it('sends to an open_id, answers Feishu’s data shape and records the message per receiver and chat', async () => {
    const res = await send('receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text('hi'), uuid: 'u-1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 0, data: { msg_type: 'text', deleted: false, updated: false, sender: { id_type: 'app_id', sender_type: 'app' }, body: { content: text('hi') } } });
    const data = res.body.data as Record<string, string>;
    expect(data.message_id).toMatch(/^om_/);
    expect(data.create_time).toBe(String(now));
    const control = emu.app.emulator;
    expect(control.messagesTo(alice!.openId)).toHaveLength(1);
    expect(control.messagesInChat(control.p2pChatId(alice!.openId))[0]).toMatchObject({ messageId: data.message_id, parsed: { text: 'hi' } });
  });

  it('resolves email, user_id, union_id and chat_id receivers', async () => {
    const user = emu.app.emulator.users().find((u) => u.openId === bob!.openId)!;
    for (const [type, id] of [['email', bob!.email], ['user_id', user.userId], ['union_id', user.unionId]] as const) {
      expect((await send(`receive_id_type=${type}`, { receive_id: id, msg_type: 'text', content: text(type) })).status).toBe(200);
    }
    expect(emu.app.emulator.messagesTo(bob!.openId)).toHaveLength(3);
    expect((await send('receive_id_type=chat_id', { receive_id: 'oc_branch', msg_type: 'text', content: text('all') })).status).toBe(200);
    expect(emu.app.emulator.messagesInChat('oc_branch')).toHaveLength(1);
  });

  it('sends at most one message per uuid within an hour, answering with the first one', async () => {
    const first = await send('receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text('a'), uuid: 'same' });
    const second = await send('receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text('a'), uuid: 'same' });
    expect((second.body.data as { message_id: string }).message_id).toBe((first.body.data as { message_id: string }).message_id);
    expect(emu.app.emulator.messagesTo(alice!.openId)).toHaveLength(1);
    now += 3600_000;
    await send('receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text('a'), uuid: 'same' });
    expect(emu.app.emulator.messagesTo(alice!.openId)).toHaveLength(2);
  });

  it('answers HTTP 400 with IM business codes for unreachable receivers and bad content', async () => {
    const cases: Array<[string, Record<string, unknown>, number]> = [
      ['receive_id_type=open_id', { receive_id: 'ou_nobody', msg_type: 'text', content: text('x') }, 230013],
      ['receive_id_type=open_id', { receive_id: hidden!.openId, msg_type: 'text', content: text('x') }, 230013],
      ['receive_id_type=open_id', { receive_id: resigned!.openId, msg_type: 'text', content: text('x') }, 230029],
      ['receive_id_type=open_id', { receive_id: 'oc_branch', msg_type: 'text', content: text('x') }, 230034],
      ['receive_id_type=chat_id', { receive_id: 'oc_nobot', msg_type: 'text', content: text('x') }, 230002],
      ['receive_id_type=phone', { receive_id: alice!.openId, msg_type: 'text', content: text('x') }, 230001],
      ['receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: { text: 'object, not string' } }, 230001],
      ['receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text('x'), uuid: 'u'.repeat(51) }, 230001],
      ['receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text('x'.repeat(151 * 1024)) }, 230025],
      ['receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'interactive', content: JSON.stringify({ schema: '2.0', body: { elements: [] }, elements: [] }) }, 230099],
      ['receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'image', content: JSON.stringify({ image_key: 'img_v2_not_mine' }) }, 230017],
    ];
    for (const [query, body, code] of cases) {
      const res = await send(query, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
    }
    expect(emu.app.emulator.messages()).toHaveLength(0);
  });

  it('limits each receiver to 5 messages per second with 230020 (HTTP 400)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await send('receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text(`${i}`) })).body.code as number);
    expect(codes).toEqual([0, 0, 0, 0, 0, 230020, 230020]);
    expect((await send('receive_id_type=open_id', { receive_id: bob!.openId, msg_type: 'text', content: text('other user') })).body.code).toBe(0);
    now += 1000;
    expect((await send('receive_id_type=open_id', { receive_id: alice!.openId, msg_type: 'text', content: text('next second') })).body.code).toBe(0);
    expect(emu.app.emulator.rateLimitHits().map((h) => h.scope)).toEqual(['receiver', 'receiver']);
  });
});

describe('reply', () => {
  it('replies into the chat of a registered user message', async () => {
    const userMessage = emu.app.emulator.registerInboundEvent({
      schema: '2.0',
      header: { event_type: 'im.message.receive_v1' },
      event: { sender: { sender_id: { open_id: alice!.openId } }, message: { message_id: 'om_user_1', chat_id: emu.app.emulator.p2pChatId(alice!.openId), chat_type: 'p2p', message_type: 'text', content: text('积分') } },
    });
    expect(userMessage?.source).toBe('user');
    const res = await callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages/om_user_1/reply', { token, body: { msg_type: 'text', content: text('120 分'), uuid: 'r-1' } });
    expect(res.body).toMatchObject({ code: 0, data: { parent_id: 'om_user_1', root_id: 'om_user_1' } });
    expect(emu.app.emulator.messagesTo(alice!.openId)).toMatchObject([{ source: 'reply', parsed: { text: '120 分' } }]);
    const unknown = await callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages/om_nope/reply', { token, body: { msg_type: 'text', content: text('x') } });
    expect(unknown).toMatchObject({ status: 400, body: { code: 230001 } });
  });
});
