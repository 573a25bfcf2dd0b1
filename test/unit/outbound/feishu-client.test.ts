// The outbound client (real SDK underneath) against the emulator: every operation, and typed failures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageMessage } from '../../../src/emulator/event-builders.js';
import { FeishuApiError } from '../../../src/outbound/errors.js';
import { FeishuClient } from '../../../src/outbound/feishu-client.js';
import { messageUuid } from '../../../src/outbound/message-uuid.js';
import { type RunningEmulator, seedUsers, startEmulator, TEST_APP } from '../../helpers/feishu-emulator.js';
import { EVENT_CTX } from '../../helpers/feishu-events.js';

let emu: RunningEmulator;
let client: FeishuClient;
const [alice, bob] = seedUsers(2);
const card = (title: string) => ({ schema: '2.0', header: { title: { tag: 'plain_text', content: title } }, body: { elements: [{ tag: 'markdown', content: '**120** 分' }] } });

beforeEach(async () => {
  emu = await startEmulator({ users: [alice!, bob!], chats: [{ chatId: 'oc_branch', name: '一支部', members: [alice!.openId] }] });
  client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, timeoutMs: 5_000 });
});
afterEach(async () => emu.close());

async function failure(p: Promise<unknown>): Promise<FeishuApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FeishuApiError) return e;
    throw e;
  }
  throw new Error('expected a FeishuApiError');
}

describe('FeishuClient operations', () => {
  it('sends text and card messages with a uuid and reports the message id', async () => {
    const sent = await client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'text', content: { text: '你好' }, uuid: messageUuid('welcome/ou_a') });
    expect(sent.messageId).toMatch(/^om_/);
    await client.send({ receiveIdType: 'chat_id', receiveId: 'oc_branch', msgType: 'interactive', content: card('排行'), uuid: messageUuid('board/1') });
    expect(emu.app.emulator.messagesTo(alice!.openId)).toMatchObject([{ uuid: messageUuid('welcome/ou_a'), parsed: { text: '你好' } }]);
    expect(emu.app.emulator.messagesInChat('oc_branch')).toMatchObject([{ msgType: 'interactive', parsed: { header: { title: { content: '排行' } } } }]);
  });

  it('replies, patches a card and applies a delayed update', async () => {
    const event = imageMessage(EVENT_CTX, { sender: alice!, imageKey: 'img_v2_x' });
    emu.app.emulator.registerInboundEvent(event);
    const parentId = (event.event.message as { message_id: string }).message_id;
    const replied = await client.reply({ messageId: parentId, msgType: 'interactive', content: card('v1'), uuid: messageUuid('reply/1') });
    await client.patchCard(replied.messageId, card('v2'));
    await client.updateCardDelayed(emu.app.emulator.issueCardToken(replied.messageId), card('v3'));
    const m = emu.app.emulator.message(replied.messageId)!;
    expect(m).toMatchObject({ parentId, parsed: { header: { title: { content: 'v3' } } } });
    expect(m.revisions.map((r) => r.via)).toEqual(['patch', 'delayed_update']);
  });

  it('batch-sends and reports invalid ids', async () => {
    const result = await client.batchSend({ openIds: [alice!.openId, bob!.openId, 'ou_ghost'], msgType: 'text', content: { text: '月度提醒' } });
    expect(result.batchMessageId).toMatch(/^bm-/);
    expect(result.invalidOpenIds).toEqual(['ou_ghost']);
    expect(emu.app.emulator.messages()).toHaveLength(2);
  });

  it('uploads an image byte-exactly and downloads a message resource', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0x80]);
    const key = await client.uploadImage({ image: bytes });
    expect(emu.app.emulator.image(key)?.bytes).toEqual(bytes);
    await client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'image', content: { image_key: key }, uuid: messageUuid('img/1') });
    const event = imageMessage(EVENT_CTX, { sender: alice!, imageKey: 'img_v2_from_user' });
    emu.app.emulator.registerInboundEvent(event);
    emu.app.emulator.putResource('img_v2_from_user', { bytes, contentType: 'image/png', messageId: (event.event.message as { message_id: string }).message_id });
    const downloaded = await client.downloadResource((event.event.message as { message_id: string }).message_id, 'img_v2_from_user', 'image');
    expect(downloaded).toEqual({ data: bytes, contentType: 'image/png' });
  });

  it('classifies a failed download by its JSON code although the body was a stream', async () => {
    const e = await failure(client.downloadResource('om_none', 'file_none', 'file'));
    expect(e).toMatchObject({ kind: 'permanent', details: { httpStatus: 400, code: 234003 } });
  });

  it('resolves emails and mobiles, and reads the bot identity', async () => {
    expect(await client.batchGetId({ emails: [alice!.email, 'x@nowhere'], mobiles: [bob!.mobile] })).toEqual([
      { email: alice!.email, userId: alice!.openId },
      { email: 'x@nowhere' },
      { mobile: bob!.mobile, userId: bob!.openId },
    ]);
    expect(await client.botInfo()).toEqual({ openId: emu.app.emulator.app.botOpenId, appName: 'Vanguard', activateStatus: 2 });
  });
});

describe('FeishuClient failures', () => {
  it('reports permanent IM errors with their code', async () => {
    const e = await failure(client.send({ receiveIdType: 'open_id', receiveId: 'ou_ghost', msgType: 'text', content: { text: 'x' }, uuid: 'u1' }));
    expect(e).toMatchObject({ kind: 'permanent', details: { operation: 'im.message.create', httpStatus: 400, code: 230013 } });
    expect((await failure(client.send({ receiveIdType: 'chat_id', receiveId: 'oc_unknown', msgType: 'text', content: { text: 'x' }, uuid: 'u2' }))).details.code).toBe(230002);
  });

  it('refuses a uuid over 50 characters before calling Feishu', async () => {
    const e = await failure(client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'text', content: { text: 'x' }, uuid: 'x'.repeat(51) }));
    expect(e.kind).toBe('permanent');
    expect(emu.app.emulator.calls('im.message.create')).toHaveLength(0);
  });

  it('reports bad credentials as permanent', async () => {
    const wrong = new FeishuClient({ appId: TEST_APP.appId, appSecret: 'wrong', domain: emu.baseUrl });
    expect(await failure(wrong.botInfo())).toMatchObject({ kind: 'permanent', details: { code: 10014 } });
  });

  it('reports injected 5xx as retryable', async () => {
    emu.app.emulator.faults.set('bot.info', { serverErrors: 1, serverErrorStatus: 502 });
    expect(await failure(client.botInfo())).toMatchObject({ kind: 'retryable', details: { httpStatus: 502 } });
    expect((await client.botInfo()).openId).toBeTruthy();
  });
});
