// The monthly reminder (每月提醒): points so far, what is missing, and a button that runs 记录.
import { t } from '../messages/index.js';
import { button, buttonRow, card, markdown, type Card } from './elements.js';

export interface ReminderFacts {
  period: string;
  /** Points credited this month, formatted ("12.50"). */
  points: string;
  /** Claims this month that count as a vanguard record (submitted or approved). */
  vanguardRecords: number;
  drafts: number;
  pending: number;
}

export function monthlyReminderCard(facts: ReminderFacts): Card {
  const r = t.pushes.reminder;
  const lines = [r.points(facts.points)];
  if (facts.vanguardRecords === 0) lines.push(r.noVanguard);
  if (facts.drafts > 0) lines.push(r.drafts(facts.drafts));
  if (facts.pending > 0) lines.push(r.pending(facts.pending));
  if (facts.vanguardRecords > 0 && facts.drafts === 0) lines.push(r.allGood);
  return card({
    title: r.title(facts.period),
    summary: r.summary,
    color: facts.vanguardRecords === 0 ? 'orange' : 'red',
    elements: [markdown(lines.join('\n')), buttonRow([button({ label: r.record, value: { a: 'cmd', cmd: 'record' }, style: 'primary' })])],
  });
}
