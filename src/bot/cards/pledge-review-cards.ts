// 审诺 cards: the review card a secretary (or admin) gets for a submitted pledge, the same card once
// decided (patched into every reviewer's copy), what the member is told, and the pending list.
import type { PledgeView } from '../../domain/pledges/pledges-repository.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, divider, form, input, markdown, md, type Card, type CardElement } from './elements.js';
import { pledgeSummary } from './pledge-cards.js';

const r = t.pledges.review;

export interface ReviewSubject {
  pledge: PledgeView;
  memberName: string;
  branchName: string;
}

export function pledgeReviewCard(s: ReviewSubject): Card {
  return card({
    title: r.title,
    color: 'orange',
    summary: r.title,
    elements: [
      markdown(md.user(r.from(s.memberName, s.branchName))),
      ...pledgeSummary(s.pledge, { showStatus: false }),
      buttonRow([button({ label: r.approve, value: { a: 'pledge.approve', p: s.pledge.id }, style: 'primary_filled' })]),
      form({
        name: 'return_form',
        submitLabel: r.returnSubmit,
        submitValue: { a: 'pledge.return', p: s.pledge.id },
        elements: [input({ name: 'comment', label: r.returnLabel, placeholder: r.returnPlaceholder, maxLength: 500 })],
      }),
    ],
  });
}

export function pledgeDecidedCard(s: ReviewSubject & { approved: boolean; by: string }): Card {
  const word = s.approved ? r.approvedWord : r.returnedWord;
  const elements: CardElement[] = [markdown(md.user(r.from(s.memberName, s.branchName))), ...pledgeSummary(s.pledge)];
  if (!s.approved && s.pledge.reviewComment) elements.push(markdown(`${t.pledges.mine.reviewComment}：${md.user(s.pledge.reviewComment)}`));
  elements.push(markdown(md.bold(md.user(r.decided(word, s.by)))));
  return card({ title: r.title, color: s.approved ? 'green' : 'grey', elements });
}

export function pledgeApprovedNoticeCard(pledge: PledgeView): Card {
  return card({ title: t.pledges.told.approvedTitle, color: 'green', elements: [...pledgeSummary(pledge), markdown(t.pledges.told.approvedBody)] });
}

export function pledgeReturnedNoticeCard(pledge: PledgeView): Card {
  return card({
    title: t.pledges.told.returnedTitle,
    color: 'orange',
    elements: [
      ...pledgeSummary(pledge),
      markdown(md.user(t.pledges.told.returnedBody(pledge.reviewComment ?? ''))),
      buttonRow([button({ label: t.pledges.mine.resubmit, value: { a: 'pledge.edit', p: pledge.id }, style: 'primary' })]),
    ],
  });
}

const LISTED = 10;

export function pendingPledgesCard(items: readonly { pledge: PledgeView; memberName: string }[]): Card {
  const l = t.pledges.pendingList;
  const elements: CardElement[] = [];
  if (items.length === 0) elements.push(markdown(l.none));
  for (const { pledge, memberName } of items.slice(0, LISTED)) {
    elements.push(markdown(`**${md.user(memberName)}**　${md.user(pledge.content.slice(0, 80))}`));
    elements.push(buttonRow([button({ label: l.open, value: { a: 'pledge.review.open', p: pledge.id } })]));
    elements.push(divider());
  }
  if (items.length > LISTED) elements.push(markdown(l.more(items.length - LISTED), { size: 'notation' }));
  return card({ title: l.title, color: 'orange', elements });
}
