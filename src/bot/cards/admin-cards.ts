// Cards of branch and committee administration in chat: the group's bind card, the roster upload's
// receipt and report (the same report text as the CLI, in a plain-text element: names as typed).
import type { ImportReport } from '../../domain/roster/import-report.js';
import { formatImportReport } from '../../domain/roster/format-import-report.js';
import { t } from '../messages/index.js';
import { button, buttonRow, CARD_BYTE_LIMIT, card, cardBytes, markdown, md, plainText, type Card } from './elements.js';

const g = t.admin.group;

export function groupAddedCard(chatName: string | undefined): Card {
  return card({
    title: g.addedTitle,
    color: 'red',
    elements: [markdown(g.addedBody), buttonRow([button({ label: g.bind, value: { a: 'group.bind', ...(chatName ? { n: chatName.slice(0, 100) } : {}) }, style: 'primary_filled' })])],
  });
}

export function groupBoundCard(branchName: string): Card {
  return card({ title: g.boundTitle, color: 'green', elements: [markdown(md.user(g.bound(branchName)))] });
}

export function rosterReceivedCard(fileName: string): Card {
  return card({ title: t.admin.roster.receivedTitle, color: 'blue', elements: [markdown(md.user(t.admin.roster.received(fileName)))] });
}

export function rosterNoticeCard(message: string): Card {
  return card({ title: t.admin.roster.reportTitle, color: 'grey', elements: [markdown(message)] });
}

/** The import report exactly as `formatImportReport` words it; lists shortened until the card fits. */
export function rosterReportCard(report: ImportReport): Card {
  const color = report.outcome === 'invalid' ? 'orange' : 'green';
  for (const maxItems of [20, 10, 5, 1]) {
    const built = card({ title: t.admin.roster.reportTitle, color, elements: [plainText(formatImportReport(report, { maxItems }))] });
    if (cardBytes(built) <= CARD_BYTE_LIMIT) return built;
  }
  return card({ title: t.admin.roster.reportTitle, color, elements: [plainText(formatImportReport(report, { maxItems: 0 }))] });
}
