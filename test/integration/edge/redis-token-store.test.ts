// The Redis tenant token store against the real Redis, under this file's own key prefix.
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { RedisTenantTokenStore } from '../../../src/outbound/redis-token-store.js';
import { useIsolated } from '../../helpers/isolated.js';
import { tenantTokenStoreContract } from '../../helpers/token-store-contract.js';

const env = useIsolated();
let redis: Redis;

beforeAll(() => {
  redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
});
afterAll(() => redis?.disconnect());

tenantTokenStoreContract('RedisTenantTokenStore', () => new RedisTenantTokenStore(redis, `${env.redisPrefix}:token:`, Date.now));
