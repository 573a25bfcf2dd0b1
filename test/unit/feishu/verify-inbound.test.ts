// The inbound pipeline end to end on bytes: every bad input gets its status, good ones their typed result.
import { describe, expect, it } from 'vitest';
import { buildCardV1Request } from '../../../src/emulator/sign-request.js';
import { cardAction, textMessage, urlVerification } from '../../../src/emulator/event-builders.js';
import { encryptEvent } from '../../../src/feishu/crypto.js';
import { computeSignature } from '../../../src/feishu/signature.js';
import { verifyInbound } from '../../../src/feishu/verify-inbound.js';
import { ALICE, EVENT_CTX, INBOUND_CONFIG, signedRequest, TEST_ENCRYPT_KEY, TEST_NOW_MS, TEST_VERIFICATION_TOKEN } from '../../helpers/feishu-events.js';

const message = () => textMessage(EVENT_CTX, { sender: ALICE, text: '积分' });

/** Signs arbitrary bytes as Feishu would, for bodies the builders cannot produce. */
function signBytes(rawBody: string) {
  const timestamp = String(Math.floor(TEST_NOW_MS / 1000));
  return {
    rawBody,
    headers: {
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': 'n',
      'x-lark-signature': computeSignature(timestamp, 'n', TEST_ENCRYPT_KEY, rawBody),
    },
  };
}

describe('verifyInbound: accepted', () => {
  it('answers an unsigned encrypted url_verification with its challenge', () => {
    const req = signedRequest(urlVerification(EVENT_CTX, 'ch-1'), { sign: false });
    expect(req.headers['x-lark-signature']).toBeUndefined();
    expect(JSON.parse(req.rawBody)).toHaveProperty('encrypt');
    expect(verifyInbound(req, INBOUND_CONFIG)).toEqual({ ok: true, kind: 'challenge', challenge: 'ch-1' });
  });

  it('answers a plain url_verification when no Encrypt Key is configured', () => {
    const req = { rawBody: JSON.stringify(urlVerification(EVENT_CTX, 'ch-2')), headers: {} };
    expect(verifyInbound(req, { verificationToken: TEST_VERIFICATION_TOKEN })).toEqual({ ok: true, kind: 'challenge', challenge: 'ch-2' });
  });

  it('turns a signed encrypted event into a typed event (also from a Buffer body)', () => {
    const payload = message();
    const req = signedRequest(payload);
    const result = verifyInbound(req, INBOUND_CONFIG);
    expect(result).toMatchObject({ ok: true, kind: 'event', event: { kind: 'message', eventId: payload.header.event_id } });
    expect(verifyInbound({ ...req, rawBody: Buffer.from(req.rawBody) }, INBOUND_CONFIG)).toMatchObject({ ok: true, kind: 'event' });
  });

  it('accepts signed plaintext (signature proves origin even without encryption)', () => {
    expect(verifyInbound(signedRequest(message(), { encrypt: false }), INBOUND_CONFIG)).toMatchObject({ ok: true, kind: 'event' });
  });

  it('turns card.action.trigger into a CardAction', () => {
    const req = signedRequest(cardAction(EVENT_CTX, { operator: ALICE, token: 'c-1', openMessageId: 'om_1', openChatId: 'oc_1', value: { a: 1 } }));
    expect(verifyInbound(req, INBOUND_CONFIG)).toMatchObject({ ok: true, kind: 'card', action: { token: 'c-1', action: { value: { a: 1 } } } });
  });

  it('accepts a 1.0 card callback signed with SHA-1 and the Verification Token only when enabled', () => {
    const body = { open_id: 'ou_1', open_message_id: 'om_1', tenant_key: 't', token: 'c-1', action: { tag: 'button', value: { k: 'v' } } };
    const req = buildCardV1Request(body, { verificationToken: TEST_VERIFICATION_TOKEN, timestamp: String(TEST_NOW_MS / 1000) });
    const withV1 = { ...INBOUND_CONFIG, acceptCardV1: true };
    expect(verifyInbound(req, withV1)).toMatchObject({ ok: true, kind: 'card', action: { envelope: 'v1' } });
    expect(verifyInbound({ ...req, rawBody: req.rawBody.replace('"v"', '"w"') }, withV1)).toMatchObject({ ok: false, status: 401, reason: 'bad_signature' });
    expect(verifyInbound(req, INBOUND_CONFIG)).toMatchObject({ ok: false, status: 401, reason: 'bad_signature' });
  });

  it('accepts a retry replayed hours later under the default window', () => {
    const req = signedRequest(message());
    const later = { ...INBOUND_CONFIG, now: () => TEST_NOW_MS + 7 * 3600 * 1000 };
    expect(verifyInbound(req, later)).toMatchObject({ ok: true, kind: 'event' });
  });
});

describe('verifyInbound: rejected', () => {
  it('401 when an event carries no signature', () => {
    expect(verifyInbound(signedRequest(message(), { sign: false }), INBOUND_CONFIG)).toEqual({ ok: false, status: 401, reason: 'missing_signature' });
  });

  it('401 for a wrong signature, a changed byte, or whitespace-only changes', () => {
    const req = signedRequest(message());
    expect(verifyInbound({ ...req, headers: { ...req.headers, 'x-lark-signature': 'a'.repeat(64) } }, INBOUND_CONFIG)).toMatchObject({ status: 401, reason: 'bad_signature' });
    const flipped = req.rawBody.slice(0, 20) + (req.rawBody[20] === 'A' ? 'B' : 'A') + req.rawBody.slice(21);
    expect(verifyInbound({ ...req, rawBody: flipped }, INBOUND_CONFIG)).toMatchObject({ status: 401, reason: 'bad_signature' });
    const spaced = JSON.stringify(JSON.parse(req.rawBody), null, 2);
    expect(verifyInbound({ ...req, rawBody: spaced }, INBOUND_CONFIG)).toMatchObject({ status: 401, reason: 'bad_signature' });
  });

  it('401 for a signed event carrying the wrong Verification Token', () => {
    const req = signedRequest(textMessage({ ...EVENT_CTX, verificationToken: 'someone-else' }, { sender: ALICE, text: 'x' }));
    expect(verifyInbound(req, INBOUND_CONFIG)).toEqual({ ok: false, status: 401, reason: 'bad_token' });
  });

  it('401 for a challenge with the wrong token', () => {
    const req = signedRequest(urlVerification({ ...EVENT_CTX, verificationToken: 'nope' }), { sign: false });
    expect(verifyInbound(req, INBOUND_CONFIG)).toMatchObject({ status: 401, reason: 'bad_token' });
  });

  it('401 outside a configured timestamp window', () => {
    expect(verifyInbound(signedRequest(message()), { ...INBOUND_CONFIG, signatureWindowSeconds: 60, now: () => TEST_NOW_MS + 61_000 })).toMatchObject({ status: 401, reason: 'stale_timestamp' });
  });

  it('400 for a correctly signed body that does not decrypt', () => {
    expect(verifyInbound(signBytes('{"encrypt":"AAAA"}'), INBOUND_CONFIG)).toMatchObject({ status: 400, reason: 'undecryptable' });
    const otherKey = encryptEvent('another key', JSON.stringify(message()));
    expect(verifyInbound(signBytes(JSON.stringify({ encrypt: otherKey })), INBOUND_CONFIG)).toMatchObject({ status: 400, reason: 'undecryptable' });
  });

  it('401, not 400, for an unsigned body that does not decrypt (no padding oracle)', () => {
    expect(verifyInbound({ rawBody: '{"encrypt":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}', headers: {} }, INBOUND_CONFIG)).toMatchObject({ status: 401, reason: 'missing_signature' });
  });

  it('400 for non-JSON bodies and for JSON that is not an object', () => {
    expect(verifyInbound({ rawBody: 'hello', headers: {} }, INBOUND_CONFIG)).toMatchObject({ status: 400, reason: 'invalid_json' });
    expect(verifyInbound({ rawBody: '[1]', headers: {} }, INBOUND_CONFIG)).toMatchObject({ status: 400, reason: 'invalid_json' });
    const notJsonInside = encryptEvent(TEST_ENCRYPT_KEY, 'not json');
    expect(verifyInbound(signBytes(JSON.stringify({ encrypt: notJsonInside })), INBOUND_CONFIG)).toMatchObject({ status: 400, reason: 'invalid_json' });
  });

  it('400 for a signed, decryptable body that breaks the schema', () => {
    const payload = message() as { header: Record<string, unknown> };
    delete payload.header.event_id;
    expect(verifyInbound(signedRequest(payload), INBOUND_CONFIG)).toMatchObject({ status: 400, reason: 'invalid_envelope' });
  });

  it('400 for an encrypted body when no Encrypt Key is configured', () => {
    expect(verifyInbound(signedRequest(message()), { verificationToken: TEST_VERIFICATION_TOKEN })).toMatchObject({ status: 400, reason: 'encrypted_without_key' });
  });
});
