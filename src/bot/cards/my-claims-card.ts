// `我的记录`: the member's claims, newest first, a page at a time, with the status, the points (estimated
// while under review, credited once approved), the return reason, and 撤回 / 修改后重新提交 where allowed.
import type { ClaimView } from '../../domain/claims/claims-repository.js';
import type { ClaimFacts } from '../claim-views.js';
import { t } from '../messages/index.js';
import { truncate } from '../text.js';
import { button, buttonRow, card, divider, markdown, md, type Card, type CardElement } from './elements.js';

const m = t.claims.mine;
export const MY_CLAIMS_PAGE = 5;

export interface MyClaimLine {
  claim: ClaimView;
  facts: ClaimFacts;
  /** Points credited by the ledger, for approved claims. */
  credited?: string;
}

export function myClaimsCard(o: { lines: readonly MyClaimLine[]; page: number; pages: number }): Card {
  const elements: CardElement[] = [];
  if (o.lines.length === 0) elements.push(markdown(m.none));
  for (const { claim, facts, credited } of o.lines) {
    const status = t.claims.status[claim.status];
    const points = credited !== undefined ? m.credited(credited) : claim.status === 'pending' || claim.status === 'returned' ? m.estimated(facts.points) : '';
    elements.push(markdown(`**${facts.activityName}** ${md.user(facts.quantity)}　${facts.date}　${md.bold(status)}${points ? `　${md.user(points)}` : ''}`));
    elements.push(markdown(md.user(truncate(facts.description, 120)), { size: 'notation' }));
    if (claim.status === 'returned' && claim.reviewComment) elements.push(markdown(`${m.reviewComment}：${md.user(claim.reviewComment)}`, { size: 'notation' }));
    const actions: CardElement[] = [];
    if (claim.status === 'pending') {
      actions.push(button({ label: m.withdraw, value: { a: 'claim.withdraw', c: claim.id, pg: o.page }, confirm: { title: m.withdraw, text: m.withdrawConfirm } }));
    }
    if (claim.status === 'returned') actions.push(button({ label: m.edit, value: { a: 'claim.edit', c: claim.id }, style: 'primary' }));
    if (actions.length > 0) elements.push(buttonRow(actions));
    elements.push(divider());
  }
  if (o.pages > 1) {
    const nav: CardElement[] = [];
    if (o.page > 1) nav.push(button({ label: m.prev, value: { a: 'claim.mine', pg: o.page - 1 } }));
    if (o.page < o.pages) nav.push(button({ label: m.next, value: { a: 'claim.mine', pg: o.page + 1 } }));
    elements.push(markdown(m.page(o.page, o.pages), { size: 'notation' }), buttonRow(nav));
  }
  return card({ title: m.title, color: 'red', summary: m.title, elements });
}
