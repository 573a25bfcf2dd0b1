// The injector delivers exactly as Feishu does, verified by our own verifyInbound on the received bytes.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardAction, menuClick, textMessage } from '../../../src/emulator/event-builders.js';
import { EventInjector, FEISHU_RETRY_SCHEDULE_MS } from '../../../src/emulator/event-injector.js';
import { verifyInbound } from '../../../src/feishu/verify-inbound.js';
import { ALICE, EVENT_CTX, INBOUND_CONFIG, TEST_ENCRYPT_KEY } from '../../helpers/feishu-events.js';

interface Received {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

let target: FastifyInstance;
let url: string;
let received: Received[];
/** Status codes the target answers with, in order; 200 once exhausted. 0 = never answer. */
let script: number[];

beforeEach(async () => {
  received = [];
  script = [];
  target = Fastify({ forceCloseConnections: true });
  target.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  target.post('/feishu/events', async (request, reply) => {
    received.push({ rawBody: request.body as string, headers: request.headers });
    const status = script.shift() ?? 200;
    if (status === 0) return reply.hijack();
    return reply.code(status).send({ ok: status === 200 });
  });
  target.post('/feishu/cards', async (request) => {
    received.push({ rawBody: request.body as string, headers: request.headers });
    return { toast: { type: 'success', content: '已提交' } };
  });
  url = await target.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => target.close());

function injector(extra: Partial<ConstructorParameters<typeof EventInjector>[0]> = {}, sleeps: number[] = []): EventInjector {
  return new EventInjector({
    eventsUrl: `${url}/feishu/events`,
    cardsUrl: `${url}/feishu/cards`,
    encryptKey: TEST_ENCRYPT_KEY,
    now: () => INBOUND_CONFIG.now!(),
    // Record the waits instead of waiting: the schedule is checked, no time passes.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
}

describe('EventInjector', () => {
  it('sends compact, encrypted JSON signed over the exact bytes with Feishu’s headers', async () => {
    const payload = menuClick(EVENT_CTX, { operator: ALICE, eventKey: 'points.balance' });
    const report = await injector().deliver(payload);
    expect(report).toMatchObject({ delivered: true, attempts: [{ status: 200 }] });
    const [req] = received;
    expect(req!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(JSON.parse(req!.rawBody))).toEqual(['encrypt']);
    expect(req!.rawBody).toBe(JSON.stringify(JSON.parse(req!.rawBody)));
    expect(verifyInbound(req!, INBOUND_CONFIG)).toMatchObject({ ok: true, kind: 'event', event: { kind: 'menu', eventId: payload.header.event_id } });
  });

  it('retries a non-200 on Feishu’s schedule with the same bytes (same event_id)', async () => {
    script = [500, 503, 404];
    const sleeps: number[] = [];
    const report = await injector({}, sleeps).deliver(textMessage(EVENT_CTX, { sender: ALICE, text: '积分' }));
    expect(report.delivered).toBe(true);
    expect(report.attempts.map((a) => a.status)).toEqual([500, 503, 404, 200]);
    expect(sleeps).toEqual(FEISHU_RETRY_SCHEDULE_MS.slice(0, 3));
    expect(new Set(received.map((r) => r.rawBody)).size).toBe(1);
    expect(new Set(received.map((r) => r.headers['x-lark-signature'])).size).toBe(1);
  });

  it('gives up after four retries, and compresses the schedule by a time scale', async () => {
    script = [500, 500, 500, 500, 500];
    const sleeps: number[] = [];
    const report = await injector({ timeScale: 0.001 }, sleeps).deliver(textMessage(EVENT_CTX, { sender: ALICE, text: 'x' }));
    expect(report).toMatchObject({ delivered: false });
    expect(report.attempts).toHaveLength(5);
    expect(sleeps).toEqual([15, 300, 3600, 21600]);
  });

  it('can re-sign retries with a fresh timestamp; both variants verify', async () => {
    script = [500];
    let now = INBOUND_CONFIG.now!();
    const inj = injector({ resignRetries: true, now: () => now, sleep: async (ms) => void (now += ms) });
    await inj.deliver(textMessage(EVENT_CTX, { sender: ALICE, text: 'x' }));
    expect(received).toHaveLength(2);
    expect(received[0]!.headers['x-lark-request-timestamp']).not.toBe(received[1]!.headers['x-lark-request-timestamp']);
    for (const r of received) expect(verifyInbound(r, { ...INBOUND_CONFIG, now: () => now })).toMatchObject({ ok: true });
  });

  it('treats no answer within the timeout as a failed push', async () => {
    script = [0];
    const report = await injector({ timeoutMs: 150 }).deliver(textMessage(EVENT_CTX, { sender: ALICE, text: 'x' }), { retry: false });
    expect(report.delivered).toBe(false);
    expect(report.attempts[0]!.error).toMatch(/TimeoutError|abort/i);
  });

  it('posts card actions to the callback URL once and returns the JSON answer', async () => {
    const res = await injector().sendCardAction(cardAction(EVENT_CTX, { operator: ALICE, token: 'c-1', openMessageId: 'om_1', openChatId: 'oc_1', name: 'submit', formValue: { qty: '3' } }));
    expect(res).toEqual({ status: 200, body: { toast: { type: 'success', content: '已提交' } } });
    expect(verifyInbound(received[0]!, INBOUND_CONFIG)).toMatchObject({ ok: true, kind: 'card', action: { action: { formValue: { qty: '3' } } } });
  });

  it('sends the URL verification unsigned', async () => {
    const res = await injector().verifyUrl(EVENT_CTX, `${url}/feishu/events`, 'ch-9');
    expect(res.status).toBe(200);
    expect(received[0]!.headers['x-lark-signature']).toBeUndefined();
    expect(verifyInbound(received[0]!, INBOUND_CONFIG)).toEqual({ ok: true, kind: 'challenge', challenge: 'ch-9' });
  });
});
