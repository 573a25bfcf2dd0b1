// The evidence photo job: download the photo a member sent after a claim (message resource), hash it, and
// attach it to the claim chosen when it arrived (the domain flags the same picture on another claim). In
// one transaction: the evidence row (with the bot's own upload of the photo, which cards can show), the member's answer and the patches that put the photo count and any
// duplicate flag on every reviewer's copy. Business keys derive from the event, so a retry sends nothing new.
import { createHash } from 'node:crypto';
import { claimPhotoCard, noticeCard } from '../bot/cards/claim-cards.js';
import { refreshReviewCopies } from '../bot/claim-review-flow.js';
import { claimFacts } from '../bot/claim-views.js';
import { t } from '../bot/messages/index.js';
import { cardTo, type OutgoingMessage } from '../bot/reply.js';
import { createBotServices } from '../bot/services.js';
import type { Db } from '../db/prisma.js';
import { isDomainError } from '../domain/errors.js';
import { evidencePhotoJobSchema } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { FeishuApiError } from '../outbound/errors.js';
import type { FeishuClient } from '../outbound/feishu-client.js';
import { enqueueSends, itemsFor, writeOutbox } from './outbox.js';

export interface EvidencePhotoDeps {
  db: Db;
  queues: QueueBackend;
  feishu: Pick<FeishuClient, 'downloadResource' | 'uploadImage'>;
  timeZone: string;
  now?: () => Date;
}

export type EvidencePhotoOutcome = 'attached' | 'duplicate' | 'closed' | 'download-failed';

export async function runEvidencePhoto(deps: EvidencePhotoDeps, data: unknown): Promise<EvidencePhotoOutcome> {
  const job = evidencePhotoJobSchema.parse(data);
  const reply = { to: 'message' as const, messageId: job.messageId };
  const prefix = `${job.key}:evidence`;
  const send = async (messages: OutgoingMessage[], write: (items: ReturnType<typeof itemsFor>) => Promise<void>) => {
    const items = itemsFor(messages, prefix);
    await write(items);
    return items.map((i) => i.businessKey);
  };
  let bytes: Buffer;
  try {
    bytes = (await deps.feishu.downloadResource(job.messageId, job.imageKey, 'image')).data;
  } catch (err) {
    // Permanent (photo gone, not the bot's): tell the member; anything else is retried by BullMQ.
    if (!(err instanceof FeishuApiError && err.kind === 'permanent')) throw err;
    const keys = await send([cardTo(reply, noticeCard(t.claims.photo.noClaimTitle, t.claims.photo.failed))], (items) => writeOutbox(deps.db, items));
    await enqueueSends(deps.queues, keys);
    return 'download-failed';
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  const displayKey = await uploadForCards(deps, bytes);
  const { outcome, keys } = await deps.db.$transaction(async (tx) => {
    const services = createBotServices({ db: tx, timeZone: deps.timeZone, ...(deps.now ? { now: deps.now } : {}) });
    const member = await tx.member.findUniqueOrThrow({ where: { id: job.memberId }, select: { id: true, role: true, branchId: true } });
    const actor = { memberId: member.id, role: member.role, branchId: member.branchId };
    try {
      const attached = await services.domain.evidence.attach(actor, { claimId: job.claimId, imageKey: job.imageKey, contentHash, messageId: job.messageId });
      // A retry uploads again; the first key stored stays (compare-and-set on null).
      if (displayKey) await tx.claimEvidence.updateMany({ where: { id: attached.id, displayKey: null }, data: { displayKey } });
      const claim = await services.domain.claims.get(actor, job.claimId);
      const answer = cardTo(reply, claimPhotoCard(await claimFacts(services, claim), attached.duplicateOf !== undefined));
      const messages = [answer, ...(await refreshReviewCopies(services, claim.id))];
      const written = await send(messages, (items) => writeOutbox(tx, items));
      return { outcome: attached.duplicateOf ? ('duplicate' as const) : ('attached' as const), keys: written };
    } catch (error) {
      // Reviewed or withdrawn between the photo and the job: evidence no longer attaches.
      if (!isDomainError(error, 'INVALID_TRANSITION')) throw error;
      const written = await send([cardTo(reply, noticeCard(t.claims.photo.noClaimTitle, t.claims.photo.closed))], (items) => writeOutbox(tx, items));
      return { outcome: 'closed' as const, keys: written };
    }
  });
  await enqueueSends(deps.queues, keys);
  return outcome;
}

/** The photo uploaded as the bot's own image, so cards may show it; a photo Feishu refuses is shown as a count only. */
async function uploadForCards(deps: EvidencePhotoDeps, bytes: Buffer): Promise<string | undefined> {
  try {
    return await deps.feishu.uploadImage({ image: bytes });
  } catch (err) {
    if (err instanceof FeishuApiError && err.kind === 'permanent') return undefined;
    throw err;
  }
}
