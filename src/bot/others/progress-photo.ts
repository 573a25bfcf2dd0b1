// A photo a member sends right after recording pledge progress (践诺's optional photo) attaches to that
// progress note. Undefined when there is no recent note, so the claims' evidence handler can take it.
import { readSetting } from '../../domain/settings/settings-repository.js';
import { lookupActor } from '../actor.js';
import type { BotInput } from '../bot-input.js';
import { progressPhotoCard } from '../cards/pledge-cards.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import { claimIsNewerThanProgress } from './claim-photo.js';
import type { RouterDeps } from '../router.js';

export async function attachProgressPhoto(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[] | undefined> {
  if (input.kind !== 'image' || input.chatType !== 'p2p') return undefined;
  const found = await lookupActor(deps.services.directory, input.openId);
  if (found.kind !== 'member') return undefined;
  const withinMinutes = await readSetting(deps.services.db, 'evidence.attachWindowMinutes');
  // A claim submitted after the latest progress note takes the photo instead (its handler runs next).
  if (await claimIsNewerThanProgress(deps.services, found.actor.memberId, withinMinutes)) return undefined;
  const attached = await deps.services.domain.pledges.attachProgressPhoto(found.actor, { imageKey: input.imageKey, withinMinutes });
  return attached ? [cardTo({ to: 'message', messageId: input.messageId }, progressPhotoCard())] : undefined;
}
