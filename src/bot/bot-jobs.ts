// Jobs a handler may start (work that must not run inside a handler's transaction, such as downloading
// a file from Feishu). Job ids derive from the inbound event's key, so a re-processed event adds none.
import {
  BOT_FILE_JOB_OPTIONS, botFileJobSchema, EVIDENCE_PHOTO_JOB_OPTIONS, evidencePhotoJobSchema, jobIdFor, QUEUES, ROSTER_UPLOAD_JOB_OPTIONS, rosterUploadJobSchema,
  type BotFileJob, type EvidencePhotoJob, type RosterUploadJob,
} from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { requestCampaign, type CampaignJob } from '../pushes/push-jobs.js';

export interface BotJobs {
  /** Download and import a roster file an admin sent; the report is sent when the import is done. */
  rosterUpload(job: RosterUploadJob): Promise<void>;
  /** Make or read a file (evaluation template and upload, exports) or announce stars: src/pipeline/bot-files.ts. */
  botFile(job: BotFileJob): Promise<void>;
  /** Download a photo sent after a claim, hash it and attach it as the claim's evidence; the answer follows. */
  evidencePhoto(job: EvidencePhotoJob): Promise<void>;
  /** Run a scheduled push now (an admin's `推送`); one job per (kind, period). */
  pushCampaign(job: CampaignJob): Promise<void>;
}

export function createBotJobs(queues: QueueBackend | undefined): BotJobs {
  const need = (): QueueBackend => {
    if (!queues) throw new Error('no queues were given to the bot services');
    return queues;
  };
  return {
    async rosterUpload(job) {
      const data = rosterUploadJobSchema.parse(job);
      await need().queue<RosterUploadJob>(QUEUES.rosterUpload).add('import', data, { ...ROSTER_UPLOAD_JOB_OPTIONS, jobId: jobIdFor('roster', data.key) });
    },
    async botFile(job) {
      const data = botFileJobSchema.parse(job);
      await need().queue<BotFileJob>(QUEUES.botFiles).add(data.kind, data, { ...BOT_FILE_JOB_OPTIONS, jobId: jobIdFor('file', `${data.kind}:${data.key}`) });
    },
    async evidencePhoto(job) {
      const data = evidencePhotoJobSchema.parse(job);
      await need().queue<EvidencePhotoJob>(QUEUES.evidencePhoto).add('attach', data, { ...EVIDENCE_PHOTO_JOB_OPTIONS, jobId: jobIdFor('evidence', data.key) });
    },
    async pushCampaign(job) {
      await requestCampaign(need(), job);
    },
  };
}
