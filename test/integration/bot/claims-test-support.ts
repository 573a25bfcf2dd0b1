// Shared by the claims end-to-end tests: record an article claim through the form (the role select left empty:
// the activity names it), find a reviewer's current copy of a claim's review card, withdraw a claim.
import { expect } from 'vitest';
import type { BotHarness, Person, Seen } from '../../helpers/bot-harness.js';
import { todayShanghai } from './bot-test-support.js';

export const articleForm = (description: string, quantity = '1') => ({ activity: 'V1-ARTICLE', date: `${todayShanghai()} +0800`, quantity, description });

export async function recordClaim(bot: BotHarness, person: Person, description: string, quantity = '1') {
  const [card] = await bot.say(person, '记录');
  const result = await bot.submit(person, card!, articleForm(description, quantity));
  expect(result.text).toContain('记录已提交');
  return bot.edge.db.claim.findFirstOrThrow({ where: { memberId: person.memberId, description } });
}

export function reviewCardOf(bot: BotHarness, person: Person, claimId: number): Seen {
  const card = bot.inbox(person).find((m) => m.text.includes('记录待审核') && m.text.includes(`#${claimId}`));
  if (!card) throw new Error(`no review card for #${claimId}`);
  return bot.refresh(card);
}

/** Takes a claim out of the queue (through the member's own withdrawal). */
export async function withdrawClaim(bot: BotHarness, person: Person, claimId: number) {
  await bot.domain.claims.withdraw({ memberId: person.memberId, role: 'MEMBER', branchId: person.branchId }, claimId);
}
