// The pure inbound pipeline for /feishu/events and /feishu/cards: raw body + headers + config
// → a challenge, a typed event or card action, or a rejection carrying its HTTP status.
//
// Timestamp policy: a signed request is accepted when |now − X-Lark-Request-Timestamp| is within
// `signatureWindowSeconds` (default 24 h, 0/null disables). Feishu retries for ~7.1 h and may
// replay the original signed bytes, so the window must stay wider than that; replays inside it
// are stopped by durable dedupe on the event's dedupeKeys, which is the real replay defence.
import { createHash, timingSafeEqual } from 'node:crypto';
import { decryptEvent, FeishuCryptoError } from './crypto.js';
import type { CardAction, FeishuEvent } from './events.js';
import { looksLikeCardV1, parseCardV1, parseEnvelope, type ParsedEnvelope } from './parse-envelope.js';
import { type SignatureCheck, verifyCardV1Signature, verifySignature } from './signature.js';

export interface InboundConfig {
  verificationToken: string;
  /** Required in production; without it there is no signature and no encryption, only the token. */
  encryptKey?: string | undefined;
  signatureWindowSeconds?: number | null;
  /**
   * Accept deprecated 1.0 card callbacks (flat body, SHA-1 over the Verification Token). Off by
   * default: that token is weaker than the Encrypt Key, and we subscribe to card.action.trigger.
   */
  acceptCardV1?: boolean;
  now?: () => number;
}

export interface InboundRequest {
  /** The body exactly as received; the signature covers these bytes. */
  rawBody: string | Buffer;
  /** Lower-case header names, as Node and Fastify provide them. */
  headers: Record<string, string | string[] | undefined>;
}

export type InboundRejectReason =
  | 'invalid_json'
  | 'missing_signature'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'undecryptable'
  | 'encrypted_without_key'
  | 'bad_token'
  | 'invalid_envelope';

export type InboundRejection = { ok: false; status: 400 | 401; reason: InboundRejectReason; detail?: string };

export type InboundResult =
  | { ok: true; kind: 'challenge'; challenge: string }
  | { ok: true; kind: 'event'; event: FeishuEvent }
  | { ok: true; kind: 'card'; action: CardAction }
  | InboundRejection;

function reject(status: 400 | 401, reason: InboundRejectReason, detail?: string): InboundRejection {
  return detail === undefined ? { ok: false, status, reason } : { ok: false, status, reason, detail };
}

function header(headers: InboundRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Constant-time string equality (hashing first makes lengths equal). */
function secretEquals(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function signatureRejection(check: Exclude<SignatureCheck, { ok: true }>): InboundRejection {
  if (check.failure === 'missing') return reject(401, 'missing_signature');
  if (check.failure === 'stale_timestamp') return reject(401, 'stale_timestamp');
  return reject(401, 'bad_signature');
}

function decryptToObject(encryptKey: string, encrypted: unknown): { ok: true; value: unknown } | InboundRejection {
  if (typeof encrypted !== 'string') return reject(400, 'undecryptable', 'encrypt is not a string');
  let plain: string;
  try {
    plain = decryptEvent(encryptKey, encrypted);
  } catch (e) {
    if (e instanceof FeishuCryptoError) return reject(400, 'undecryptable', e.failure);
    throw e;
  }
  const json = parseJson(plain);
  return json.ok ? json : reject(400, 'invalid_json', 'decrypted body is not JSON');
}

function finish(parsed: ParsedEnvelope, config: InboundConfig): InboundResult {
  if (!parsed.ok) return reject(400, 'invalid_envelope', parsed.issues);
  // The 1.0 card callback has no Verification Token in its body; its SHA-1 signature proved it.
  if (parsed.token !== undefined && !secretEquals(parsed.token, config.verificationToken)) return reject(401, 'bad_token');
  if (parsed.kind === 'challenge') return { ok: true, kind: 'challenge', challenge: parsed.challenge };
  if (parsed.kind === 'card') return { ok: true, kind: 'card', action: parsed.action };
  return { ok: true, kind: 'event', event: parsed.event };
}

/** Verifies, decrypts and parses one inbound Feishu request. Pure apart from the injected clock. */
export function verifyInbound(request: InboundRequest, config: InboundConfig): InboundResult {
  const rawText = typeof request.rawBody === 'string' ? request.rawBody : request.rawBody.toString('utf8');
  const outer = parseJson(rawText);
  if (!outer.ok || !isObject(outer.value)) return reject(400, 'invalid_json');
  const body = outer.value;
  const sig = {
    timestamp: header(request.headers, 'x-lark-request-timestamp'),
    nonce: header(request.headers, 'x-lark-request-nonce'),
    signature: header(request.headers, 'x-lark-signature'),
    rawBody: request.rawBody,
    windowSeconds: config.signatureWindowSeconds,
    ...(config.now ? { now: config.now } : {}),
  };

  if (config.acceptCardV1 && looksLikeCardV1(body)) {
    const check = verifyCardV1Signature({ ...sig, verificationToken: config.verificationToken });
    return check.ok ? finish(parseCardV1(body), config) : signatureRejection(check);
  }

  const { encryptKey } = config;
  if (!encryptKey) {
    if ('encrypt' in body) return reject(400, 'encrypted_without_key');
    return finish(parseEnvelope(body), config);
  }

  if (sig.signature === undefined && sig.timestamp === undefined) {
    // Feishu does not sign the URL-verification request (the official Go SDK skips the check
    // for it too), so an unsigned body is acceptable only as a challenge with the right token.
    // Every other unsigned body gets the same 401, whether or not it decrypts: no padding oracle.
    const plain = 'encrypt' in body ? decryptToObject(encryptKey, body.encrypt) : { ok: true as const, value: body };
    if (plain.ok && isObject(plain.value) && plain.value.type === 'url_verification') {
      return finish(parseEnvelope(plain.value), config);
    }
    return reject(401, 'missing_signature');
  }

  const check = verifySignature({ ...sig, encryptKey });
  if (!check.ok) return signatureRejection(check);
  if (!('encrypt' in body)) return finish(parseEnvelope(body), config);
  const plain = decryptToObject(encryptKey, body.encrypt);
  return plain.ok ? finish(parseEnvelope(plain.value), config) : plain;
}
