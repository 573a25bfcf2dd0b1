// The PostgreSQL tenant token store (sites without Redis): the same contract as the Redis one,
// and two clients that share it fetch one token between them, also after Feishu revokes it.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FeishuClient } from '../../../src/outbound/feishu-client.js';
import { PostgresTenantTokenStore } from '../../../src/outbound/postgres-token-store.js';
import { seedUsers, startEmulator, TEST_APP, type RunningEmulator } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { tenantTokenStoreContract } from '../../helpers/token-store-contract.js';

const env = useIsolated();
const store = () => new PostgresTenantTokenStore(env.db, 'test:');

tenantTokenStoreContract('PostgresTenantTokenStore', store);

describe('PostgresTenantTokenStore beyond the contract', () => {
  it('never serves a token its clock has seen expire', async () => {
    const app = `cli_${randomUUID()}`;
    await store().set(app, 't-1', Date.now() + 60_000);
    // Seen from a clock a minute later, the token has expired.
    const later = new PostgresTenantTokenStore(env.db, 'test:', () => Date.now() + 61_000);
    expect(await later.get(app)).toBeNull();
  });

  it('gives the refresh lock to one of many concurrent callers, frees it on release, and after its lease', async () => {
    const s = store();
    const app = `cli_${randomUUID()}`;
    const locks = await Promise.all(Array.from({ length: 10 }, () => s.tryLock(app, 10_000)));
    expect(locks.filter(Boolean)).toHaveLength(1);
    await locks.find(Boolean)!.release();
    const held = await s.tryLock(app, 10_000);
    expect(held).not.toBeNull();
    // A holder that died keeps the lock only for its lease (here ended by hand).
    expect(await s.tryLock(app, 10_000)).toBeNull();
    await env.db.$executeRaw`UPDATE key_value_cache SET expires_at = now() - interval '1 second' WHERE key = ${`test:feishu:tenant-token-lock:${app}`}`;
    const next = await s.tryLock(app, 10_000);
    expect(next).not.toBeNull();
    // The old holder's release no longer removes the new holder's lock.
    await held!.release();
    expect(await s.tryLock(app, 10_000)).toBeNull();
    await next!.release();
  });
});

describe('two clients sharing the PostgreSQL store', () => {
  let emu: RunningEmulator;
  afterEach(async () => emu?.close());

  it('fetch one token between them, and one new token after Feishu revokes it', async () => {
    const people = seedUsers(20, 'pgtok');
    emu = await startEmulator({ users: people });
    const shared = new PostgresTenantTokenStore(env.db, `${randomUUID()}:`);
    const a = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, tokenStore: shared });
    const b = new FeishuClient({ ...TEST_APP, domain: emu.baseUrl, tokenStore: shared });
    await Promise.all([a.botInfo(), b.botInfo(), a.botInfo(), b.botInfo()]);
    expect(emu.app.emulator.calls('auth.tenant_token')).toHaveLength(1);

    emu.app.emulator.expireTokens();
    await Promise.all(
      people.map((p, i) =>
        (i % 2 ? a : b).send({ receiveIdType: 'open_id', receiveId: p.openId, msgType: 'text', content: { text: 'x' }, uuid: `pg-${i}` }),
      ),
    );
    expect(emu.app.emulator.calls('auth.tenant_token')).toHaveLength(2);
    expect(emu.app.emulator.messages()).toHaveLength(20);
  });
});
