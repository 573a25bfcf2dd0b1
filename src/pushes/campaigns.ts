// Campaigns: one row per (kind, period), one delivery per (campaign, member), each delivery an
// outbox row on the bulk lane whose business key — and so Feishu `uuid` and sender job id —
// derives from the delivery. Every step is an upsert or a skip-duplicates insert, so a fan-out
// cut short by a crash is simply run again, and a second run for a period sends nothing new.
import type { Db } from '../db/prisma.js';
import type { PushCampaign } from '../generated/prisma/client.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { messageUuid } from '../outbound/message-uuid.js';
import { enqueueSends, writeOutbox, type OutboundItem } from '../pipeline/outbox.js';
import { audienceFor, type AudienceContext, type CampaignOptions } from './audiences/index.js';
import { PUSH_KIND_ENUM, type PushKindName } from './push-kinds.js';

export interface CampaignRequest {
  kind: PushKindName;
  period: string;
  trigger: 'SCHEDULE' | 'MANUAL';
  triggeredById?: number | undefined;
  options?: CampaignOptions | undefined;
}

export interface PushDeps {
  db: Db;
  queues: QueueBackend;
  timeZone: string;
  now?: () => Date;
}

export interface CampaignProgress {
  total: number;
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
}

const CHUNK = 500;

/** The business key of one recipient's message: the delivery's identity everywhere. */
export function deliveryKey(kind: PushKindName, period: string, memberId: number): string {
  return `push:${kind}:${period}:member:${memberId}`;
}

/** Finds or creates the campaign of (kind, period); the unique key makes concurrent opens meet. */
export async function openCampaign(db: Db, request: CampaignRequest): Promise<{ campaign: PushCampaign; created: boolean }> {
  const kind = PUSH_KIND_ENUM[request.kind];
  const inserted = await db.pushCampaign.createMany({
    data: [
      {
        kind,
        periodKey: request.period,
        trigger: request.trigger,
        triggeredById: request.triggeredById ?? null,
        ...(request.options ? { options: { ...request.options } } : {}),
      },
    ],
    skipDuplicates: true,
  });
  const campaign = await db.pushCampaign.findUniqueOrThrow({ where: { kind_periodKey: { kind, periodKey: request.period } } });
  return { campaign, created: inserted.count === 1 };
}

export function findCampaign(db: Db, kind: PushKindName, period: string): Promise<PushCampaign | null> {
  return db.pushCampaign.findUnique({ where: { kind_periodKey: { kind: PUSH_KIND_ENUM[kind], periodKey: period } } });
}

/**
 * Writes every recipient's delivery and outbox row (chunk by chunk, each chunk one transaction),
 * marks the campaign RUNNING and queues the sends still pending. Safe to run again at any point.
 */
export async function fanOut(deps: PushDeps, kind: PushKindName, campaign: PushCampaign): Promise<CampaignProgress> {
  const { db } = deps;
  const context: AudienceContext = {
    db,
    period: campaign.periodKey,
    timeZone: deps.timeZone,
    now: (deps.now ?? (() => new Date()))(),
    options: (campaign.options ?? {}) as CampaignOptions,
  };
  const recipients = await audienceFor(kind)(context);
  for (let i = 0; i < recipients.length; i += CHUNK) {
    const chunk = recipients.slice(i, i + CHUNK);
    await db.$transaction(async (tx) => {
      await tx.pushDelivery.createMany({
        data: chunk.map((r) => ({
          campaignId: campaign.id,
          memberId: r.memberId,
          uuid: messageUuid(deliveryKey(kind, campaign.periodKey, r.memberId)),
          ...(r.message ? {} : { status: 'SKIPPED' as const, skipReason: r.skipReason ?? 'skipped' }),
        })),
        skipDuplicates: true,
      });
      const items: OutboundItem[] = chunk.flatMap((r) => (r.message ? [{ businessKey: deliveryKey(kind, campaign.periodKey, r.memberId), message: r.message }] : []));
      await writeOutbox(tx, items, 'bulk');
    });
  }
  await db.pushCampaign.updateMany({
    where: { id: campaign.id, status: 'PENDING' },
    data: { status: 'RUNNING', startedAt: new Date() },
  });
  await enqueuePending(deps, kind, campaign);
  return syncProgress(db, campaign.id);
}

/** Queues a send for every delivery still pending (job ids from the keys: re-adding adds nothing). */
export async function enqueuePending(deps: Pick<PushDeps, 'db' | 'queues'>, kind: PushKindName, campaign: PushCampaign): Promise<number> {
  const pending = await deps.db.pushDelivery.findMany({
    where: { campaignId: campaign.id, status: 'PENDING', memberId: { not: null } },
    select: { memberId: true },
    orderBy: { id: 'asc' },
  });
  await enqueueSends(
    deps.queues,
    pending.map((d) => deliveryKey(kind, campaign.periodKey, d.memberId!)),
    'bulk',
  );
  return pending.length;
}

/** Copies the sender's results onto the deliveries (joined by uuid) and the counts onto the campaign. */
export async function syncProgress(db: Db, campaignId: number): Promise<CampaignProgress> {
  await db.$executeRaw`
    UPDATE push_deliveries d
       SET status = (CASE o.status WHEN 'SENT' THEN 'SENT' ELSE 'FAILED' END)::delivery_status,
           message_id = o.message_id, sent_at = o.sent_at, attempts = o.attempts, last_error = o.last_error, updated_at = now()
      FROM outbound_messages o
     WHERE d.campaign_id = ${campaignId} AND d.status = 'PENDING' AND o.uuid = d.uuid AND o.status <> 'PENDING'`;
  const groups = await db.pushDelivery.groupBy({ by: ['status'], where: { campaignId }, _count: { _all: true } });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  const progress: CampaignProgress = {
    total: groups.reduce((sum, g) => sum + g._count._all, 0),
    pending: count('PENDING'),
    sent: count('SENT'),
    failed: count('FAILED'),
    skipped: count('SKIPPED'),
  };
  await db.pushCampaign.update({
    where: { id: campaignId },
    data: { totalCount: progress.total, sentCount: progress.sent, failedCount: progress.failed, skippedCount: progress.skipped },
  });
  if (progress.pending === 0) {
    await db.pushCampaign.updateMany({ where: { id: campaignId, status: 'RUNNING' }, data: { status: 'COMPLETED', finishedAt: new Date() } });
  }
  return progress;
}
