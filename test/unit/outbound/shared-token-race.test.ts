// The refresh race between processes: a token stored (and the lock released) between our miss and
// our lock must be used, not fetched again.
import { CTenantAccessToken } from '@larksuiteoapi/node-sdk';
import { describe, expect, it } from 'vitest';
import { SharedTokenCache } from '../../../src/outbound/shared-token-cache.js';
import { InMemoryTenantTokenStore } from '../../../src/outbound/token-store.js';

describe('SharedTokenCache after a lost race', () => {
  it('uses the token another process stored between our miss and our lock', async () => {
    const store = new InMemoryTenantTokenStore();
    let gets = 0;
    const racing = Object.assign(Object.create(store) as InMemoryTenantTokenStore, {
      get: async (appId: string) => {
        gets += 1;
        const value = await store.get(appId);
        // Right after our first miss, the other process stores its token and unlocks.
        if (gets === 1) await store.set(appId, 't-theirs', Date.now() + 60_000);
        return value;
      },
    });
    const cache = new SharedTokenCache(racing);
    // Undefined would make the SDK fetch a second token.
    expect(await cache.get(CTenantAccessToken, { namespace: 'cli_a' })).toBe('t-theirs');
    // And the lock we briefly took is free again.
    expect(await store.tryLock('cli_a', 1000)).not.toBeNull();
  });
});
