// Signatures hash the raw bytes: reference vectors, and any change — a byte or only whitespace — is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCardV1Signature,
  computeSignature,
  verifyCardV1Signature,
  verifySignature,
} from '../../../src/feishu/signature.js';

const BODY = '{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}';
const VECTOR = '0c09d96c2aef2ad08179b3967ea410bbc91dab24ce3aec05af962cf1935844af';
const NOW = () => 1_700_000_000_000;

const base = { timestamp: '1700000000', nonce: 'abc', encryptKey: 'test key', rawBody: BODY, signature: VECTOR, now: NOW };

describe('verifySignature (SHA-256, Encrypt Key)', () => {
  it('matches the reference vector', () => {
    expect(computeSignature('1700000000', 'abc', 'test key', BODY)).toBe(VECTOR);
    expect(verifySignature(base)).toEqual({ ok: true });
  });

  it('accepts the raw body as a Buffer and an upper-case signature', () => {
    expect(verifySignature({ ...base, rawBody: Buffer.from(BODY), signature: VECTOR.toUpperCase() })).toEqual({ ok: true });
  });

  it('refuses a body that differs only in whitespace (same JSON value)', () => {
    const spaced = JSON.stringify(JSON.parse(BODY), null, 1);
    expect(JSON.parse(spaced)).toEqual(JSON.parse(BODY));
    expect(verifySignature({ ...base, rawBody: spaced })).toEqual({ ok: false, failure: 'mismatch' });
    expect(verifySignature({ ...base, rawBody: `${BODY}\n` })).toEqual({ ok: false, failure: 'mismatch' });
  });

  it('refuses any single changed byte', () => {
    fc.assert(
      fc.property(fc.nat({ max: BODY.length - 1 }), fc.integer({ min: 1, max: 255 }), (pos, xor) => {
        const bytes = Buffer.from(BODY);
        bytes[pos] = (bytes[pos] ?? 0) ^ xor;
        expect(verifySignature({ ...base, rawBody: bytes })).toEqual({ ok: false, failure: 'mismatch' });
      }),
    );
  });

  it('refuses another key, timestamp or nonce', () => {
    expect(verifySignature({ ...base, encryptKey: 'test key ' }).ok).toBe(false);
    expect(verifySignature({ ...base, timestamp: '1700000001' }).ok).toBe(false);
    expect(verifySignature({ ...base, nonce: 'abd' }).ok).toBe(false);
  });

  it('reports missing and malformed signatures', () => {
    expect(verifySignature({ ...base, signature: undefined })).toEqual({ ok: false, failure: 'missing' });
    expect(verifySignature({ ...base, timestamp: undefined })).toEqual({ ok: false, failure: 'missing' });
    expect(verifySignature({ ...base, signature: 'zz' })).toEqual({ ok: false, failure: 'malformed' });
    expect(verifySignature({ ...base, signature: VECTOR.slice(0, 62) })).toEqual({ ok: false, failure: 'malformed' });
  });

  it('accepts a retry replayed 7.1 h later under the default window, refuses it under a 5-minute one', () => {
    const later = () => NOW() + 7.1 * 3600 * 1000;
    expect(verifySignature({ ...base, now: later })).toEqual({ ok: true });
    expect(verifySignature({ ...base, now: later, windowSeconds: 300 })).toEqual({ ok: false, failure: 'stale_timestamp' });
    expect(verifySignature({ ...base, now: () => NOW() + 25 * 3600 * 1000 })).toEqual({ ok: false, failure: 'stale_timestamp' });
    expect(verifySignature({ ...base, now: () => NOW() + 400 * 24 * 3600 * 1000, windowSeconds: null })).toEqual({ ok: true });
  });

  it('checks the digest before the clock', () => {
    expect(verifySignature({ ...base, signature: '0'.repeat(64), now: () => 0 })).toEqual({ ok: false, failure: 'mismatch' });
  });
});

describe('verifyCardV1Signature (SHA-1, Verification Token)', () => {
  const body = '{"open_id":"ou_1","open_message_id":"om_1","tenant_key":"t","token":"c-1","action":{"tag":"button","value":{"k":"v"}}}';
  const expected = '4b9774d56aef7c366e2076e87a80b721bbf4392c';

  it('matches the reference vector', () => {
    expect(computeCardV1Signature('1700000000', 'abc', 'VT', body)).toBe(expected);
    expect(verifyCardV1Signature({ timestamp: '1700000000', nonce: 'abc', verificationToken: 'VT', rawBody: body, signature: expected, now: NOW })).toEqual({ ok: true });
  });

  it('refuses a re-serialised body', () => {
    const spaced = JSON.stringify(JSON.parse(body), null, 2);
    expect(verifyCardV1Signature({ timestamp: '1700000000', nonce: 'abc', verificationToken: 'VT', rawBody: spaced, signature: expected, now: NOW }).ok).toBe(false);
  });
});
