// The answer to `推送`: queued, or already sent with what was sent.
import { t } from '../messages/index.js';
import { card, markdown, type Card } from './elements.js';

export function pushQueuedCard(kind: string, period: string): Card {
  return card({ title: t.pushes.command.title, color: 'green', elements: [markdown(t.pushes.command.started(t.pushes.kinds[kind] ?? kind, period))] });
}

export function pushAlreadyCard(kind: string, period: string, counts: { total: number; sent: number; failed: number; skipped: number }): Card {
  const label = t.pushes.kinds[kind] ?? kind;
  return card({
    title: t.pushes.command.title,
    color: 'grey',
    elements: [markdown(t.pushes.command.already(label, period)), markdown(t.pushes.campaignSummary.counts(counts.total, counts.sent, counts.failed, counts.skipped))],
  });
}
