// The in-memory tenant token store honours the shared contract; the Redis one runs it in the integration project.
import { describe, expect, it } from 'vitest';
import { InMemoryTenantTokenStore } from '../../../src/outbound/token-store.js';
import { tenantTokenStoreContract } from '../../helpers/token-store-contract.js';

tenantTokenStoreContract('InMemoryTenantTokenStore', () => new InMemoryTenantTokenStore(Date.now));

describe('InMemoryTenantTokenStore lock expiry', () => {
  it('lets a new holder in once the lock TTL has passed (a crashed holder)', async () => {
    let now = 0;
    const store = new InMemoryTenantTokenStore(() => now);
    expect(await store.tryLock('a', 100)).not.toBeNull();
    expect(await store.tryLock('a', 100)).toBeNull();
    now = 101;
    expect(await store.tryLock('a', 100)).not.toBeNull();
  });
});
