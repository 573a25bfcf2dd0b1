// A person asking for a push by chat (`推送 <kind> <period>`): admins only, checked here in the
// domain layer so a forged card or a future endpoint meets the same rule. Answers what was
// already sent, or queues the campaign (the worker creates it and fans out).
import type { DbClient } from '../domain/shared/db.js';
import { assertAdmin, type ServiceActor } from '../domain/access/actor.js';
import type { PushCampaign } from '../generated/prisma/client.js';
import type { CampaignJob } from './push-jobs.js';
import { PUSH_KIND_ENUM, type PushKindName } from './push-kinds.js';

export type PushRequestOutcome = { state: 'already'; campaign: PushCampaign } | { state: 'queued' };

export async function requestPushAsPerson(
  deps: { db: DbClient; enqueue: (job: CampaignJob) => Promise<void> },
  actor: ServiceActor,
  request: { kind: PushKindName; period: string; onlyWithoutVanguard?: boolean },
): Promise<PushRequestOutcome> {
  const admin = assertAdmin(actor, 'run a push');
  const campaign = await deps.db.pushCampaign.findUnique({
    where: { kind_periodKey: { kind: PUSH_KIND_ENUM[request.kind], periodKey: request.period } },
  });
  if (campaign && campaign.status !== 'PENDING') return { state: 'already', campaign };
  await deps.enqueue({
    kind: request.kind,
    period: request.period,
    trigger: 'MANUAL',
    triggeredById: admin.memberId,
    ...(request.onlyWithoutVanguard ? { options: { onlyWithoutVanguard: true } } : {}),
  });
  return { state: 'queued' };
}
