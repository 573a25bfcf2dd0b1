// The emulator's token endpoint and auth errors have Feishu's shapes and behaviour.
import { afterEach, describe, expect, it } from 'vitest';
import { callEmulator, type RunningEmulator, startEmulator, TEST_APP, tenantToken } from '../../helpers/feishu-emulator.js';

let emu: RunningEmulator;
afterEach(async () => emu.close());

describe('tenant_access_token/internal', () => {
  it('returns the token at the top level with its remaining lifetime, and the same token until near expiry', async () => {
    let now = 1_000_000;
    emu = await startEmulator({ now: () => now, tokenTtlSeconds: 7200, tokenRenewWithinSeconds: 1800 });
    const first = await callEmulator(emu.baseUrl, 'POST', '/open-apis/auth/v3/tenant_access_token/internal', { body: { app_id: TEST_APP.appId, app_secret: TEST_APP.appSecret } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ code: 0, msg: 'ok', expire: 7200 });
    expect(first.body.tenant_access_token).toMatch(/^t-/);
    expect(first.body).not.toHaveProperty('data');

    now += 3600_000;
    const again = await callEmulator(emu.baseUrl, 'POST', '/open-apis/auth/v3/tenant_access_token/internal', { body: { app_id: TEST_APP.appId, app_secret: TEST_APP.appSecret } });
    expect(again.body).toMatchObject({ tenant_access_token: first.body.tenant_access_token, expire: 3600 });

    now += 2000_000; // 1200 s left: under 30 min, so a new token comes back
    const renewed = await callEmulator(emu.baseUrl, 'POST', '/open-apis/auth/v3/tenant_access_token/internal', { body: { app_id: TEST_APP.appId, app_secret: TEST_APP.appSecret } });
    expect(renewed.body.tenant_access_token).not.toBe(first.body.tenant_access_token);
    expect(emu.app.emulator.tokensIssued()).toBe(2);
  });

  it('refuses a wrong secret or app id', async () => {
    emu = await startEmulator();
    const bad = await callEmulator(emu.baseUrl, 'POST', '/open-apis/auth/v3/tenant_access_token/internal', { body: { app_id: TEST_APP.appId, app_secret: 'nope' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 10014 } });
    const badId = await callEmulator(emu.baseUrl, 'POST', '/open-apis/auth/v3/tenant_access_token/internal', { body: { app_id: 'cli_x', app_secret: TEST_APP.appSecret } });
    expect(badId.body.code).toBe(10003);
  });
});

describe('API authentication', () => {
  it('answers 99991661 without a token and 99991663 for an unknown or expired one', async () => {
    let now = 1_000_000;
    emu = await startEmulator({ now: () => now, tokenTtlSeconds: 100 });
    expect(await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info')).toMatchObject({ status: 400, body: { code: 99991661 } });
    expect(await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token: 't-forged' })).toMatchObject({ status: 400, body: { code: 99991663 } });
    const token = await tenantToken(emu.baseUrl);
    expect(await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token })).toMatchObject({ status: 200, body: { code: 0 } });
    now += 100_000;
    expect(await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token })).toMatchObject({ status: 400, body: { code: 99991663 } });
  });

  it('invalidates every token on the expireTokens() fault', async () => {
    emu = await startEmulator();
    const token = await tenantToken(emu.baseUrl);
    emu.app.emulator.expireTokens();
    expect((await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token })).body.code).toBe(99991663);
    expect(await tenantToken(emu.baseUrl)).not.toBe(token);
  });

  it('serves bot info under `bot`, not `data`', async () => {
    emu = await startEmulator({ app: { ...TEST_APP, botName: '先锋', botOpenId: 'ou_bot_x' } });
    const res = await callEmulator(emu.baseUrl, 'GET', '/open-apis/bot/v3/info', { token: await tenantToken(emu.baseUrl) });
    expect(res.body).toEqual({ code: 0, msg: 'ok', bot: { activate_status: 2, app_name: '先锋', avatar_url: '', ip_white_list: [], open_id: 'ou_bot_x' } });
  });
});
