// The classification table: statuses, Feishu codes and network failures onto four kinds; retry decisions.
import { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { classifyError, classifyResponse, FeishuApiError } from '../../../src/outbound/errors.js';
import { messageUuid } from '../../../src/outbound/message-uuid.js';
import { retryDecision } from '../../../src/outbound/retry.js';

const config = { headers: new AxiosHeaders({ Authorization: 'Bearer t-secret' }), url: 'http://x/open-apis/im/v1/messages' } as InternalAxiosRequestConfig;

function httpError(status: number, data: unknown, headers: Record<string, string> = {}): AxiosError {
  return new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_RESPONSE', config, {}, { status, statusText: '', data, headers, config });
}

describe('classifyError', () => {
  it.each([
    [httpError(429, { code: 99991400, msg: 'request trigger frequency limit' }, { 'x-ogw-ratelimit-reset': '3' }), 'rate_limited', 3000],
    [httpError(429, {}), 'rate_limited', 1000],
    [httpError(400, { code: 230020, msg: 'limit' }), 'rate_limited', 1000],
    [httpError(400, { code: 99991663 }), 'token_invalid', undefined],
    [httpError(400, { code: 99991661 }), 'token_invalid', undefined],
    [httpError(401, { code: 99991668 }), 'token_invalid', undefined],
    [httpError(500, { code: 2200 }), 'retryable', undefined],
    [httpError(503, 'gateway html'), 'retryable', undefined],
    [httpError(400, { code: 230002, msg: 'Bot/User can NOT be out of the chat.' }), 'permanent', undefined],
    [httpError(400, { code: 230013 }), 'permanent', undefined],
    [httpError(400, { code: 230099 }), 'permanent', undefined],
    [httpError(400, { code: 99991672, msg: 'Access denied' }), 'permanent', undefined],
  ])('%#: HTTP/code → %s', (error, kind, retryAfterMs) => {
    const e = classifyError('im.message.create', error);
    expect(e.kind).toBe(kind);
    expect(e.details.retryAfterMs).toBe(retryAfterMs);
  });

  it('treats timeouts and resets as retryable and ambiguous, refused connections as retryable only', () => {
    const timeout = new AxiosError('timeout of 100ms exceeded', 'ETIMEDOUT', config, {});
    const reset = new AxiosError('socket hang up', 'ECONNRESET', config, {});
    const refused = new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED', config, {});
    expect(classifyError('op', timeout).details).toMatchObject({ ambiguous: true });
    expect(classifyError('op', reset)).toMatchObject({ kind: 'retryable', details: { ambiguous: true } });
    expect(classifyError('op', refused)).toMatchObject({ kind: 'retryable' });
    expect(classifyError('op', refused).details.ambiguous).toBeUndefined();
  });

  it('classifies the SDK’s token-fetch failure by its code', () => {
    expect(classifyError('op', new Error('failed to get tenant_access_token, code: 10014, msg: app secret invalid')).kind).toBe('permanent');
    expect(classifyError('op', new Error('failed to get tenant_access_token, code: 2200, msg: busy')).kind).toBe('retryable');
  });

  it('never carries the request config (bearer token) into the error', () => {
    const e = classifyError('op', httpError(400, { code: 230002 }));
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain('t-secret');
    expect(e).toBeInstanceOf(FeishuApiError);
  });

  it('classifies HTTP 200 bodies with a non-zero code', () => {
    expect(classifyResponse('batch', 200, { code: 11232, msg: 'busy' }).kind).toBe('retryable');
    expect(classifyResponse('batch', 200, { code: 10002, msg: 'bad request' }).kind).toBe('permanent');
  });
});

describe('retryDecision', () => {
  const noJitter = { jitterMs: 0 };
  it('waits out rate limits without burning an attempt, backs off on retryable, stops on permanent', () => {
    expect(retryDecision(classifyError('op', httpError(429, {}, { 'x-ogw-ratelimit-reset': '2' })), 3, noJitter)).toEqual({ retry: true, delayMs: 2000, consumesAttempt: false });
    expect(retryDecision(classifyError('op', httpError(500, {})), 1, noJitter)).toEqual({ retry: true, delayMs: 500, consumesAttempt: true });
    expect(retryDecision(classifyError('op', httpError(500, {})), 3, noJitter)).toEqual({ retry: true, delayMs: 2000, consumesAttempt: true });
    expect(retryDecision(classifyError('op', httpError(500, {})), 30, noJitter)).toEqual({ retry: true, delayMs: 30_000, consumesAttempt: true });
    expect(retryDecision(classifyError('op', httpError(400, { code: 230002 })), 1, noJitter)).toEqual({ retry: false });
  });
});

describe('messageUuid', () => {
  it('is stable, at most 50 characters, and distinct per business key', () => {
    const a = messageUuid('monthly-reminder/2026-11/ou_alice');
    expect(a).toBe(messageUuid('monthly-reminder/2026-11/ou_alice'));
    expect(a.length).toBeLessThanOrEqual(50);
    expect(a).toMatch(/^[0-9a-f]+$/);
    expect(messageUuid('monthly-reminder/2026-11/ou_bob')).not.toBe(a);
    expect(() => messageUuid('')).toThrow();
  });
});
