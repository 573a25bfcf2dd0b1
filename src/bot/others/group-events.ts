// The bot added to a group (im.chat.member.bot.added_v1): a card in the group with the "bind to my
// branch" button for secretaries. Removed from it (bot.deleted_v1): the group is unbound, posts stop.
import type { BotInput } from '../bot-input.js';
import { groupAddedCard } from '../cards/admin-cards.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import type { RouterDeps } from '../router.js';

export async function onBotAdded(input: BotInput): Promise<OutgoingMessage[]> {
  if (input.kind !== 'bot-added') return [];
  return [cardTo({ to: 'chat_id', id: input.chatId }, groupAddedCard(input.chatName))];
}

export async function onBotRemoved(input: BotInput, deps: RouterDeps): Promise<OutgoingMessage[]> {
  if (input.kind !== 'bot-removed') return [];
  await deps.services.domain.groups.unbind(input.chatId);
  // The bot is no longer in the chat: there is nobody to answer.
  return [];
}
