// Bad input changes nothing: every forged, replayed, broken or oversized request gets its status,
// and the database, the queues and the emulator's message log stay exactly as they were.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, envelope, textMessage, urlVerification } from '../../../src/emulator/event-builders.js';
import { buildSignedRequest, type SignedRequest } from '../../../src/emulator/sign-request.js';
import { encryptEvent } from '../../../src/feishu/crypto.js';
import { computeSignature } from '../../../src/feishu/signature.js';
import { createLogger } from '../../../src/logger.js';
import { useIsolated } from '../../helpers/isolated.js';
import { BACKENDS, jobCounts, startEdge, type Edge } from './harness.js';

const env = useIsolated();

describe.each(BACKENDS)('bad input, queues on %s', (kind) => {
  let edge: Edge;
  let logs = '';
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => ((logs += String(chunk)), done()) });
    edge = await startEdge(env, kind, { appLogger: createLogger('info', sink) });
  });
  afterAll(async () => edge?.close());

  const key = () => edge.config.feishu.encryptKey!;
  const nowSeconds = (offset = 0) => String(Math.floor(Date.now() / 1000) + offset);
  const sign = (payload: unknown, options: Parameters<typeof buildSignedRequest>[1] = {}) =>
    buildSignedRequest(payload, { encryptKey: key(), timestamp: nowSeconds(), ...options });
  /** Arbitrary bytes with a correct signature: only what is inside them is wrong. */
  const signRaw = (rawBody: string, signingKey = key()): SignedRequest => {
    const timestamp = nowSeconds();
    return {
      rawBody,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-lark-request-timestamp': timestamp,
        'x-lark-request-nonce': 'n1',
        'x-lark-signature': computeSignature(timestamp, 'n1', signingKey, rawBody),
      },
    };
  };
  const message = () => textMessage(edge.eventCtx, { sender: { openId: 'ou_stranger', name: 'X' }, text: '帮助' });
  const post = (path: string, request: SignedRequest) =>
    fetch(`${edge.url}${path}`, { method: 'POST', headers: request.headers, body: request.rawBody });

  /** Everything a request could change: rows, jobs in every state, messages sent. */
  const snapshot = async () => ({
    processedEvents: await edge.db.processedEvent.count(),
    receipts: await edge.db.cardActionReceipt.count(),
    outbox: await edge.db.outboundMessage.count(),
    jobs: await jobCounts(edge.queues),
    messages: edge.emulator.app.emulator.messages().length,
  });

  const oneByteChanged = (r: SignedRequest): SignedRequest => {
    const body = JSON.parse(r.rawBody) as { encrypt: string };
    const i = 30;
    const flipped = body.encrypt[i] === 'A' ? 'B' : 'A';
    return { ...r, rawBody: JSON.stringify({ encrypt: body.encrypt.slice(0, i) + flipped + body.encrypt.slice(i + 1) }) };
  };

  const cases: Array<[string, string, () => SignedRequest, number]> = [
    ['no signature', '/feishu/events', () => sign(message(), { sign: false }), 401],
    ['a signature made with another key', '/feishu/events', () => signRaw(sign(message()).rawBody, 'another-key'), 401],
    ['one byte of the signed body changed', '/feishu/events', () => oneByteChanged(sign(message())), 401],
    ['only whitespace of the signed body changed', '/feishu/events', () => {
      const r = sign(message());
      return { ...r, rawBody: r.rawBody.replace('{', '{ ') };
    }, 401],
    ['a timestamp outside the replay window', '/feishu/events', () => sign(message(), { timestamp: nowSeconds(-13 * 3600) }), 401],
    ['the wrong Verification Token', '/feishu/events', () => sign(textMessage({ ...edge.eventCtx, verificationToken: 'forged' }, { sender: { openId: 'ou_x' }, text: '帮助' })), 401],
    ['a forged card click', '/feishu/cards', () => signRaw(sign(cardAction(edge.eventCtx, { operator: { openId: 'ou_x' }, token: 'c-1', openMessageId: 'om_1', openChatId: 'oc_1', value: { a: 'cmd', cmd: 'help' } })).rawBody, 'another-key'), 401],
    ['ciphertext that does not decrypt', '/feishu/events', () => signRaw(JSON.stringify({ encrypt: randomBytes(48).toString('base64') })), 400],
    ['an event encrypted with another key', '/feishu/events', () => signRaw(JSON.stringify({ encrypt: encryptEvent('another-key', JSON.stringify(message())) })), 400],
    ['a body that is not JSON', '/feishu/events', () => signRaw('event=hello'), 400],
    ['an empty body', '/feishu/events', () => signRaw(''), 400],
    ['encrypted text that is not JSON', '/feishu/events', () => signRaw(JSON.stringify({ encrypt: encryptEvent(key(), 'not json at all') })), 400],
    ['JSON that is not an envelope', '/feishu/events', () => sign({ schema: '2.0', header: { event_type: 'im.message.receive_v1' } }), 400],
    ['a message event without its message', '/feishu/events', () => sign({ ...message(), event: { sender: {} } }), 400],
    ['a body over 1 MB', '/feishu/events', () => signRaw(JSON.stringify({ encrypt: 'A'.repeat(1024 * 1024 + 16) })), 413],
    ['a challenge with the wrong token', '/feishu/events', () => sign(urlVerification({ ...edge.eventCtx, verificationToken: 'forged' }, 'c-x'), { sign: false }), 401],
  ];

  it.each(cases)('refuses %s on %s with its status and changes nothing', async (_name, path, build, status) => {
    const before = await snapshot();
    const response = await post(path, build());
    expect(response.status).toBe(status);
    expect(await snapshot()).toEqual(before);
  });

  it('answers the URL challenge, encrypted and plain, and acknowledges unknown event types, storing nothing', async () => {
    const before = await snapshot();
    const encrypted = await post('/feishu/events', sign(urlVerification(edge.eventCtx, 'ch-enc'), { sign: false }));
    expect(await encrypted.json()).toEqual({ challenge: 'ch-enc' });
    const plain = await post('/feishu/events', { rawBody: JSON.stringify(urlVerification(edge.eventCtx, 'ch-plain')), headers: { 'content-type': 'application/json' } });
    expect(await plain.json()).toEqual({ challenge: 'ch-plain' });
    const unknown = await post('/feishu/events', sign(envelope(edge.eventCtx, 'contact.user.created_v3', { object: {} })));
    expect(unknown.status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('logs why a request was refused, and none of the secrets or the body', async () => {
    const forged = signRaw(sign(message()).rawBody, 'another-key');
    await post('/feishu/events', forged);
    expect(logs).toContain('feishu request refused');
    expect(logs).toContain('bad_signature');
    for (const secret of [key(), edge.config.feishu.verificationToken, edge.config.feishu.appSecret, forged.headers['x-lark-signature']!]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toContain((JSON.parse(forged.rawBody) as { encrypt: string }).encrypt.slice(0, 40));
  });

  it('accepts a good request after all that (the harness is not simply refusing everything)', async () => {
    const before = await snapshot();
    expect((await post('/feishu/events', sign(message()))).status).toBe(200);
    expect((await snapshot()).processedEvents).toBe(before.processedEvents + 2);
  });
});
