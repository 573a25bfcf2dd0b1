// 积分: my checklist score, basic items remaining, vanguard points per role against their caps, my rank in the
// branch, recent ledger entries with status and cause, and a trend chart of the last months.
import type { HistoryEntry } from '../../domain/ledger/ledger-service.js';
import { toHundredths } from '../../domain/points.js';
import { t } from '../messages/index.js';
import type { PointsView } from '../points-view.js';
import { truncate } from '../text.js';
import { button, buttonRow, card, chart, divider, fields, markdown, md, type Card, type CardElement } from './elements.js';
import { showPoints, signedPoints } from './points-text.js';

const c = t.points.card;

function rankText(view: PointsView): string {
  const { rank, branchSize, tiedCount } = view.score;
  return rank === null ? c.offBoard : c.rankValue(rank, branchSize, tiedCount > 1);
}

function standingLines(view: PointsView): CardElement[] {
  const { standing, movement } = view.score.score;
  const names = view.names;
  const basic = view.rules.basic.map((item) =>
    c.basicLine(item.name, showPoints(standing.basicRemaining[item.code]), showPoints(toHundredths(item.yearlyQuota))),
  );
  const roles = view.rules.vanguard.roles.map((role) => {
    const cap = toHundredths(role.yearlyCap);
    const earned = standing.vanguardByRole[role.code];
    return c.vanguardLine(names.get(role.code) ?? role.name, showPoints(earned), showPoints(cap), signedPoints(movement.vanguardByRole[role.code]), earned >= cap);
  });
  const totalCap = toHundredths(view.rules.vanguard.yearlyTotalCap);
  roles.push(c.vanguardTotal(showPoints(standing.vanguard), showPoints(totalCap), standing.vanguard >= totalCap));
  for (const cap of view.monthlyCaps) roles.push(c.monthlyCap(cap.name, showPoints(Math.max(cap.used, 0)), showPoints(cap.limit), cap.used >= cap.limit));
  return [markdown([c.basicTitle, ...basic].join('\n')), markdown([c.vanguardTitle, ...roles].join('\n'))];
}

/** One ledger line: date, cause and what, points, whether it still stands, and the cap that cut it. */
export function entryLine(item: HistoryEntry, names: ReadonlyMap<string, string>): string {
  const e = t.points.entry;
  const { entry } = item;
  const code = entry.activityCode ?? entry.deductionCode ?? entry.itemCode;
  // A correction says why it was made; a claim or deduction says what the member did or missed.
  const correction = entry.cause === 'reversal' || entry.cause === 'adjustment';
  const detail = (correction ? entry.reason : (item.claim?.description ?? item.deduction?.reason ?? entry.reason)) ?? '';
  const what = `${names.get(code) ?? code}${detail ? `（${md.user(truncate(detail, 40))}）` : ''}`;
  const reversed = item.reversedById !== undefined || item.deduction?.status === 'REVERSED';
  const status = reversed ? md.color(e.reversed, 'grey') : e.standing;
  const line = e.line(entry.occurredOn, e.causes[entry.cause], what, signedPoints(entry.pointsCredited), status);
  const note = entry.capNote;
  return note ? `${line}\n　${md.color(e.cap(note.kind, showPoints(note.limit), showPoints(note.used)), 'orange')}` : line;
}

function trendChart(view: PointsView): CardElement | undefined {
  if (view.trend.length < 2) return undefined;
  const values = view.trend.flatMap((p) => {
    const month = c.trendMonth(Number(p.period.slice(5, 7)));
    return [
      { month, series: c.trendChecklist, value: p.checklistScore / 100 },
      { month, series: c.trendMoved, value: p.moved / 100 },
    ];
  });
  return chart({
    type: 'line',
    title: { visible: true, text: c.trendTitle },
    data: { values },
    xField: 'month',
    yField: 'value',
    seriesField: 'series',
    point: { visible: true },
    label: { visible: true },
    legends: { visible: true, orient: 'bottom' },
  });
}

export function pointsCard(view: PointsView): Card {
  const score = view.score.score;
  const standing = score.standing;
  const elements: CardElement[] = [
    fields([
      { label: c.checklist, value: `${showPoints(standing.checklistScore)}${c.outOf}` },
      { label: c.moved, value: signedPoints(score.movement.total) },
      { label: c.rank, value: rankText(view) },
    ]),
  ];
  if (standing.vetoed) elements.push(markdown(md.color(c.vetoed(standing.vetoItems.map((code) => view.names.get(code) ?? code).join('、')), 'red')));
  elements.push(...standingLines(view), divider());
  const chartElement = trendChart(view);
  if (chartElement) elements.push(chartElement);
  elements.push(markdown([c.recentTitle, ...(view.recent.length === 0 ? [c.recentNone] : view.recent.map((r) => entryLine(r, view.names)))].join('\n')));
  const p = t.points.period.buttons;
  elements.push(
    buttonRow([
      button({ label: p.month, value: { a: 'cmd', cmd: 'points', arg: '本月' }, style: view.chosen.period.kind === 'month' ? 'primary' : 'default' }),
      button({ label: p.quarter, value: { a: 'cmd', cmd: 'points', arg: '本季' }, style: view.chosen.period.kind === 'quarter' ? 'primary' : 'default' }),
      button({ label: p.year, value: { a: 'cmd', cmd: 'points', arg: '本年' }, style: view.chosen.period.kind === 'year' ? 'primary' : 'default' }),
      button({ label: c.buttons.board, value: { a: 'cmd', cmd: 'board', arg: view.chosen.key } }),
      button({ label: c.buttons.record, value: { a: 'cmd', cmd: '记录' } }),
    ]),
  );
  return card({ title: c.title(view.chosen.label), subtitle: view.actor.branchName, color: 'red', summary: c.title(view.chosen.label), elements });
}
