// Cards that stand for something that changes — a pledge under review, a branch's pledge wall — are sent
// under a topic (`OutgoingMessage.topic`). When the thing changes, every copy already sent is patched and
// copies still waiting in the outbox are rewritten before they go out, so nobody acts on a stale card.
import type { Prisma } from '../generated/prisma/client.js';
import type { DbClient } from '../domain/shared/db.js';
import type { Card } from './cards/elements.js';
import { cardTo, type OutgoingMessage } from './reply.js';

export const topics = {
  pledgeReview: (pledgeId: number) => `pledge:${pledgeId}:review`,
  pledgeWall: (branchId: number, year: number, chatId: string) => `pledge-wall:${branchId}:${year}:${chatId}`,
  vetoDecision: (vetoId: number) => `veto:${vetoId}:decision`,
  objection: (objectionId: number) => `objection:${objectionId}:resolve`,
} as const;

/**
 * Serialises changes to one topic inside the caller's transaction (handlers run in one), so two
 * approvals on one wall read each other's committed state and the later patch carries both.
 */
export async function lockTopic(db: DbClient, topic: string): Promise<void> {
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${topic}, 0))::text AS locked`;
}

/** Whether anything was ever sent (or queued) under the topic. */
export async function topicExists(db: DbClient, topic: string): Promise<boolean> {
  return (await db.outboundMessage.count({ where: { topic, operation: { in: ['SEND', 'REPLY'] } } })) > 0;
}

/**
 * The patches that bring every sent copy of the topic to `card` (except `exceptMessageId`: the card a
 * callback answers synchronously — patching it during the callback fails with 11310).
 */
export async function patchTopic(db: DbClient, topic: string, card: Card, options: { exceptMessageId?: string } = {}): Promise<OutgoingMessage[]> {
  const copies = { topic, operation: { in: ['SEND' as const, 'REPLY' as const] } };
  await db.outboundMessage.updateMany({ where: { ...copies, status: 'PENDING' }, data: { content: card as unknown as Prisma.InputJsonValue } });
  const sent = await db.outboundMessage.findMany({ where: { ...copies, status: 'SENT', messageId: { not: null } }, select: { messageId: true }, orderBy: { id: 'asc' } });
  return sent
    .map((row) => row.messageId!)
    .filter((messageId) => messageId !== options.exceptMessageId)
    .map((messageId) => cardTo({ to: 'patch', messageId }, card));
}
