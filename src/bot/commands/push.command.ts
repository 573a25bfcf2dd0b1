// `推送 <kind> <period> [仅未记录]` (admin): runs a scheduled push now, as `npm run push` does.
import { pushAlreadyCard, pushQueuedCard } from '../cards/push-command-card.js';
import { t } from '../messages/index.js';
import { UserFacingError } from '../user-error.js';
import { checkPushPeriod, isPushKind } from '../../pushes/push-kinds.js';
import { requestPushAsPerson } from '../../pushes/push-requests.js';
import type { CommandDefinition } from './command.js';

const ONLY_WITHOUT_RECORD = ['仅未记录', '--only-without-record'];

export const pushCommand: CommandDefinition<'push'> = {
  name: 'push',
  aliases: ['推送', 'push'],
  run: async ({ actor, args, services }) => {
    const [kind, period, flag] = args;
    if (!kind || !period || !isPushKind(kind) || (flag !== undefined && !ONLY_WITHOUT_RECORD.includes(flag))) {
      throw new UserFacingError(t.pushes.command.usage);
    }
    const checked = checkPushPeriod(kind, period);
    if (!checked.ok) throw new UserFacingError(t.pushes.command.badPeriod(kind, t.pushes.command.expected[checked.expected] ?? ''));
    const outcome = await requestPushAsPerson(
      { db: services.db, enqueue: (job) => services.jobs.pushCampaign(job) },
      actor,
      { kind, period: checked.period, onlyWithoutVanguard: flag !== undefined },
    );
    if (outcome.state === 'queued') return { reply: pushQueuedCard(kind, checked.period) };
    const c = outcome.campaign;
    return { reply: pushAlreadyCard(kind, checked.period, { total: c.totalCount, sent: c.sentCount, failed: c.failedCount, skipped: c.skippedCount }) };
  },
};
