// Idempotency for the effects of card actions (and anything else that must happen once per
// business key): the effect runs inside a transaction that first claims the key, so a double
// click, two reviewers on one card, or a re-run gets the first result instead of a second effect.
import { transact, type DbClient } from '../domain/shared/db.js';
import type { Prisma } from '../generated/prisma/client.js';

export type OnceResult<T> = { first: true; result: T } | { first: false; result: T };

/**
 * Runs `effect(tx)` at most once for `businessKey` (e.g. `claim:12:review`). Write the effect's
 * rows with `tx`: they commit together with the claim, or not at all (then the next call runs
 * it again). A concurrent second call waits on the claim's unique key, then returns
 * `{first: false}` with the first call's result — answer it with an "already done" toast.
 */
export async function runOnce<T extends Prisma.InputJsonValue>(
  db: DbClient,
  businessKey: string,
  effect: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<OnceResult<T>> {
  const key = `once:${businessKey}`;
  // Joins the caller's transaction (card callbacks and inbound events run in one) or opens one.
  return transact(db, async (tx) => {
    const claimed = await tx.$executeRaw`
      INSERT INTO card_action_receipts (key, result) VALUES (${key}, 'null'::jsonb) ON CONFLICT (key) DO NOTHING`;
    if (claimed === 0) {
      const row = await tx.cardActionReceipt.findUniqueOrThrow({ where: { key } });
      return { first: false as const, result: row.result as T };
    }
    const result = await effect(tx);
    await tx.cardActionReceipt.update({ where: { key }, data: { result } });
    return { first: true as const, result };
  });
}
