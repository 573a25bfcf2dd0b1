// Posts and refreshes the pledge wall (亮诺) in each group bound to a branch: the first time as a new card
// (remembered in pledge_wall_posts), afterwards as patches of every copy sent under the wall's topic.
import { SYSTEM_ACTOR } from '../domain/access/actor.js';
import { isPledgePublic } from '../domain/pledges/pledge-status.js';
import { pledgeWallCard } from './cards/pledge-wall-card.js';
import { branchNameOf, namesOf } from './people.js';
import { cardTo, type OutgoingMessage } from './reply.js';
import type { BotServices } from './services.js';
import { lockTopic, patchTopic, topics } from './topics.js';

/** The wall card of a branch's year, built from the database as it stands (inside the caller's lock). */
export async function buildPledgeWall(services: BotServices, branchId: number, year: number) {
  const pledges = (await services.domain.pledges.listBranch(SYSTEM_ACTOR, branchId, year)).filter((p) => isPledgePublic(p.status));
  const names = await namesOf(services.db, pledges.map((p) => p.memberId));
  return pledgeWallCard({
    branchName: await branchNameOf(services.db, branchId),
    year,
    entries: pledges.map((p) => ({
      memberName: names.get(p.memberId) ?? '',
      content: p.content,
      target: p.target,
      dueOn: p.dueOn,
      percent: p.latestProgress?.percent ?? null,
      verdict: p.verdict,
    })),
  });
}

/**
 * The messages that bring every bound group of the branch up to date: a new wall card where the year's
 * wall was never posted, patches where it was. `onlyChatId` limits it to one group (just bound).
 */
export async function refreshPledgeWalls(services: BotServices, branchId: number, year: number, options: { onlyChatId?: string } = {}): Promise<OutgoingMessage[]> {
  const chats = (await services.domain.groups.activeChats(branchId)).filter((c) => !options.onlyChatId || c.chatId === options.onlyChatId);
  const out: OutgoingMessage[] = [];
  for (const { chatId } of chats) {
    const topic = topics.pledgeWall(branchId, year, chatId);
    await lockTopic(services.db, topic);
    const card = await buildPledgeWall(services, branchId, year);
    const where = { branchId_year_chatId: { branchId, year, chatId } };
    if (await services.db.pledgeWallPost.findUnique({ where })) {
      out.push(...(await patchTopic(services.db, topic, card)));
    } else {
      await services.db.pledgeWallPost.create({ data: { branchId, year, chatId, postedAt: services.now() } });
      out.push(cardTo({ to: 'chat_id', id: chatId }, card, { topic }));
    }
  }
  return out;
}
