// Image upload, resource download, batch_get_id, fault injection and the /_emulator endpoints.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageMessage } from '../../../src/emulator/event-builders.js';
import { callEmulator, type RunningEmulator, seedUsers, startEmulator, tenantToken } from '../../helpers/feishu-emulator.js';
import { EVENT_CTX } from '../../helpers/feishu-events.js';

let emu: RunningEmulator;
let token: string;
const [alice, bob] = seedUsers(2);

beforeEach(async () => {
  emu = await startEmulator({ users: [alice!, { ...bob!, resigned: true }] });
  token = await tenantToken(emu.baseUrl);
});
afterEach(async () => emu.close());

function multipart(fields: Array<{ name: string; value: Buffer | string; filename?: string }>): { body: Buffer; type: string } {
  const boundary = 'XyZ';
  const chunks = fields.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"${f.filename ? `; filename="${f.filename}"` : ''}\r\n\r\n`),
    Buffer.isBuffer(f.value) ? f.value : Buffer.from(f.value),
    Buffer.from('\r\n'),
  ]);
  return { body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe('images and resources', () => {
  it('stores an uploaded image byte-exactly (even a part without filename) and lets it be sent', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a, 0x80]);
    const form = multipart([{ name: 'image_type', value: 'message' }, { name: 'image', value: bytes }]);
    const res = await fetch(`${emu.baseUrl}/open-apis/im/v1/images`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': form.type }, body: form.body });
    const json = (await res.json()) as { code: number; data: { image_key: string } };
    expect(json.code).toBe(0);
    expect(json.data.image_key).toMatch(/^img_v2_/);
    const sent = await callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages?receive_id_type=open_id', { token, body: { receive_id: alice!.openId, msg_type: 'image', content: JSON.stringify({ image_key: json.data.image_key }) } });
    expect(sent.body.code).toBe(0);
  });

  it('refuses an empty image or a wrong image_type', async () => {
    for (const fields of [[{ name: 'image_type', value: 'message' }, { name: 'image', value: Buffer.alloc(0), filename: 'a.png' }], [{ name: 'image_type', value: 'sticker' }, { name: 'image', value: 'x', filename: 'a.png' }]]) {
      const form = multipart(fields);
      const res = await fetch(`${emu.baseUrl}/open-apis/im/v1/images`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': form.type }, body: form.body });
      expect(res.status).toBe(400);
    }
  });

  it('serves the resource of an injected image message, and 400 for a key of another message', async () => {
    const event = imageMessage(EVENT_CTX, { sender: alice!, imageKey: 'img_v2_user_photo' });
    emu.app.emulator.registerInboundEvent(event);
    const messageId = (event.event.message as { message_id: string }).message_id;
    const res = await fetch(`${emu.baseUrl}/open-apis/im/v1/messages/${messageId}/resources/img_v2_user_photo?type=image`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const other = await callEmulator(emu.baseUrl, 'GET', `/open-apis/im/v1/messages/om_other/resources/img_v2_user_photo?type=image`, { token });
    expect(other.status).toBe(400);
  });
});

describe('contact/v3/users/batch_get_id', () => {
  it('maps emails and mobiles (with or without +86) to ids; unknown and resigned users come back without user_id', async () => {
    const res = await callEmulator(emu.baseUrl, 'POST', '/open-apis/contact/v3/users/batch_get_id?user_id_type=open_id', {
      token,
      body: { emails: [alice!.email, 'nobody@example.com', bob!.email], mobiles: [alice!.mobile.replace('+86', '')] },
    });
    expect(res.body).toMatchObject({
      code: 0,
      data: { user_list: [{ email: alice!.email, user_id: alice!.openId, status: { is_resigned: false } }, { email: 'nobody@example.com' }, { email: bob!.email }, { mobile: alice!.mobile.replace('+86', ''), user_id: alice!.openId }] },
    });
    const list = (res.body.data as { user_list: Array<Record<string, unknown>> }).user_list;
    expect(list[1]).not.toHaveProperty('user_id');
    expect(list[2]).not.toHaveProperty('user_id');
  });
});

describe('fault injection', () => {
  it('answers a burst of N 5xx, then recovers', async () => {
    emu.app.emulator.faults.set('bot.info', { serverErrors: 2, serverErrorStatus: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('adds latency: a client with a shorter timeout gives up', async () => {
    emu.app.emulator.faults.set('bot.info', { latencyMs: 300 });
    const slow = fetch(`${emu.baseUrl}/open-apis/bot/v3/info`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(50) });
    await expect(slow).rejects.toThrow();
    emu.app.emulator.faults.clear('bot.info');
    expect((await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token })).status).toBe(200);
  });

  it('accepts then drops the connection: the client errors, the message is stored', async () => {
    emu.app.emulator.faults.set('im.message.create', { acceptThenTimeout: 1, timeoutMode: 'reset' });
    await expect(callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages?receive_id_type=open_id', { token, body: { receive_id: alice!.openId, msg_type: 'text', content: '{"text":"x"}', uuid: 'amb' } })).rejects.toThrow();
    expect(emu.app.emulator.messagesTo(alice!.openId)).toHaveLength(1);
    expect(emu.app.emulator.calls('im.message.create').at(-1)).toMatchObject({ status: 0, code: null });
  });

  it('accepts then hangs until the client gives up', async () => {
    emu.app.emulator.faults.set('im.message.create', { acceptThenTimeout: 1, timeoutMode: 'hang' });
    const res = fetch(`${emu.baseUrl}/open-apis/im/v1/messages?receive_id_type=open_id`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ receive_id: alice!.openId, msg_type: 'text', content: '{"text":"x"}' }),
      signal: AbortSignal.timeout(200),
    });
    await expect(res).rejects.toThrow();
    expect(emu.app.emulator.messagesTo(alice!.openId)).toHaveLength(1);
  });
});

describe('malformed requests', () => {
  it('answers unparseable JSON in Feishu’s envelope', async () => {
    const res = await fetch(`${emu.baseUrl}/open-apis/im/v1/messages?receive_id_type=open_id`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 9499 });
  });
});

describe('/_emulator endpoints', () => {
  it('seeds users, lists messages and calls, sets faults and resets', async () => {
    await callEmulator(emu.baseUrl, 'POST', '/_emulator/users', { body: [{ openId: 'ou_new', name: '新人' }] });
    await callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages?receive_id_type=open_id', { token, body: { receive_id: 'ou_new', msg_type: 'text', content: '{"text":"欢迎"}' } });
    const messages = await fetch(`${emu.baseUrl}/_emulator/messages?user=ou_new`).then((r) => r.json());
    expect(messages).toMatchObject([{ parsed: { text: '欢迎' } }]);
    const calls = (await fetch(`${emu.baseUrl}/_emulator/calls?endpoint=im.message.create`).then((r) => r.json())) as unknown[];
    expect(calls).toMatchObject([{ endpoint: 'im.message.create', status: 200, code: 0 }]);
    expect((await callEmulator(emu.baseUrl, 'PUT', '/_emulator/faults/bot.info', { body: { serverErrors: 1 } })).body).toMatchObject({ 'bot.info': { serverErrors: 1 } });
    expect((await callEmulator(emu.baseUrl, 'PUT', '/_emulator/faults/nope', { body: {} })).status).toBe(404);
    await callEmulator(emu.baseUrl, 'POST', '/_emulator/reset', { body: {} });
    expect(emu.app.emulator.messages()).toHaveLength(0);
    expect((await callEmulator(emu.baseUrl, 'GET', '/_emulator/state')).body).toMatchObject({ faults: {} });
  });
});
