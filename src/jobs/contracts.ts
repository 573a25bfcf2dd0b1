// The job contracts of the Feishu edge in one place, because jobs outlive deploys: queue names,
// zod payloads (workers parse job.data), the job-id scheme and the retry options.
import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

export const QUEUES = {
  /** One job per inbound event: turn it into replies (workers/processors/inbound.ts). */
  inbound: 'feishu-inbound',
  /** Sends for people talking to the bot: replies, card follow-ups, notices to secretaries. */
  outboundInteractive: 'feishu-outbound-interactive',
  /** Fan-out (campaigns): same sender, its own queue and workers, so it never delays replies. */
  outboundBulk: 'feishu-outbound-bulk',
  /** Scheduled housekeeping: dedupe retention, re-enqueue of stranded claims and outbox rows. */
  maintenance: 'maintenance',
  /** A roster file an admin sent in chat: download, import, report (workers/processors/roster-upload.ts). */
  rosterUpload: 'roster-upload',
  /** Files the bot makes or reads for the committee's year: evaluation template and upload, exports, star announcements. */
  botFiles: 'bot-files',
  /** A photo a member sent after a claim: download, hash, attach as evidence (src/pipeline/evidence-photo.ts). */
  evidencePhoto: 'evidence-photo',
} as const;

export type OutboundLaneName = 'interactive' | 'bulk';

export function outboundQueue(lane: OutboundLaneName): string {
  return lane === 'bulk' ? QUEUES.outboundBulk : QUEUES.outboundInteractive;
}

/** Only keys travel in jobs: payloads live in PostgreSQL, so no personal data or secret sits in Redis. */
export const inboundJobSchema = z.object({ key: z.string().min(1).max(300) });
export type InboundJob = z.infer<typeof inboundJobSchema>;

export const outboundJobSchema = z.object({ businessKey: z.string().min(1).max(500) });
export type OutboundJob = z.infer<typeof outboundJobSchema>;

/** Ids only (message, file, member): the file itself is downloaded by the worker, never stored in the queue. */
export const rosterUploadJobSchema = z.object({
  /** The inbound event's root key: the report's business key derives from it. */
  key: z.string().min(1).max(300),
  messageId: z.string().min(1).max(200),
  fileKey: z.string().min(1).max(300),
  fileName: z.string().max(300),
  actorMemberId: z.number().int().positive(),
  /** Where the report goes: the admin's p2p chat or the group the file was sent in. */
  chatId: z.string().min(1).max(200),
});
export type RosterUploadJob = z.infer<typeof rosterUploadJobSchema>;

export const ROSTER_UPLOAD_JOB_OPTIONS: JobsOptions = { attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } };

const fileJobBase = {
  /** The inbound event's root key: what the job sends derives its business key from it. */
  key: z.string().min(1).max(300),
  actorMemberId: z.number().int().positive(),
  /** Where the file or the report goes: the chat it was asked in, or the person (menu clicks). */
  receiver: z.object({ type: z.enum(['chat_id', 'open_id']), id: z.string().min(1).max(200) }),
};

/** Ids and numbers only, like every job: the workbook is built or downloaded by the worker. */
export const botFileJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('evaluation-template'), ...fileJobBase, year: z.number().int(), branchId: z.number().int().positive().optional() }),
  z.object({
    kind: z.literal('evaluation-upload'), ...fileJobBase,
    messageId: z.string().min(1).max(200), fileKey: z.string().min(1).max(300), fileName: z.string().max(300),
  }),
  z.object({ kind: z.literal('export'), ...fileJobBase, year: z.number().int(), branchId: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('stars-announce'), key: z.string().min(1).max(300), year: z.number().int(), memberIds: z.array(z.number().int().positive()).max(5000) }),
]);
export type BotFileJob = z.infer<typeof botFileJobSchema>;

export const BOT_FILE_JOB_OPTIONS: JobsOptions = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } };
/** Ids only: the photo is downloaded by the worker; the claim was chosen when the photo arrived. */
export const evidencePhotoJobSchema = z.object({
  /** The inbound event's root key: the answer's business key derives from it. */
  key: z.string().min(1).max(300),
  messageId: z.string().min(1).max(200),
  imageKey: z.string().min(1).max(300),
  claimId: z.number().int().positive(),
  memberId: z.number().int().positive(),
});
export type EvidencePhotoJob = z.infer<typeof evidencePhotoJobSchema>;

export const EVIDENCE_PHOTO_JOB_OPTIONS: JobsOptions = { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } };

export const maintenanceJobSchema = z.object({ task: z.literal('sweep') });
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

/**
 * Deterministic job ids from business keys: adding the same key twice keeps one job, which is
 * what makes re-enqueueing after a crash or a re-delivery safe. BullMQ forbids `:` in custom
 * ids and keys may be long, so the id is a kind prefix plus a SHA-256 prefix of the key.
 */
export function jobIdFor(kind: 'in' | 'out' | 'roster' | 'file' | 'evidence', key: string): string {
  return `${kind}-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}`;
}

// Finished jobs are kept a while for operators (and tests) to inspect; PostgreSQL holds the truth.
const keepFinished = { removeOnComplete: { age: 24 * 3600, count: 5000 }, removeOnFail: { age: 7 * 24 * 3600 } } as const;

export const INBOUND_JOB_OPTIONS: JobsOptions = { attempts: 10, backoff: { type: 'exponential', delay: 1000 }, ...keepFinished };

/**
 * Eight attempts with exponential backoff from 1 s end within about four minutes, well inside
 * Feishu's one-hour `uuid` window, so a retry after an ambiguous timeout cannot send twice.
 * Rate limits do not use attempts (the sender moves the job to delayed instead).
 */
export const OUTBOUND_JOB_OPTIONS: JobsOptions = { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, ...keepFinished };

export const MAINTENANCE_EVERY_MS = 10 * 60 * 1000;
