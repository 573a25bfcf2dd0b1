// Mid-year and year-end review (承诺盘点) with 评诺: the branch's public pledges with their progress, a
// verdict (已践诺 / 部分践诺 / 未践诺) button row for those not yet judged, five to a page.
import type { PledgeView } from '../../domain/pledges/pledges-repository.js';
import type { PledgeVerdict } from '../../domain/pledges/pledge-status.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, divider, markdown, md, type Card, type CardElement } from './elements.js';

export const BRANCH_PLEDGES_PAGE_SIZE = 5;
const VERDICTS: readonly PledgeVerdict[] = ['fulfilled', 'partial', 'unfulfilled'];
const b = t.pledges.branchReview;

export function branchPledgesCard(o: { year: number; items: readonly { pledge: PledgeView; memberName: string }[]; page: number }): Card {
  const pages = Math.max(1, Math.ceil(o.items.length / BRANCH_PLEDGES_PAGE_SIZE));
  const page = Math.min(Math.max(1, o.page), pages);
  const judged = o.items.filter((i) => i.pledge.verdict !== null).length;
  const avg = o.items.length === 0 ? 0 : Math.round(o.items.reduce((sum, i) => sum + (i.pledge.latestProgress?.percent ?? 0), 0) / o.items.length);
  const elements: CardElement[] = [markdown(o.items.length === 0 ? b.none : b.summary(o.items.length, judged, avg))];
  for (const { pledge, memberName } of o.items.slice((page - 1) * BRANCH_PLEDGES_PAGE_SIZE, page * BRANCH_PLEDGES_PAGE_SIZE)) {
    const percent = pledge.latestProgress?.percent;
    elements.push(
      markdown(
        [
          `**${md.user(memberName)}**：${md.user(pledge.content)}`,
          `${t.pledges.fields.target}：${md.user(pledge.target)}　${t.pledges.fields.due}：${pledge.dueOn}`,
          `${t.pledges.fields.progress}：${percent === undefined ? t.pledges.progress.none : t.pledges.progress.bar(percent)}`,
          ...(pledge.latestProgress ? [md.user(pledge.latestProgress.text)] : []),
        ].join('\n'),
      ),
    );
    if (pledge.verdict) elements.push(markdown(md.bold(b.verdict(t.pledges.verdicts[pledge.verdict]))));
    else elements.push(buttonRow(VERDICTS.map((v) => button({ label: t.pledges.verdicts[v], value: { a: 'pledge.verdict', p: pledge.id, v, pg: page } }))));
    elements.push(divider());
  }
  if (pages > 1) {
    const nav: CardElement[] = [];
    if (page > 1) nav.push(button({ label: b.prev, value: { a: 'pledge.branch.page', pg: page - 1 } }));
    if (page < pages) nav.push(button({ label: b.next, value: { a: 'pledge.branch.page', pg: page + 1 } }));
    elements.push(markdown(b.page(page, pages), { size: 'notation' }), buttonRow(nav));
  }
  return card({ title: b.title(o.year), color: 'red', elements });
}
