// Scores and branch lists are personal data (product.md §9): asked for in a group chat, the card goes to
// the asker's one-to-one chat and the group only reads that it was sent.
import { card, markdown, md, type Card } from './cards/elements.js';
import type { CommandContext, CommandResult } from './commands/command.js';
import { t } from './messages/index.js';
import { cardTo } from './reply.js';

export function replyPrivately(context: Pick<CommandContext, 'actor' | 'input'>, answer: Card): CommandResult {
  const { input, actor } = context;
  if (input.kind !== 'text' || input.chatType !== 'group') return { reply: answer };
  const p = t.points.privately;
  return {
    reply: card({ title: p.title, color: 'grey', elements: [markdown(md.user(p.body(actor.name)))] }),
    also: [cardTo({ to: 'open_id', id: actor.openId }, answer)],
  };
}
