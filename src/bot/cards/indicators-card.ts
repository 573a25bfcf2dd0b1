// The 六升两降 report as a card: a bar chart of improved and worsened indicators per branch (every branch),
// then a page of branches with each indicator's value, previous value and direction.
//
// Why the chart carries only counts: 21 branches × 8 indicators would not fit a readable chart on a
// phone; the per-indicator figures are in the text below it, a page at a time.
import type { IndicatorKey } from '../../domain/indicators/indicator-report.js';
import type { IndicatorReport } from '../../domain/indicators/indicators-service.js';
import { formatPoints } from '../../domain/points.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, chart, divider, markdown, md, type Card, type CardElement } from './elements.js';

const i = t.indicators;
export const INDICATOR_PAGE_SIZE = 6;

/** Figures are exact integers: hundredths for percentages, points and hours; counts otherwise. */
export function formatIndicator(key: IndicatorKey, value: number): string {
  switch (key) {
    case 'participationPercent':
    case 'pledgeFulfilmentPercent':
      return `${formatPoints(value)}%`;
    case 'approvedPoints':
    case 'volunteerHours':
      return formatPoints(value);
    default:
      return String(value);
  }
}

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;
const COLOR = { improved: 'green', worsened: 'red', unchanged: 'grey' } as const;

/** The VChart spec (plain data, no functions): grouped bars, one group per branch. */
export function indicatorChartSpec(report: IndicatorReport): Record<string, unknown> {
  const values = report.branches.flatMap((b) => [
    { branch: b.name, kind: i.improved, count: b.improved },
    { branch: b.name, kind: i.worsened, count: b.worsened },
  ]);
  return {
    type: 'bar',
    title: { visible: true, text: i.chartTitle },
    data: [{ id: 'indicators', values }],
    xField: ['branch', 'kind'],
    yField: 'count',
    seriesField: 'kind',
    legends: { visible: true, orient: 'bottom' },
    axes: [{ orient: 'left', min: 0, max: 8, tick: { tickCount: 5 } }],
  };
}

export function indicatorsCard(report: IndicatorReport, offset: number): Card {
  const total = report.branches.length;
  const elements: CardElement[] = [markdown(i.legend, { size: 'notation' })];
  if (total === 0) {
    elements.push(markdown(i.noBranches));
    return card({ title: i.title(report.period, report.previous), color: 'red', elements });
  }
  elements.push(chart(indicatorChartSpec(report), { aspectRatio: '16:9' }));
  const page = report.branches.slice(offset, offset + INDICATOR_PAGE_SIZE);
  elements.push(markdown(i.page(offset + 1, offset + page.length, total), { size: 'notation' }));
  for (const b of page) {
    const badges = [b.sixUp ? md.color(i.sixUp, 'green') : '', b.twoDown ? md.color(i.twoDown, 'green') : ''].filter(Boolean).join(' ');
    const lines = b.changes.map((c) =>
      md.color(`${i.names[c.key]} ${formatIndicator(c.key, c.previous)} → ${formatIndicator(c.key, c.current)} ${ARROW[c.trend]}`, COLOR[c.outcome]),
    );
    elements.push(divider(), markdown(`**${md.user(b.name)}**　${i.summary(b.improved, b.worsened)} ${badges}\n${lines.join('\n')}`));
  }
  const nav: CardElement[] = [];
  if (offset > 0) nav.push(button({ label: i.prev, value: { a: 'ind.page', p: report.period, o: Math.max(0, offset - INDICATOR_PAGE_SIZE) } }));
  if (offset + INDICATOR_PAGE_SIZE < total) nav.push(button({ label: i.next, value: { a: 'ind.page', p: report.period, o: offset + INDICATOR_PAGE_SIZE } }));
  if (nav.length > 0) elements.push(buttonRow(nav));
  return card({ title: i.title(report.period, report.previous), color: 'red', summary: i.title(report.period, report.previous), elements });
}
