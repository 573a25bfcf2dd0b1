// The SDK cache adapter: one fetch per missing token across caches, and no stuck lock after a failed fetch.
import { CTenantAccessToken } from '@larksuiteoapi/node-sdk';
import { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { FeishuClient } from '../../../src/outbound/feishu-client.js';
import { sdkLogger } from '../../../src/outbound/sdk-support.js';
import { SharedTokenCache } from '../../../src/outbound/shared-token-cache.js';
import { InMemoryTenantTokenStore } from '../../../src/outbound/token-store.js';
import { type RunningEmulator, startEmulator, TEST_APP } from '../../helpers/feishu-emulator.js';

const ns = { namespace: 'cli_a' };

describe('SharedTokenCache', () => {
  it('lets exactly one of many concurrent misses fetch; the others get the token it stores', async () => {
    const store = new InMemoryTenantTokenStore();
    const caches = [new SharedTokenCache(store), new SharedTokenCache(store), new SharedTokenCache(store)];
    const gets = caches.flatMap((c) => [c.get(CTenantAccessToken, ns), c.get(CTenantAccessToken, ns)]);
    // Exactly one get resolves with a miss (its caller fetches); the rest are still waiting.
    const first = await Promise.race(gets.map((g, i) => g.then((v) => ({ i, v }))));
    expect(first.v).toBeUndefined();
    await caches[Math.floor(first.i / 2)]!.set(CTenantAccessToken, 't-shared', Date.now() + 60_000, ns);
    const values = await Promise.all(gets);
    expect(values.filter((v) => v === undefined)).toHaveLength(1);
    expect(values.filter((v) => v === 't-shared')).toHaveLength(5);
  });

  it('does not share a token whose SDK-computed expiry is already past', async () => {
    const store = new InMemoryTenantTokenStore();
    const cache = new SharedTokenCache(store);
    expect(await cache.get(CTenantAccessToken, ns)).toBeUndefined();
    await cache.set(CTenantAccessToken, 't-short', Date.now() - 1, ns);
    expect(await store.get('cli_a')).toBeNull();
    // The lock was released by set(): the next miss may fetch at once.
    expect(await cache.get(CTenantAccessToken, ns)).toBeUndefined();
  });

  it('keeps other SDK cache keys in process, with their expiry', async () => {
    const cache = new SharedTokenCache(new InMemoryTenantTokenStore());
    await cache.set('app-ticket', 'x', Date.now() + 1000, ns);
    await cache.set('old', 'y', Date.now() - 1, ns);
    expect(await cache.get('app-ticket', ns)).toBe('x');
    expect(await cache.get('old', ns)).toBeUndefined();
  });
});

describe('token fetch failures', () => {
  let emu: RunningEmulator;
  afterEach(async () => emu.close());

  it('release the refresh lock, so the next call fetches again instead of waiting', async () => {
    emu = await startEmulator();
    emu.app.emulator.faults.set('auth.tenant_token', { serverErrors: 1, serverErrorStatus: 500 });
    const client = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, tokenCache: { lockTtlMs: 60_000 } });
    await expect(client.botInfo()).rejects.toMatchObject({ kind: 'retryable', details: { httpStatus: 500 } });
    // With a stuck 60 s lock this would time out; it succeeds because the failed fetch unlocked.
    expect((await client.botInfo()).openId).toBeTruthy();
    expect(emu.app.emulator.calls('auth.tenant_token').map((c) => c.status)).toEqual([500, 200]);
  });

  it('report bad credentials as permanent on every call', async () => {
    emu = await startEmulator();
    const client = new FeishuClient({ appId: TEST_APP.appId, appSecret: 'wrong', domain: emu.baseUrl, tokenCache: { lockTtlMs: 60_000 } });
    await expect(client.botInfo()).rejects.toMatchObject({ kind: 'permanent', details: { code: 10014 } });
    await expect(client.botInfo()).rejects.toMatchObject({ kind: 'permanent', details: { code: 10014 } });
  });
});

describe('sdkLogger', () => {
  it('never prints the bearer token the SDK’s AxiosErrors carry', () => {
    const lines: string[] = [];
    const logger = sdkLogger({ debug: (m) => lines.push(m), warn: (m) => lines.push(m) });
    const config = { headers: new AxiosHeaders({ Authorization: 'Bearer t-very-secret' }), data: '{"receive_id":"ou_x"}' } as InternalAxiosRequestConfig;
    const error = new AxiosError('Request failed with status code 400', 'ERR_BAD_REQUEST', config);
    logger.error([error, { config }]);
    logger.warn(['plain warning']);
    expect(lines).toEqual(['feishu-sdk: AxiosError: Request failed with status code 400', 'feishu-sdk: plain warning']);
  });
});
