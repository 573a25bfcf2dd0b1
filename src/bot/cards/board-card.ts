// 排行: a branch's board for a period, paged; names hidden from plain members when the branch board is
// anonymised (a setting), and the viewer's own place always shown, on whichever page it falls.
import type { BranchBoard } from '../../domain/scoring/score-service.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, markdown, md, type Card, type CardElement } from './elements.js';
import { showPoints, signedPoints } from './points-text.js';

export const BOARD_PAGE_SIZE = 20;

export interface BoardCardInput {
  readonly board: BranchBoard;
  readonly branchName: string;
  readonly periodLabel: string;
  readonly page: number;
}

export function boardPages(board: BranchBoard): number {
  return Math.max(1, Math.ceil(board.rows.length / BOARD_PAGE_SIZE));
}

export function boardCard({ board, branchName, periodLabel, page }: BoardCardInput): Card {
  const b = t.points.board;
  const pages = boardPages(board);
  const current = Math.min(Math.max(page, 1), pages);
  const shown = board.rows.slice((current - 1) * BOARD_PAGE_SIZE, current * BOARD_PAGE_SIZE);
  const elements: CardElement[] = [markdown(b.intro(board.rows.length))];
  if (board.anonymised) elements.push(markdown(md.color(b.anonymisedNote, 'grey'), { size: 'notation' }));
  if (board.rows.length === 0) elements.push(markdown(b.empty));
  else {
    const lines = shown.map((row) => {
      const name = row.isViewer ? b.me : row.name === null ? b.anonymous : md.user(row.name);
      return b.row(row.rank, name, showPoints(row.score.standing.checklistScore), signedPoints(row.score.movement.total), row.isViewer);
    });
    elements.push(markdown(lines.join('\n')));
  }
  const mine = board.rows.find((r) => r.isViewer);
  if (mine) elements.push(markdown(b.myPlace(mine.rank, board.rows.length, showPoints(mine.score.standing.checklistScore))));
  const nav: CardElement[] = [];
  const pageValue = (pg: number) => ({ a: 'board.page', b: board.branchId, p: board.period, pg });
  if (current > 1) nav.push(button({ label: b.buttons.prev, value: pageValue(current - 1) }));
  if (current < pages) nav.push(button({ label: b.buttons.next, value: pageValue(current + 1) }));
  nav.push(button({ label: b.buttons.mine, value: { a: 'cmd', cmd: 'points', arg: board.period }, style: 'primary' }));
  if (pages > 1) elements.push(markdown(md.color(b.page(current, pages), 'grey'), { size: 'notation' }));
  elements.push(buttonRow(nav));
  return card({ title: b.title(branchName, periodLabel), color: 'orange', summary: b.title(branchName, periodLabel), elements });
}
