// Card PATCH, delayed card update with callback tokens, batch_send, and the gateway's HTTP 429.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callEmulator, type RunningEmulator, seedUsers, startEmulator, tenantToken } from '../../helpers/feishu-emulator.js';

let emu: RunningEmulator;
let token: string;
let now: number;
const users = seedUsers(3);
const card = (title: string) => ({ schema: '2.0', config: { update_multi: true }, header: { title: { tag: 'plain_text', content: title } }, body: { elements: [] } });

beforeEach(async () => {
  now = Date.UTC(2026, 0, 15, 1, 0, 0, 0);
  emu = await startEmulator({
    now: () => now,
    users: users.map((u, i) => ({ ...u, departmentIds: i < 2 ? ['od_branch1'] : [] })),
    limits: { appPerSecond: 3, appPerMinute: 100 },
  });
  token = await tenantToken(emu.baseUrl);
});
afterEach(async () => emu.close());

async function sendCard(): Promise<string> {
  const res = await callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages?receive_id_type=open_id', {
    token,
    body: { receive_id: users[0]!.openId, msg_type: 'interactive', content: JSON.stringify(card('v1')) },
  });
  return (res.body.data as { message_id: string }).message_id;
}

describe('gateway rate limit', () => {
  it('answers HTTP 429 + 99991400 with x-ogw-ratelimit headers past the per-second limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token });
    expect(limited.body).toMatchObject({ code: 99991400, msg: 'request trigger frequency limit' });
    expect(limited.headers.get('x-ogw-ratelimit-limit')).toBe('3');
    expect(limited.headers.get('x-ogw-ratelimit-reset')).toBe('1');
    // Limits are per API: another endpoint still has room.
    expect((await callEmulator(emu.baseUrl, 'POST', '/open-apis/contact/v3/users/batch_get_id', { token, body: { emails: ['x@y.z'] } })).status).toBe(200);
    now += 1000;
    expect((await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token })).status).toBe(200);
    expect(emu.app.emulator.rateLimitHits()).toHaveLength(2);
  });
});

describe('card updates', () => {
  it('PATCHes a sent card and keeps its history', async () => {
    const id = await sendCard();
    const res = await callEmulator(emu.baseUrl, 'PATCH', `/open-apis/im/v1/messages/${id}`, { token, body: { content: JSON.stringify(card('v2')) } });
    expect(res.body).toMatchObject({ code: 0, data: {} });
    const m = emu.app.emulator.message(id)!;
    expect(m.parsed).toMatchObject({ header: { title: { content: 'v2' } } });
    expect(m.revisions).toHaveLength(1);
  });

  it('refuses to PATCH a non-card or a card older than 14 days', async () => {
    now += 1000;
    const textId = ((await callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages?receive_id_type=open_id', { token, body: { receive_id: users[1]!.openId, msg_type: 'text', content: '{"text":"t"}' } })).body.data as { message_id: string }).message_id;
    expect((await callEmulator(emu.baseUrl, 'PATCH', `/open-apis/im/v1/messages/${textId}`, { token, body: { content: JSON.stringify(card('x')) } })).body.code).toBe(230001);
    const id = await sendCard();
    now += 15 * 24 * 3600 * 1000;
    token = await tenantToken(emu.baseUrl);
    expect((await callEmulator(emu.baseUrl, 'PATCH', `/open-apis/im/v1/messages/${id}`, { token, body: { content: JSON.stringify(card('late')) } })).body.code).toBe(230031);
  });

  it('applies a delayed update with a card token at most twice', async () => {
    const id = await sendCard();
    const cardToken = emu.app.emulator.issueCardToken(id);
    now += 1000;
    const update = (title: string) => callEmulator(emu.baseUrl, 'POST', '/open-apis/interactive/v1/card/update', { token, body: { token: cardToken, card: card(title) } });
    expect((await update('one')).body).toEqual({ code: 0, msg: 'ok' });
    expect((await update('two')).body.code).toBe(0);
    const third = await update('three');
    expect(third).toMatchObject({ status: 200, body: { code: 300040 } });
    expect(emu.app.emulator.message(id)!.parsed).toMatchObject({ header: { title: { content: 'two' } } });
    const stringCard = await callEmulator(emu.baseUrl, 'POST', '/open-apis/interactive/v1/card/update', { token, body: { token: cardToken, card: JSON.stringify(card('s')) } });
    expect(stringCard.body.code).not.toBe(0);
  });
});

describe('message/v4/batch_send/', () => {
  it('sends to users and departments, listing invalid ids, with object content', async () => {
    const res = await callEmulator(emu.baseUrl, 'POST', '/open-apis/message/v4/batch_send/', {
      token,
      body: { open_ids: [users[2]!.openId, 'ou_ghost'], department_ids: ['od_branch1', 'od_empty'], msg_type: 'text', content: { text: '月度提醒' } },
    });
    expect(res.body).toMatchObject({ code: 0, data: { invalid_open_ids: ['ou_ghost'], invalid_department_ids: ['od_empty'] } });
    expect((res.body.data as { message_id: string }).message_id).toMatch(/^bm-/);
    for (const u of users) expect(emu.app.emulator.messagesTo(u.openId)).toMatchObject([{ source: 'batch', parsed: { text: '月度提醒' } }]);
  });

  it('answers HTTP 200 with a non-zero code for a string content or a missing card', async () => {
    const stringContent = await callEmulator(emu.baseUrl, 'POST', '/open-apis/message/v4/batch_send/', { token, body: { open_ids: [users[0]!.openId], msg_type: 'text', content: '{"text":"x"}' } });
    expect(stringContent.status).toBe(200);
    expect(stringContent.body.code).not.toBe(0);
    now += 1000;
    const noCard = await callEmulator(emu.baseUrl, 'POST', '/open-apis/message/v4/batch_send/', { token, body: { open_ids: [users[0]!.openId], msg_type: 'interactive', content: { text: 'x' } } });
    expect(noCard.body.code).not.toBe(0);
    expect(emu.app.emulator.messages()).toHaveLength(0);
  });
});
