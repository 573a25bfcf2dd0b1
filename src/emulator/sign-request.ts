// Turns an event or callback payload into the exact bytes and headers Feishu would send.
import { randomBytes } from 'node:crypto';
import { encryptEvent } from '../feishu/crypto.js';
import { computeCardV1Signature, computeSignature } from '../feishu/signature.js';

export interface SignedRequest {
  rawBody: string;
  headers: Record<string, string>;
}

export interface SignOptions {
  /** With a key the body is encrypted and signed (as Feishu does once an Encrypt Key is set). */
  encryptKey?: string | undefined;
  /** Set false to send plaintext but still sign (Feishu always encrypts when a key is set). */
  encrypt?: boolean;
  /** Set false for the unsigned URL-verification request. */
  sign?: boolean;
  timestamp?: string;
  nonce?: string;
  iv?: Buffer;
}

const JSON_UTF8 = 'application/json; charset=utf-8';

export function newNonce(): string {
  return randomBytes(8).toString('hex');
}

export function unixSeconds(nowMs: number = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}

/** Compact JSON (as Feishu sends), optionally `{"encrypt":…}`, signed over the exact bytes. */
export function buildSignedRequest(payload: unknown, options: SignOptions = {}): SignedRequest {
  const plain = JSON.stringify(payload);
  const { encryptKey } = options;
  const rawBody =
    encryptKey && options.encrypt !== false ? JSON.stringify({ encrypt: encryptEvent(encryptKey, plain, options.iv) }) : plain;
  const headers: Record<string, string> = { 'content-type': JSON_UTF8 };
  if (encryptKey && options.sign !== false) {
    const timestamp = options.timestamp ?? unixSeconds();
    const nonce = options.nonce ?? newNonce();
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = computeSignature(timestamp, nonce, encryptKey, rawBody);
  }
  return { rawBody, headers };
}

/** Re-signs already-built bytes with a new timestamp/nonce (for a retry that Feishu might re-sign). */
export function resign(request: SignedRequest, encryptKey: string, timestamp: string, nonce: string = newNonce()): SignedRequest {
  return {
    rawBody: request.rawBody,
    headers: {
      ...request.headers,
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': computeSignature(timestamp, nonce, encryptKey, request.rawBody),
    },
  };
}

/** The deprecated 1.0 card callback: plaintext, SHA-1 signed with the Verification Token. */
export function buildCardV1Request(
  payload: unknown,
  options: { verificationToken: string; timestamp?: string; nonce?: string },
): SignedRequest {
  const rawBody = JSON.stringify(payload);
  const timestamp = options.timestamp ?? unixSeconds();
  const nonce = options.nonce ?? newNonce();
  return {
    rawBody,
    headers: {
      'content-type': JSON_UTF8,
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': computeCardV1Signature(timestamp, nonce, options.verificationToken, rawBody),
    },
  };
}
