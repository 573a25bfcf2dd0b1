// 公示 cards: the ranking posted to the branch group (with the objection button while the window is
// open), the objection form sent privately to whoever clicked, its receipt, and the secretary's card.
// Names and objection text go through the escapers.
import type { BranchBoard } from '../../domain/scoring/score-service.js';
import { formatPoints } from '../../domain/points.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, form, input, markdown, md, type Card, type CardElement } from './elements.js';

const n = t.publicNotice;
/** A branch has ~35 members; beyond this many rows the card would approach Feishu's size limit. */
export const NOTICE_ROWS_SHOWN = 60;

export interface NoticeFacts {
  noticeId: number;
  branchName: string;
  periodKey: string;
  /** The deadline as people read it (`2026-12-06 09:00`). */
  deadline: string;
  open: boolean;
}

export function publicNoticeCard(f: NoticeFacts, board: BranchBoard): Card {
  const elements: CardElement[] = [markdown(f.open ? n.intro(f.deadline) : n.closedIntro(f.deadline), { size: 'notation' })];
  const rows = board.rows.slice(0, NOTICE_ROWS_SHOWN);
  if (rows.length === 0) elements.push(markdown(n.empty));
  else {
    const lines = rows.map((r) => n.row(r.rank, md.user(r.name ?? ''), formatPoints(r.score.movement.total), formatPoints(r.score.standing.checklistScore)));
    elements.push(markdown(lines.join('\n')));
  }
  if (board.rows.length > rows.length) elements.push(markdown(n.more(board.rows.length - rows.length), { size: 'notation' }));
  elements.push(buttonRow([button({ label: n.object, value: { a: 'notice.object.open', n: f.noticeId }, style: 'primary' })]));
  return card({ title: n.title(f.branchName, f.periodKey), color: 'red', summary: n.title(f.branchName, f.periodKey), elements });
}

export function noticeObjectionFormCard(f: NoticeFacts, formKey: string): Card {
  return card({
    title: n.formTitle(f.branchName, f.periodKey),
    color: 'orange',
    elements: [
      markdown(n.intro(f.deadline), { size: 'notation' }),
      form({
        name: 'notice_objection_form',
        submitLabel: n.submit,
        submitValue: { a: 'notice.object', n: f.noticeId, k: formKey },
        elements: [input({ name: 'text', label: n.text, placeholder: n.textPlaceholder, required: true, maxLength: 500, multiline: true })],
      }),
    ],
  });
}

export function noticeObjectionSentCard(text: string): Card {
  return card({ title: n.sentTitle, color: 'green', elements: [markdown(n.sent), markdown(`${n.text}：${md.user(text)}`)] });
}

export function secretaryNoticeObjectionCard(f: NoticeFacts, o: { name: string; text: string }): Card {
  return card({
    title: n.secretaryTitle(f.branchName, f.periodKey),
    color: 'orange',
    elements: [markdown(md.user(n.from(o.name))), markdown(`${n.text}：${md.user(o.text)}`)],
  });
}
