// `审计`: recent audit log entries for admins — who, what, on which record, when — paged with buttons.
import type { AuditRow } from '../../domain/audit/audit-repository.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, markdown, md, type Card, type CardElement } from './elements.js';

export const AUDIT_PAGE_SIZE = 10;
const a = t.admin.audit;

export function auditCard(o: { rows: readonly AuditRow[]; names: Map<number, string>; page: number; hasMore: boolean; formatTime: (d: Date) => string }): Card {
  const elements: CardElement[] = [markdown(a.page(o.page), { size: 'notation' })];
  if (o.rows.length === 0) elements.push(markdown(a.none));
  for (const row of o.rows) {
    const who = row.actorId === null ? a.system : (o.names.get(row.actorId) ?? `#${row.actorId}`);
    const what = a.actions[row.action] ?? row.action;
    elements.push(markdown(`${o.formatTime(row.at)}　**${md.user(who)}**　${md.user(what)}　${md.user(`${row.targetType} #${row.targetId}`)}`));
  }
  const nav: CardElement[] = [];
  if (o.page > 1) nav.push(button({ label: a.prev, value: { a: 'audit.page', pg: o.page - 1 } }));
  if (o.hasMore) nav.push(button({ label: a.next, value: { a: 'audit.page', pg: o.page + 1 } }));
  if (nav.length > 0) elements.push(buttonRow(nav));
  return card({ title: a.title, color: 'grey', elements });
}
