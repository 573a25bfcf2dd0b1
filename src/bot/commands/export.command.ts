// `导出 [年份]` (secretary/admin): the year's Excel — ledger, rankings per period, annual evaluation, pledge
// register, volunteer hours and, for admins, the audit log — for the secretary's branch or, for an admin,
// every branch (`导出 2026 支部名` for one). Built and uploaded by the bot-files job, sent as a file.
import { assertManagesBranch, assertReadsCommittee } from '../../domain/access/actor.js';
import { evaluationNoticeCard } from '../cards/evaluation-cards.js';
import { currentYear } from '../evaluation-views.js';
import { t } from '../messages/index.js';
import { UserFacingError } from '../user-error.js';
import type { CommandDefinition } from './command.js';
import { branchIdByName, fileReceiver, yearAndRest } from './evaluation.command.js';

export const exportCommand: CommandDefinition<'export'> = {
  name: 'export',
  aliases: ['导出', '导出excel', 'export'],
  menuKeys: ['export'],
  run: async (context) => {
    const { actor, args, services } = context;
    if (actor.role === 'MEMBER') throw new UserFacingError(t.exports.notAllowed);
    const { year, rest } = yearAndRest(args, currentYear(services.now(), services.timeZone));
    const branchName = rest.join(' ');
    // A secretary naming another branch is refused below, not silently given their own.
    const branchId = branchName ? await branchIdByName(services, branchName) : actor.role === 'ADMIN' ? undefined : actor.branchId;
    // Checked here so a refusal is answered at once; the job checks again before reading anything.
    if (branchId === undefined) assertReadsCommittee(actor, 'export every branch');
    else assertManagesBranch(actor, branchId, 'export a branch');
    await services.jobs.botFile({ kind: 'export', key: context.input.key, actorMemberId: actor.memberId, receiver: fileReceiver(context), year, ...(branchId === undefined ? {} : { branchId }) });
    return { reply: evaluationNoticeCard(t.exports.title, t.exports.queued, 'green') };
  },
};
