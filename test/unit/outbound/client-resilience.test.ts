// The client under Feishu's limits and faults: rate limits absorbed, ambiguous sends deduped by uuid,
// tokens refreshed once and shared between "processes".
import { afterEach, describe, expect, it } from 'vitest';
import { FeishuApiError } from '../../../src/outbound/errors.js';
import { FeishuClient } from '../../../src/outbound/feishu-client.js';
import { messageUuid } from '../../../src/outbound/message-uuid.js';
import { withFeishuRetry } from '../../../src/outbound/retry.js';
import { InMemoryTenantTokenStore } from '../../../src/outbound/token-store.js';
import { type RunningEmulator, seedUsers, startEmulator, TEST_APP } from '../../helpers/feishu-emulator.js';

let emu: RunningEmulator;
afterEach(async () => emu.close());

const text = (t: string) => ({ text: t });

describe('rate limits', () => {
  it('sends 200 messages to 200 people through the 50/s limit: none lost, none duplicated, every 429 absorbed', { timeout: 60_000 }, async () => {
    const people = seedUsers(200);
    emu = await startEmulator({ users: people });
    const client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, timeoutMs: 10_000 });
    const retries: string[] = [];

    const results = await Promise.all(
      people.map((p) =>
        withFeishuRetry(
          'im.message.create',
          () => client.send({ receiveIdType: 'open_id', receiveId: p.openId, msgType: 'text', content: text(`本月积分提醒 ${p.name}`), uuid: messageUuid(`monthly-reminder/2026-01/${p.openId}`) }),
          { maxAttempts: 3, onRetry: (e) => retries.push(e.kind) },
        ),
      ),
    );

    const control = emu.app.emulator;
    expect(new Set(results.map((r) => r.messageId)).size).toBe(200);
    for (const p of people) expect(control.messagesTo(p.openId)).toHaveLength(1);
    expect(control.messages()).toHaveLength(200);
    // The limit really was hit, and every rejection was a 429 that the loop waited out.
    const hits = control.rateLimitHits();
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.scope))).toEqual(new Set(['app_second']));
    expect(retries.length).toBe(hits.length);
    expect(new Set(retries)).toEqual(new Set(['rate_limited']));
    expect(control.calls('im.message.create').filter((c) => c.status === 429)).toHaveLength(hits.length);
    expect(control.tokensIssued()).toBe(1);
  });

  it('waits out the 5-per-second limit of one receiver (230020)', { timeout: 30_000 }, async () => {
    const [alice] = seedUsers(1);
    emu = await startEmulator({ users: [alice!] });
    const client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl });
    const kinds: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        withFeishuRetry('send', () => client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'text', content: text(`${i}`), uuid: messageUuid(`burst/${i}`) }), {
          onRetry: (e) => kinds.push(`${e.kind}:${e.details.code}`),
        }),
      ),
    );
    expect(emu.app.emulator.messagesTo(alice!.openId)).toHaveLength(8);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['rate_limited:230020']));
  });
});

describe('ambiguous sends', () => {
  it('retries an accepted-then-timed-out send with the same uuid and yields exactly one message', { timeout: 30_000 }, async () => {
    const [alice] = seedUsers(1);
    emu = await startEmulator({ users: [alice!] });
    emu.app.emulator.faults.set('im.message.create', { acceptThenTimeout: 1, timeoutMode: 'hang' });
    const client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, timeoutMs: 300 });
    const seen: FeishuApiError[] = [];
    const uuid = messageUuid('pledge-window/2026/ou_alice');

    const sent = await withFeishuRetry(
      'im.message.create',
      () => client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'text', content: text('定诺开始了'), uuid }),
      { baseDelayMs: 10, onRetry: (e) => seen.push(e) },
    );

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kind: 'retryable', details: { ambiguous: true } });
    const delivered = emu.app.emulator.messagesTo(alice!.openId);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ messageId: sent.messageId, uuid });
    expect(emu.app.emulator.calls('im.message.create').map((c) => c.status)).toEqual([0, 200]);
  });

  it('absorbs a burst of 5xx with the retry loop', { timeout: 30_000 }, async () => {
    const [alice] = seedUsers(1);
    emu = await startEmulator({ users: [alice!] });
    emu.app.emulator.faults.set('im.message.create', { serverErrors: 2, serverErrorStatus: 503 });
    const client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl });
    await withFeishuRetry('send', () => client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'text', content: text('x'), uuid: 'u-5xx' }), { baseDelayMs: 5 });
    expect(emu.app.emulator.messagesTo(alice!.openId)).toHaveLength(1);
    expect(emu.app.emulator.calls('im.message.create').map((c) => c.status)).toEqual([503, 503, 200]);
  });
});

describe('tenant token', () => {
  it('refreshes an expired token once and retries the call', async () => {
    const [alice] = seedUsers(1);
    emu = await startEmulator({ users: [alice!] });
    const client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl });
    await client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'text', content: text('1'), uuid: 'u-1' });
    emu.app.emulator.expireTokens();

    await client.send({ receiveIdType: 'open_id', receiveId: alice!.openId, msgType: 'text', content: text('2'), uuid: 'u-2' });

    expect(emu.app.emulator.tokensIssued()).toBe(2);
    expect(emu.app.emulator.calls('auth.tenant_token')).toHaveLength(2);
    expect(emu.app.emulator.calls('im.message.create').map((c) => c.code)).toEqual([0, 99991663, 0]);
    expect(emu.app.emulator.messagesTo(alice!.openId)).toHaveLength(2);
  });

  it('after an expiry, 20 concurrent calls from two clients sharing a store fetch one new token', async () => {
    const people = seedUsers(20);
    emu = await startEmulator({ users: people });
    const store = new InMemoryTenantTokenStore();
    const a = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, tokenStore: store });
    const b = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, tokenStore: store });
    await Promise.all([a.botInfo(), b.botInfo(), a.botInfo(), b.botInfo()]);
    expect(emu.app.emulator.calls('auth.tenant_token')).toHaveLength(1);

    emu.app.emulator.expireTokens();
    await Promise.all(
      people.map((p, i) => (i % 2 ? a : b).send({ receiveIdType: 'open_id', receiveId: p.openId, msgType: 'text', content: text('x'), uuid: `u-${i}` })),
    );

    expect(emu.app.emulator.calls('auth.tenant_token')).toHaveLength(2);
    expect(emu.app.emulator.messages()).toHaveLength(20);
  });

  it('refreshes only once: a second invalid-token answer is reported, not looped on', async () => {
    emu = await startEmulator();
    const client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl });
    emu.app.emulator.faults.set('bot.info', { tokenInvalid: 2 });
    const e = await client.botInfo().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(FeishuApiError);
    expect(e).toMatchObject({ kind: 'token_invalid', details: { code: 99991663 } });
    expect(emu.app.emulator.calls('bot.info')).toHaveLength(2);
    // The token was dropped and fetched again once (Feishu hands back the same, still-valid token).
    expect(emu.app.emulator.calls('auth.tenant_token')).toHaveLength(2);
    // The third call goes through with the refreshed token.
    expect((await client.botInfo()).openId).toBeTruthy();
  });
});
