// The roster upload job: download the file an admin sent (message resource), import it with the same
// service as the CLI (`importRoster`, which checks again that the sender is an active admin), and send
// the report to the chat it came from. The report's business key derives from the event: sent once.
import { cardTo } from '../bot/reply.js';
import { rosterNoticeCard, rosterReportCard } from '../bot/cards/admin-cards.js';
import { t } from '../bot/messages/index.js';
import type { Db } from '../db/prisma.js';
import { isDomainError } from '../domain/errors.js';
import { importRoster } from '../domain/roster/roster-import-service.js';
import { rosterUploadJobSchema } from '../jobs/contracts.js';
import type { QueueBackend } from '../jobs/queue-backend.js';
import { FeishuApiError } from '../outbound/errors.js';
import type { FeishuClient } from '../outbound/feishu-client.js';
import { enqueueOutgoing } from './outbox.js';

export interface RosterUploadDeps {
  db: Db;
  queues: QueueBackend;
  feishu: Pick<FeishuClient, 'downloadResource' | 'batchGetId'>;
}

export type RosterUploadOutcome = 'reported' | 'refused' | 'download-failed';

export async function runRosterUpload(deps: RosterUploadDeps, data: unknown): Promise<RosterUploadOutcome> {
  const job = rosterUploadJobSchema.parse(data);
  const to = { to: 'chat_id' as const, id: job.chatId };
  const send = (card: ReturnType<typeof rosterReportCard>) => enqueueOutgoing(deps, [cardTo(to, card)], { businessKeyPrefix: `${job.key}:roster-report` });
  let bytes: Buffer;
  try {
    bytes = (await deps.feishu.downloadResource(job.messageId, job.fileKey, 'file')).data;
  } catch (err) {
    // Permanent (file gone, not the bot's): tell the admin; anything else is retried by BullMQ.
    if (err instanceof FeishuApiError && err.kind === 'permanent') {
      await send(rosterNoticeCard(t.admin.roster.failed));
      return 'download-failed';
    }
    throw err;
  }
  try {
    const report = await importRoster({ db: deps.db, feishu: deps.feishu, file: { name: job.fileName, bytes }, options: { actorMemberId: job.actorMemberId, source: 'chat' } });
    await send(rosterReportCard(report));
    return 'reported';
  } catch (err) {
    if (!isDomainError(err, 'ACTOR_NOT_ALLOWED')) throw err;
    await send(rosterNoticeCard(t.admin.roster.notAdmin));
    return 'refused';
  }
}
