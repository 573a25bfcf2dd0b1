// The one place that sends an outbox row to Feishu: shared budget → FeishuClient with the row's
// uuid → the result recorded on the row. Rate limits (ours or Feishu's 429/230020) put the job
// back without using an attempt; permanent errors fail it for good; anything else is retried by
// BullMQ with backoff under the same uuid, so an ambiguous timeout cannot send twice.
import { setTimeout as delay } from 'node:timers/promises';
import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Db } from '../db/prisma.js';
import type { OutboundMessage } from '../generated/prisma/client.js';
import { outboundJobSchema, type OutboundLaneName } from '../jobs/contracts.js';
import type { Logger } from '../logger.js';
import type { MessageContent, MsgType, ReceiveIdType, SentMessage } from '../outbound/client-types.js';
import { classifyError, type FeishuApiError } from '../outbound/errors.js';
import type { FeishuClient } from '../outbound/feishu-client.js';
import { retryDecision } from '../outbound/retry.js';
import { countFeishuRateLimit } from './rate-limit-events.js';
import type { SendBudget, SendRequest } from './send-budget.js';

export interface SenderDeps {
  db: Db;
  feishu: Pick<FeishuClient, 'send' | 'reply' | 'patchCard' | 'updateCardDelayed'>;
  budget: SendBudget;
  logger?: Pick<Logger, 'warn' | 'debug'>;
  /** Waits for budget in-process up to this long (one per-second window); longer waits put the job back. */
  maxInlineWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** What the sender needs of a BullMQ job (kept narrow so it is testable without a queue). */
export interface SendJob {
  data: unknown;
  attemptsMade: number;
  opts: { attempts?: number };
  moveToDelayed(timestamp: number, token?: string): Promise<void>;
}

export type SendOutcome = 'sent' | 'already-sent' | 'already-failed' | 'missing' | 'superseded';

const MAX_INLINE_WAITS = 3;

export async function sendOutboundJob(deps: SenderDeps, job: SendJob, token: string | undefined, lane: OutboundLaneName): Promise<SendOutcome> {
  const { businessKey } = outboundJobSchema.parse(job.data);
  const row = await deps.db.outboundMessage.findUnique({ where: { businessKey } });
  if (!row) {
    deps.logger?.warn({ businessKey }, 'outbound job without an outbox row');
    return 'missing';
  }
  // A job re-run after the send was recorded (re-added, or a crash after the update) sends nothing.
  if (row.status === 'SENT') return 'already-sent';
  if (row.status === 'FAILED') return 'already-failed';
  if (await isSupersededPatch(deps.db, row)) {
    await deps.db.outboundMessage.update({ where: { id: row.id }, data: { status: 'SENT', lastError: 'superseded by a newer patch' } });
    return 'superseded';
  }

  await takeBudget(deps, job, token, budgetRequest(row, lane));
  try {
    const sent = await callFeishu(deps.feishu, row);
    await deps.db.outboundMessage.update({
      where: { id: row.id },
      data: { status: 'SENT', messageId: sent?.messageId ?? null, sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
    if (row.topic && sent?.messageId) await patchIfRewritten(deps, row, sent.messageId);
    return 'sent';
  } catch (raw) {
    return handleFailure(deps, job, token, row, classifyError(apiOf(row), raw));
  }
}

async function takeBudget(deps: SenderDeps, job: SendJob, token: string | undefined, request: SendRequest): Promise<void> {
  const maxInline = deps.maxInlineWaitMs ?? 1100;
  const sleep = deps.sleep ?? ((ms: number) => delay(ms));
  for (let waits = 0; ; waits++) {
    const decision = await deps.budget.take(request);
    if (decision.ok) return;
    if (decision.waitMs > maxInline || waits >= MAX_INLINE_WAITS) await postpone(job, token, decision.waitMs);
    await sleep(decision.waitMs);
  }
}

/** Back to the delayed set without using an attempt (BullMQ's manual-delay pattern). */
async function postpone(job: SendJob, token: string | undefined, waitMs: number): Promise<never> {
  await job.moveToDelayed(Date.now() + waitMs, token);
  throw new DelayedError();
}

async function handleFailure(deps: SenderDeps, job: SendJob, token: string | undefined, row: OutboundMessage, error: FeishuApiError): Promise<never> {
  const lastError = error.message.slice(0, 500);
  const decision = retryDecision(error, job.attemptsMade + 1);
  if (decision.retry && !decision.consumesAttempt) {
    deps.logger?.debug({ businessKey: row.businessKey, code: error.details.code }, 'Feishu rate limit: send put back');
    // Counted for /metrics; a lost count must never cost the send.
    await countFeishuRateLimit(deps.db).catch(() => undefined);
    return postpone(job, token, decision.delayMs);
  }
  const final = !decision.retry || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  await deps.db.outboundMessage.update({
    where: { id: row.id },
    data: { attempts: { increment: 1 }, lastError, ...(final ? { status: 'FAILED' as const } : {}) },
  });
  deps.logger?.warn({ businessKey: row.businessKey, kind: error.kind, code: error.details.code, final }, 'send failed');
  if (!decision.retry) throw new UnrecoverableError(lastError);
  throw error;
}

/** Two patches of one card may run out of order: an older one never overwrites a newer one. */
async function isSupersededPatch(db: Db, row: OutboundMessage): Promise<boolean> {
  if (row.operation !== 'PATCH') return false;
  return (await db.outboundMessage.count({ where: { operation: 'PATCH', targetMessageId: row.targetMessageId, id: { gt: row.id } } })) > 0;
}

/**
 * A topic card's content may be rewritten while it is being sent (src/bot/topics.ts updates pending
 * copies); the rewrite then missed this send, so the sent card is patched to the current content.
 */
async function patchIfRewritten(deps: SenderDeps, row: OutboundMessage, messageId: string): Promise<void> {
  const current = await deps.db.outboundMessage.findUnique({ where: { id: row.id }, select: { content: true } });
  if (!current || JSON.stringify(current.content) === JSON.stringify(row.content)) return;
  try {
    await deps.feishu.patchCard(messageId, current.content as Record<string, unknown>);
  } catch (err) {
    deps.logger?.warn({ businessKey: row.businessKey, err }, 'rewritten topic card sent but not patched');
  }
}

function apiOf(row: OutboundMessage): string {
  return { SEND: 'im.message.create', REPLY: 'im.message.reply', PATCH: 'im.message.patch', CARD_UPDATE: 'card.delayed_update' }[row.operation];
}

function budgetRequest(row: OutboundMessage, lane: OutboundLaneName): SendRequest {
  // PATCH is limited per card message; sends and replies per receiving user or chat.
  const receiver =
    row.operation === 'PATCH' ? `message:${row.targetMessageId}` : row.receiveId ? `${row.receiveIdType}:${row.receiveId}` : undefined;
  return { api: apiOf(row), receiver, lane };
}

async function callFeishu(feishu: SenderDeps['feishu'], row: OutboundMessage): Promise<SentMessage | undefined> {
  const content = row.content as MessageContent;
  const msgType = row.msgType as MsgType;
  switch (row.operation) {
    case 'SEND':
      return feishu.send({ receiveIdType: row.receiveIdType as ReceiveIdType, receiveId: row.receiveId!, msgType, content, uuid: row.uuid });
    case 'REPLY':
      return feishu.reply({ messageId: row.targetMessageId!, msgType, content, uuid: row.uuid });
    case 'PATCH':
      await feishu.patchCard(row.targetMessageId!, content as Record<string, unknown>);
      return undefined;
    case 'CARD_UPDATE':
      await feishu.updateCardDelayed(row.cardToken!, content as Record<string, unknown>);
      return undefined;
  }
}
