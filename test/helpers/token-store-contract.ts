// The contract every tenant token store honours — expiry, compare-and-delete, an exclusive refresh lock —
// written once and run against each store (in memory in the unit project, Redis in the integration one).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TenantTokenStore } from '../../src/outbound/token-store.js';

export function tenantTokenStoreContract(name: string, make: () => TenantTokenStore): void {
  describe(name, () => {
    it('returns a stored token until it expires', async () => {
      const store = make();
      const app = `cli_${randomUUID()}`;
      expect(await store.get(app)).toBeNull();
      await store.set(app, 't-1', Date.now() + 60_000);
      expect(await store.get(app)).toBe('t-1');
      await store.set(app, 't-2', Date.now() - 1);
      // An already-expired token is never served (Redis skips the write, memory drops it on read).
      expect(await store.get(app)).not.toBe('t-2');
    });

    it('invalidates only the token it was told about', async () => {
      const store = make();
      const app = `cli_${randomUUID()}`;
      await store.set(app, 't-new', Date.now() + 60_000);
      await store.invalidate(app, 't-old');
      expect(await store.get(app)).toBe('t-new');
      await store.invalidate(app, 't-new');
      expect(await store.get(app)).toBeNull();
    });

    it('gives the refresh lock to one holder at a time, and frees it on release', async () => {
      const store = make();
      const app = `cli_${randomUUID()}`;
      const locks = await Promise.all(Array.from({ length: 10 }, () => store.tryLock(app, 10_000)));
      expect(locks.filter(Boolean)).toHaveLength(1);
      await locks.find(Boolean)!.release();
      const again = await store.tryLock(app, 10_000);
      expect(again).not.toBeNull();
      await again!.release();
    });
  });
}
