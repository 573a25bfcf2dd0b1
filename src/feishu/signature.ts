// Request signatures over the exact received bytes: SHA-256 for events and new card callbacks
// (reference §1.6), SHA-1 with the Verification Token for 1.0 card callbacks (§2.6).
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Default replay window. Feishu retries for about 7.1 h (15 s, 5 min, 1 h, 6 h) and it is not
 * known whether retries are re-signed, so the window must cover the whole retry schedule;
 * durable dedupe by event_id/message_id is the real replay defence.
 */
export const DEFAULT_SIGNATURE_WINDOW_SECONDS = 24 * 60 * 60;

export type SignatureFailure = 'missing' | 'malformed' | 'mismatch' | 'stale_timestamp';
export type SignatureCheck = { ok: true } | { ok: false; failure: SignatureFailure };

export interface SignatureInput {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  rawBody: string | Buffer;
}

export interface VerifySignatureInput extends SignatureInput {
  encryptKey: string;
  /** Clock in milliseconds; injected by tests. */
  now?: () => number;
  /** Accepted |now − timestamp| in seconds; 0 or null disables the check. */
  windowSeconds?: number | null;
}

function bodyBytes(rawBody: string | Buffer): Buffer {
  return typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
}

/** hex(SHA-256(utf8(timestamp + nonce + encryptKey) ‖ rawBody)). */
export function computeSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: string | Buffer): string {
  return createHash('sha256')
    .update(Buffer.from(timestamp + nonce + encryptKey, 'utf8'))
    .update(bodyBytes(rawBody))
    .digest('hex');
}

/** hex(SHA-1(utf8(timestamp + nonce + verificationToken) ‖ rawBody)) — 1.0 card callbacks only. */
export function computeCardV1Signature(
  timestamp: string,
  nonce: string,
  verificationToken: string,
  rawBody: string | Buffer,
): string {
  return createHash('sha1')
    .update(Buffer.from(timestamp + nonce + verificationToken, 'utf8'))
    .update(bodyBytes(rawBody))
    .digest('hex');
}

/** Constant-time comparison of two hex digests; unequal lengths compare false without early exit on content. */
function hexEquals(expectedHex: string, givenHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const given = Buffer.from(givenHex, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function checkTimestamp(timestamp: string, now: () => number, windowSeconds: number | null | undefined): SignatureCheck {
  const window = windowSeconds === undefined ? DEFAULT_SIGNATURE_WINDOW_SECONDS : windowSeconds;
  if (!window) return { ok: true };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, failure: 'malformed' };
  const skew = Math.abs(now() / 1000 - Number(timestamp));
  return skew <= window ? { ok: true } : { ok: false, failure: 'stale_timestamp' };
}

/** Verifies X-Lark-Signature (SHA-256, Encrypt Key) over the raw body bytes. */
export function verifySignature(input: VerifySignatureInput): SignatureCheck {
  const { timestamp, nonce, signature } = input;
  if (!timestamp || nonce === undefined || !signature) return { ok: false, failure: 'missing' };
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return { ok: false, failure: 'malformed' };
  const expected = computeSignature(timestamp, nonce, input.encryptKey, input.rawBody);
  // Check the digest before the clock so a forged request learns nothing about the window.
  if (!hexEquals(expected, signature.toLowerCase())) return { ok: false, failure: 'mismatch' };
  return checkTimestamp(timestamp, input.now ?? Date.now, input.windowSeconds);
}

/** Verifies a 1.0 card callback's SHA-1 signature made with the Verification Token. */
export function verifyCardV1Signature(
  input: SignatureInput & { verificationToken: string; now?: () => number; windowSeconds?: number | null },
): SignatureCheck {
  const { timestamp, nonce, signature } = input;
  if (!timestamp || nonce === undefined || !signature) return { ok: false, failure: 'missing' };
  if (!/^[0-9a-fA-F]{40}$/.test(signature)) return { ok: false, failure: 'malformed' };
  const expected = computeCardV1Signature(timestamp, nonce, input.verificationToken, input.rawBody);
  if (!hexEquals(expected, signature.toLowerCase())) return { ok: false, failure: 'mismatch' };
  return checkTimestamp(timestamp, input.now ?? Date.now, input.windowSeconds);
}
