// im/v1/files: the bot uploads a file (the real SDK's multipart), sends it as a file message, and the file
// is recorded and downloadable as Feishu would serve it; Feishu's envelopes and codes for the refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeishuApiError } from '../../../src/outbound/errors.js';
import { FeishuClient } from '../../../src/outbound/feishu-client.js';
import { messageUuid } from '../../../src/outbound/message-uuid.js';
import { callEmulator, type RunningEmulator, seedUsers, startEmulator, tenantToken, TEST_APP } from '../../helpers/feishu-emulator.js';

let emu: RunningEmulator;
let client: FeishuClient;
const [alice] = seedUsers(1);

beforeEach(async () => {
  emu = await startEmulator({ users: [alice!] });
  client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, timeoutMs: 5_000 });
});
afterEach(async () => emu.close());

function upload(token: string, fields: Array<{ name: string; value: Buffer | string; filename?: string }>) {
  const boundary = 'FiLeBoUnDaRy';
  const chunks = fields.flatMap((f) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"${f.filename ? `; filename="${f.filename}"` : ''}\r\n\r\n`),
    Buffer.isBuffer(f.value) ? f.value : Buffer.from(f.value),
    Buffer.from('\r\n'),
  ]);
  const body = Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
  return fetch(`${emu.baseUrl}/open-apis/im/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
}

describe('files', () => {
  it('uploads through the SDK, sends a file message, and serves the same bytes back', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x0d, 0x0a, 0x80]);
    const fileKey = await client.uploadFile({ file: bytes, fileName: '2026年度评议表.xlsx', fileType: 'xls' });
    expect(fileKey).toMatch(/^file_v3_/);
    expect(emu.app.emulator.file(fileKey)).toMatchObject({ fileName: '2026年度评议表.xlsx' });
    expect(emu.app.emulator.file(fileKey)!.bytes.equals(bytes)).toBe(true);

    const sent = await client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'file', content: { file_key: fileKey }, uuid: messageUuid('files-1') });
    const recorded = emu.app.emulator.messagesTo(alice!.openId);
    expect(recorded.map((m) => [m.msgType, (m.parsed as { file_key: string }).file_key])).toEqual([['file', fileKey]]);
    const downloaded = await client.downloadResource(sent.messageId, fileKey, 'file');
    expect(downloaded.data.equals(bytes)).toBe(true);
  });

  it('answers Feishu’s envelopes: success, empty file, bad params', async () => {
    const token = await tenantToken(emu.baseUrl);
    const ok = await upload(token, [{ name: 'file_type', value: 'stream' }, { name: 'file_name', value: 'a.bin' }, { name: 'file', value: 'x', filename: 'a.bin' }]);
    expect(await ok.json()).toMatchObject({ code: 0, msg: 'success', data: { file_key: expect.stringMatching(/^file_v3_/) } });
    const empty = await upload(token, [{ name: 'file_type', value: 'stream' }, { name: 'file_name', value: 'a.bin' }, { name: 'file', value: Buffer.alloc(0), filename: 'a.bin' }]);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 234010 });
    const badType = await upload(token, [{ name: 'file_type', value: 'xlsx' }, { name: 'file_name', value: 'a.xlsx' }, { name: 'file', value: 'x' }]);
    expect(await badType.json()).toMatchObject({ code: 234001 });
    const noToken = await fetch(`${emu.baseUrl}/open-apis/im/v1/files`, { method: 'POST' });
    expect(await noToken.json()).toMatchObject({ code: 99991661 });
  });

  it('refuses a file message with a file_key the app never uploaded', async () => {
    const token = await tenantToken(emu.baseUrl);
    const res = await callEmulator(emu.baseUrl, 'POST', '/open-apis/im/v1/messages?receive_id_type=open_id', {
      token, body: { receive_id: alice!.openId, msg_type: 'file', content: JSON.stringify({ file_key: 'file_v3_forged' }) },
    });
    expect(res.body.code).toBe(230017);
    const err = await client.uploadFile({ file: Buffer.alloc(0), fileName: 'empty.xlsx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeishuApiError);
  });
});
