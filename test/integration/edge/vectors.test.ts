// Feishu's documented crypto vectors through the HTTP route: the signature is computed exactly as
// documented over the raw bytes, and the emulator-independent challenge vector decrypts and answers.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { createPrisma } from '../../../src/db/prisma.js';
import { createQueueBackend } from '../../../src/jobs/queue-backend.js';
import { useIsolated } from '../../helpers/isolated.js';
import { logger } from './harness.js';

const env = useIsolated();
// Platform reference §1.5: the official vector and our self-generated ones (key `test key`).
const OFFICIAL_BODY = '{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}';
const OFFICIAL_SIGNATURE = '0c09d96c2aef2ad08179b3967ea410bbc91dab24ce3aec05af962cf1935844af';
const CHALLENGE_VECTOR = 'AAAAAAAAAAAAAAAAAAAAALjptHg7PenTGuXsC1j8q5+kBO8rGjmbSR+LkmCYtoAtTsP+RrZw8PecvG1WPb9+FSXwS744eBEH/Bjw3CwCRSw=';

describe('documented vectors through POST /feishu/events', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // The vector's timestamp is from 2023: the replay window is switched off to reach the crypto.
    const config = env.config({ FEISHU_ENCRYPT_KEY: 'test key', FEISHU_VERIFICATION_TOKEN: 'vt', FEISHU_SIGNATURE_MAX_AGE_S: '0' });
    const queues = createQueueBackend({ databaseUrl: env.databaseUrl, role: 'producer' });
    app = await buildApp(config, { db: createPrisma(env.databaseUrl, { poolSize: 2 }), queues }, { logger });
  });
  afterAll(async () => app?.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/feishu/events', payload: body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
  const signed = { 'x-lark-request-timestamp': '1700000000', 'x-lark-request-nonce': 'abc', 'x-lark-signature': OFFICIAL_SIGNATURE };

  it('accepts the documented signature and decrypts the documented ciphertext (to "hello world": not JSON, 400)', async () => {
    const response = await post(OFFICIAL_BODY, signed);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'BAD_REQUEST', message: 'invalid_json' });
  });

  it('refuses the same signature over the same JSON with one more space (401)', async () => {
    const response = await post(OFFICIAL_BODY.replace(':', ': '), signed);
    expect(response.statusCode).toBe(401);
  });

  it('answers the encrypted challenge vector with its challenge', async () => {
    const response = await post(JSON.stringify({ encrypt: CHALLENGE_VECTOR }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ challenge: 'c-123' });
  });
});
