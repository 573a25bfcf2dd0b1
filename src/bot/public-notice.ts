// Posting a branch's monthly 公示: claims the (branch, month) notice through the domain, then the card for
// the bound group under a business key of the notice, so the same month is posted once whoever asks
// (a secretary's command, an admin, the scheduled push). Exported for the scheduled pushes.
import type { ServiceActor } from '../domain/access/actor.js';
import type { PublicNoticeView } from '../domain/notices/public-notice-service.js';
import { publicNoticeCard, type NoticeFacts } from './cards/public-notice-cards.js';
import { formatInstant } from './format-time.js';
import { cardTo, type OutgoingMessage } from './reply.js';
import type { BotServices } from './services.js';

export function noticeFacts(services: Pick<BotServices, 'now' | 'timeZone'>, notice: PublicNoticeView): NoticeFacts {
  return {
    noticeId: notice.id,
    branchName: notice.branchName,
    periodKey: notice.periodKey,
    deadline: formatInstant(notice.objectionDeadline, services.timeZone),
    open: services.now() <= notice.objectionDeadline,
  };
}

export async function postPublicNotice(
  services: BotServices,
  actor: ServiceActor,
  input: { branchId: number; periodKey: string },
): Promise<{ notice: PublicNoticeView; created: boolean; messages: OutgoingMessage[] }> {
  const { notice, board, created } = await services.domain.publicNotices.post(actor, input);
  const post = { ...cardTo({ to: 'chat_id', id: notice.chatId }, publicNoticeCard(noticeFacts(services, notice), board)), businessKey: `public-notice:${notice.id}:post` };
  return { notice, created, messages: created ? [post] : [] };
}
