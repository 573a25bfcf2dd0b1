// Answers a card click (card.action.trigger) inside Feishu's 3-second window: the action's toast
// and replacement card, with its follow-up messages recorded in the outbox and queued. Feishu
// never retries callbacks, but the same delivery can arrive twice: the answer is stored under
// the event's key (CardActionReceipt) and a repeat gets the stored answer, running nothing.
import type { ActionDefinition, ActionResult, CardActionInput } from '../bot/actions/action.js';
import type { ActionValue, Card } from '../bot/cards/elements.js';
import { handleCardAction } from '../bot/card-action-router.js';
import { createBotServices } from '../bot/services.js';
import type { Db } from '../db/prisma.js';
import type { CardAction } from '../feishu/events.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { enqueueLanes, itemsFor, laneKeys, writeOutbox, type LaneKeys } from './outbox.js';

export interface CardCallbackDeps {
  db: Db;
  queues: QueueBackend;
  actions: readonly ActionDefinition[];
  timeZone: string;
  now?: () => Date;
  onError?: (error: unknown, input: CardActionInput) => void;
  onWarning?: (message: string, err: unknown) => void;
}

/** Feishu's callback answer: `card.type: raw` with the full 2.0 card (2.0 must stay 2.0). */
export interface CardAnswer {
  toast?: NonNullable<ActionResult['toast']>;
  card?: { type: 'raw'; data: Card };
}

export async function answerCardAction(deps: CardCallbackDeps, action: CardAction): Promise<CardAnswer> {
  const key = action.dedupeKeys[0]!;
  const input = toCardActionInput(action, key);
  const { answer, alsoKeys } = await deps.db.$transaction(
    async (tx) => {
      // One runner per delivery across replicas; a concurrent duplicate waits, then finds the receipt.
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))::text AS locked`;
      const stored = await tx.cardActionReceipt.findUnique({ where: { key } });
      if (stored) return { answer: stored.result as CardAnswer, alsoKeys: {} as LaneKeys };
      const result = await handleCardAction(input, {
        actions: deps.actions,
        // The action's effects commit with its receipt and follow-ups: a repeat finds the receipt.
        services: createBotServices({ db: tx, timeZone: deps.timeZone, queues: deps.queues, ...(deps.now ? { now: deps.now } : {}) }),
        ...(deps.onError ? { onError: deps.onError } : {}),
      });
      const answer = toAnswer(result);
      const items = itemsFor(result.also ?? [], `${key}:also`);
      await tx.cardActionReceipt.create({ data: { key, result: answer as Prisma.InputJsonValue } });
      await writeOutbox(tx, items, 'interactive');
      return { answer, alsoKeys: laneKeys(items, 'interactive') };
    },
    { timeout: 10_000, maxWait: 2_000 },
  );
  try {
    await enqueueLanes(deps.queues, alsoKeys);
  } catch (err) {
    // The rows are committed: the maintenance relay queues them once the queue store is back.
    deps.onWarning?.('card follow-ups recorded but not queued', err);
  }
  return answer;
}

function toAnswer(result: ActionResult): CardAnswer {
  return {
    ...(result.toast ? { toast: result.toast } : {}),
    ...(result.card ? { card: { type: 'raw' as const, data: result.card } } : {}),
  };
}

function toCardActionInput(action: CardAction, key: string): CardActionInput {
  const v = action.action.value;
  // Our buttons always carry an object with `a`; anything else finds no action ("not found" toast).
  const value = (v && typeof v === 'object' && typeof v.a === 'string' ? v : { a: '' }) as ActionValue;
  return {
    key,
    openId: action.operator.openId,
    value,
    formValue: action.action.formValue,
    componentName: action.action.name,
    option: action.action.option,
    messageId: action.openMessageId,
    chatId: action.openChatId,
  };
}
