// Jobs a handler may start (work that must not run inside a handler's transaction, such as downloading
// a file from Feishu). Job ids derive from the inbound event's key, so a re-processed event adds none.
import { jobIdFor, QUEUES, ROSTER_UPLOAD_JOB_OPTIONS, rosterUploadJobSchema, type RosterUploadJob } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { requestCampaign, type CampaignJob } from '../pushes/push-jobs.js';

export interface BotJobs {
  /** Download and import a roster file an admin sent; the report is sent when the import is done. */
  rosterUpload(job: RosterUploadJob): Promise<void>;
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
    async pushCampaign(job) {
      await requestCampaign(need(), job);
    },
  };
}
