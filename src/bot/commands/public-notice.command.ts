// `公示 [月份]` / `notice` (secretary for their branch, admin for theirs): posts the month's ranking to the
// branch group with the objection button; last month when no month is given. Posting twice posts once.
import { isDomainError } from '../../domain/errors.js';
import { formatPeriodKey, isPeriodKey, parsePeriodKey, previousPeriod } from '../../domain/periods/period-key.js';
import { periodOf } from '../../domain/periods/zoned-time.js';
import { card, markdown } from '../cards/elements.js';
import { t } from '../messages/index.js';
import { postPublicNotice } from '../public-notice.js';
import { UserFacingError } from '../user-error.js';
import type { CommandDefinition } from './command.js';

const n = t.publicNotice;

export const publicNoticeCommand: CommandDefinition<'public-notice'> = {
  name: 'public-notice',
  aliases: ['公示', '积分公示', '月度公示', 'notice'],
  menuKeys: ['public-notice'],
  run: async ({ actor, argText, services }) => {
    const arg = argText.trim();
    const thisMonth = periodOf(services.now(), 'month', services.timeZone);
    const periodKey = arg === '' || arg === '上月' ? formatPeriodKey(previousPeriod(thisMonth)) : arg === '本月' ? formatPeriodKey(thisMonth) : arg;
    if (!isPeriodKey(periodKey) || parsePeriodKey(periodKey).kind !== 'month') throw new UserFacingError(n.usage);
    const posted = await postPublicNotice(services, actor, { branchId: actor.branchId, periodKey }).catch((err: unknown) => {
      if (isDomainError(err, 'NOT_FOUND') && err.details.reason === 'no-group') throw new UserFacingError(n.noGroup);
      throw err;
    });
    const text = posted.created ? n.posted(posted.notice.branchName, periodKey) : n.alreadyPosted(periodKey);
    return { reply: card({ title: n.title(posted.notice.branchName, periodKey), color: posted.created ? 'green' : 'grey', elements: [markdown(text)] }), also: posted.messages };
  },
};
