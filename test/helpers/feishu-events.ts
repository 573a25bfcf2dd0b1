// Signed, encrypted inbound requests for tests of verifyInbound (and, later, the webhook routes).
import type { EventContext } from '../../src/emulator/event-builders.js';
import { buildSignedRequest, type SignOptions } from '../../src/emulator/sign-request.js';
import type { InboundConfig, InboundRequest } from '../../src/feishu/verify-inbound.js';

export const TEST_ENCRYPT_KEY = 'test-encrypt-key-0123456789';
export const TEST_VERIFICATION_TOKEN = 'test-verification-token';
/** A fixed clock: 2026-01-15T00:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2026, 0, 15);

export const EVENT_CTX: EventContext = {
  appId: 'cli_test_app',
  tenantKey: 'tenant_test',
  verificationToken: TEST_VERIFICATION_TOKEN,
  now: () => TEST_NOW_MS,
};

export const INBOUND_CONFIG: InboundConfig = {
  encryptKey: TEST_ENCRYPT_KEY,
  verificationToken: TEST_VERIFICATION_TOKEN,
  now: () => TEST_NOW_MS,
};

export const ALICE = { openId: 'ou_alice', name: 'Alice' };
export const BOB = { openId: 'ou_bob', name: 'Bob' };
export const BOT = { openId: 'ou_bot', name: 'Vanguard' };

/** The request Feishu would send for `payload`, encrypted and signed at TEST_NOW_MS unless told otherwise. */
export function signedRequest(payload: unknown, options: SignOptions = {}): InboundRequest & { rawBody: string } {
  const r = buildSignedRequest(payload, {
    encryptKey: TEST_ENCRYPT_KEY,
    timestamp: String(Math.floor(TEST_NOW_MS / 1000)),
    nonce: 'nonce-1',
    ...options,
  });
  return { rawBody: r.rawBody, headers: r.headers };
}
