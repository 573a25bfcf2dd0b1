// Stable idempotency keys for sends: Feishu delivers at most one message per `uuid` within an hour.
import { createHash } from 'node:crypto';

/** Feishu caps `uuid` at 50 characters. */
export const MAX_UUID_LENGTH = 50;

/**
 * Derives the send `uuid` from a business key (e.g. `monthly-reminder/2026-11/ou_…`), so a retried
 * job, a restarted worker or an ambiguous timeout re-sends under the same uuid and Feishu dedupes.
 * 48 hex characters of SHA-256: fixed length, only safe characters, no collisions in practice.
 */
export function messageUuid(businessKey: string): string {
  if (businessKey.length === 0) throw new Error('business key must not be empty');
  return createHash('sha256').update(businessKey, 'utf8').digest('hex').slice(0, 48);
}
