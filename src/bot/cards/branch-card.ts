// 支部: the branch now, for its secretary (or an admin) — members with their points this month (paged),
// who has recorded nothing, pending claims and pledges, and open objections.
import type { BranchView } from '../branch-view.js';
import { formatInstant } from '../format-time.js';
import { t } from '../messages/index.js';
import { truncate } from '../text.js';
import { button, buttonRow, card, divider, markdown, md, type Card, type CardElement } from './elements.js';
import { showPercent, showPoints, signedPoints } from './points-text.js';

export const BRANCH_PAGE_SIZE = 30;
/** Pending items and objections shown inline; the rest are one tap away (待审). */
const SHOWN = 5;
/** Names of members who recorded nothing shown inline (the card stays well under 30 KB). */
const SILENT_SHOWN = 40;

function membersSection(view: BranchView, page: number): { elements: CardElement[]; current: number; pages: number } {
  const b = t.points.branch;
  const rows = view.board.rows;
  const pages = Math.max(1, Math.ceil(rows.length / BRANCH_PAGE_SIZE));
  const current = Math.min(Math.max(page, 1), pages);
  const shown = rows.slice((current - 1) * BRANCH_PAGE_SIZE, current * BRANCH_PAGE_SIZE);
  const lines = shown.map((r) => b.memberLine(md.user(r.name ?? ''), showPoints(r.score.standing.checklistScore), signedPoints(r.score.movement.total)));
  const elements = [markdown([b.membersTitle, ...lines].join('\n'))];
  if (pages > 1) elements.push(markdown(md.color(b.page(current, pages), 'grey'), { size: 'notation' }));
  return { elements, current, pages };
}

function silentSection(view: BranchView): CardElement {
  const b = t.points.branch;
  const shown = view.silent.slice(0, SILENT_SHOWN).map((name) => md.user(name)).join('、');
  const more = view.silent.length - SILENT_SHOWN;
  const names = view.silent.length === 0 ? b.silentNone : `${shown}${more > 0 ? b.silentMore(more) : ''}`;
  return markdown([b.silentTitle(view.silent.length), names].join('\n'));
}

function pendingSection(view: BranchView): CardElement {
  const b = t.points.branch;
  const lines = [b.pendingTitle(view.pendingClaims.length, view.pendingPledges.length)];
  const claims = view.pendingClaims.slice(0, SHOWN).map((p) =>
    b.pendingClaim(md.user(p.memberName), view.names.get(p.claim.activityCode) ?? p.claim.activityCode, p.claim.activityDate),
  );
  const pledges = view.pendingPledges.slice(0, SHOWN).map((p) => b.pendingPledge(md.user(p.memberName), md.user(truncate(p.content, 30))));
  lines.push(...claims, ...pledges);
  const more = view.pendingClaims.length + view.pendingPledges.length - claims.length - pledges.length;
  if (more > 0) lines.push(b.pendingMore(more));
  return markdown(lines.join('\n'));
}

function objectionsSection(view: BranchView, timeZone: string): CardElement {
  const b = t.points.branch;
  const lines = [b.objectionsTitle(view.objections.length)];
  if (view.objections.length === 0) lines.push(b.none);
  lines.push(...view.objections.slice(0, SHOWN).map((o) => b.objectionLine(md.user(o.memberName), md.user(truncate(o.text, 40)), formatInstant(o.createdAt, timeZone))));
  if (view.objections.length > SHOWN) lines.push(b.objectionsMore(view.objections.length - SHOWN));
  return markdown(lines.join('\n'));
}

export function branchCard(view: BranchView, options: { page: number; timeZone: string }): Card {
  const b = t.points.branch;
  const agg = view.board.aggregate;
  const members = membersSection(view, options.page);
  const elements: CardElement[] = [
    markdown(b.summary(agg.memberCount, agg.participants, showPercent(agg.participationPercent), showPoints(agg.averageChecklist))),
    ...members.elements,
    divider(),
    silentSection(view),
    divider(),
    pendingSection(view),
    objectionsSection(view, options.timeZone),
  ];
  const buttons: CardElement[] = [];
  const pageValue = (pg: number) => ({ a: 'branch.page', b: view.branch.id, pg });
  if (members.current > 1) buttons.push(button({ label: b.buttons.prev, value: pageValue(members.current - 1) }));
  if (members.current < members.pages) buttons.push(button({ label: b.buttons.next, value: pageValue(members.current + 1) }));
  buttons.push(
    button({ label: b.buttons.pending, value: { a: 'cmd', cmd: '待审' }, style: 'primary' }),
    button({ label: b.buttons.pledges, value: { a: 'cmd', cmd: 'pledge-pending' } }),
    button({ label: b.buttons.board, value: { a: 'cmd', cmd: 'board', arg: view.branch.name } }),
  );
  elements.push(buttonRow(buttons));
  const title = b.title(view.branch.name, view.chosen.label);
  return card({ title, color: 'red', summary: title, elements });
}
