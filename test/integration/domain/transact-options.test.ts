// Regression: a top-level transaction after a nested one. Prisma 7 writes the outer transaction's id into
// the options object of a nested $transaction; with one shared options object, the next top-level
// transaction tried to start that committed transaction again and failed.
import { describe, expect, it } from 'vitest';
import { transact } from '../../../src/domain/shared/db.js';
import { useIsolated } from '../../helpers/isolated.js';

const env = useIsolated();

describe('transact', () => {
  it('starts a fresh top-level transaction after a nested one has committed', async () => {
    const nested = await env.db.$transaction(async (tx) => transact(tx, async (inner) => inner.auditLog.count()));
    expect(nested).toBe(await env.db.auditLog.count());
    await expect(transact(env.db, async (tx) => tx.auditLog.count())).resolves.toBe(nested);
  });
});
