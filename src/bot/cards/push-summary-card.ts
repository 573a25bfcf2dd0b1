// The admins' card when a campaign ends: how many were reached, failed, skipped.
import { t } from '../messages/index.js';
import { card, markdown, type Card } from './elements.js';

export function campaignSummaryCard(kind: string, period: string, counts: { total: number; sent: number; failed: number; skipped: number }): Card {
  const s = t.pushes.campaignSummary;
  return card({
    title: s.title(t.pushes.kinds[kind] ?? kind, period),
    summary: s.summary,
    color: counts.failed > 0 ? 'orange' : 'green',
    elements: [markdown(s.counts(counts.total, counts.sent, counts.failed, counts.skipped))],
  });
}
