// The front door: someone opens the bot's one-to-one chat (im.chat.access_event.bot_p2p_chat_entered_v1).
// A member is welcomed once in their life (Feishu sends the event on every visit); a stranger is told whom
// to ask and an inactive member their status, every time, with nothing stored about them.
import { lookupActor } from './actor.js';
import type { BotInput, ReplyTarget } from './bot-input.js';
import { helpCard } from './cards/help-card.js';
import { inactiveCard, notInRosterCard, welcomeCard } from './cards/notice-cards.js';
import type { Card } from './cards/elements.js';
import { adminsExcept } from './people.js';
import { cardTo, type OutgoingMessage } from './reply.js';
import type { BotServices } from './services.js';
import { lockTopic, topicExists } from './topics.js';

/** Admins named on the stranger card: a few, enough to know whom to ask. */
const CONTACTS_SHOWN = 3;

/** The not-in-roster card naming the committee's admins; reads only, so nothing is stored about the stranger. */
export async function strangerCard(services: Pick<BotServices, 'db'>): Promise<Card> {
  const admins = await adminsExcept(services.db, 0);
  return notInRosterCard(admins.slice(0, CONTACTS_SHOWN).map((a) => a.name));
}

/** The welcome card's topic: its outbox row is the durable "already welcomed" mark (the outbox is never pruned). */
export const welcomeTopic = (memberId: number) => `welcome:${memberId}`;

export async function welcomeOnEntry(input: Extract<BotInput, { kind: 'p2p-entered' }>, services: BotServices): Promise<OutgoingMessage[]> {
  const found = await lookupActor(services.directory, input.openId);
  const target: ReplyTarget = { to: 'chat_id', id: input.chatId };
  if (found.kind === 'unknown') return [cardTo(target, await strangerCard(services))];
  if (found.kind === 'inactive') return [cardTo(target, inactiveCard())];
  const topic = welcomeTopic(found.actor.memberId);
  // Two entries handled at once (two devices) must not both welcome: the lock holds until the event commits.
  await lockTopic(services.db, topic);
  if (await topicExists(services.db, topic)) return [];
  return [cardTo(target, welcomeCard(found.actor.name), { topic }), cardTo(target, helpCard(found.actor))];
}
