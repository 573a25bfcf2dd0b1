// A file sent to the bot: an admin's roster (CSV/XLSX) is imported by a job (the download is a Feishu
// call, never made inside a handler), and the report follows; anyone else's file is refused, unread.
import { lookupActor } from '../actor.js';
import type { BotInput } from '../bot-input.js';
import { rosterNoticeCard, rosterReceivedCard } from '../cards/admin-cards.js';
import { notInRosterCard } from '../cards/notice-cards.js';
import { t } from '../messages/index.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import type { RouterDeps } from '../router.js';

export async function onFile(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[]> {
  if (input.kind !== 'file') return [];
  const reply = { to: 'message' as const, messageId: input.messageId };
  const found = await lookupActor(deps.services.directory, input.openId);
  if (found.kind === 'unknown') return [cardTo(reply, notInRosterCard())];
  // The permission is checked again by importRoster in the job; refusing here writes and downloads nothing.
  if (found.kind === 'inactive' || found.actor.role !== 'ADMIN') return [cardTo(reply, rosterNoticeCard(t.admin.roster.notAdmin))];
  if (!/\.(csv|xlsx)$/i.test(input.fileName)) return [cardTo(reply, rosterNoticeCard(t.admin.roster.notRoster))];
  await deps.services.jobs.rosterUpload({
    key: input.key,
    messageId: input.messageId,
    fileKey: input.fileKey,
    fileName: input.fileName.slice(0, 300),
    actorMemberId: found.actor.memberId,
    chatId: input.chatId,
  });
  return [cardTo(reply, rosterReceivedCard(input.fileName))];
}
