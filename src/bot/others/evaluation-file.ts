// A filled-in evaluation template sent back in chat: recognised by its name (the template's is
// “<year>年度评议表-…”) or, from a secretary — who never sends rosters — any workbook; the job then checks
// the content (sheet and headers) and reports a wrong template. Anything else goes on to the roster handler.
import { lookupActor } from '../actor.js';
import type { BotInput } from '../bot-input.js';
import { evaluationNoticeCard } from '../cards/evaluation-cards.js';
import { t } from '../messages/index.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import type { RouterDeps } from '../router.js';

const EVALUATION_NAME = /评议|evaluation/i;

export async function onEvaluationFile(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[] | undefined> {
  if (input.kind !== 'file' || !/\.xlsx$/i.test(input.fileName)) return undefined;
  const found = await lookupActor(deps.services.directory, input.openId);
  if (found.kind !== 'member') return undefined;
  const { actor } = found;
  const ours = actor.role === 'SECRETARY' || (actor.role === 'ADMIN' && EVALUATION_NAME.test(input.fileName));
  if (!ours) return undefined;
  await deps.services.jobs.botFile({
    kind: 'evaluation-upload', key: input.key, actorMemberId: actor.memberId,
    // The report names members and scores: it goes to the uploader privately, even from a group.
    receiver: { type: 'open_id', id: actor.openId },
    messageId: input.messageId, fileKey: input.fileKey, fileName: input.fileName.slice(0, 300),
  });
  return [cardTo({ to: 'message', messageId: input.messageId }, evaluationNoticeCard(t.evaluation.uploadTitle, t.evaluation.uploadQueued(input.fileName), 'green'))];
}
