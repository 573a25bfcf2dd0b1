// 月统计 cards: a secretary's branch month (bar chart per vanguard role, line chart of the trend,
// top members, members with nothing) and the admins' per-branch table.
import { t } from '../messages/index.js';
import { chart, card, divider, markdown, md, type Card, type CardElement } from './elements.js';
import type { BranchMonth } from '../../pushes/audiences/branch-stats.js';

const NAMES_SHOWN = 20;
const TABLE_ROWS = 60;

function nameList(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map(md.user).join('、');
  return names.length > NAMES_SHOWN ? `${shown} ${t.pushes.digest.more(names.length)}` : shown;
}

export function branchDigestCard(period: string, stats: BranchMonth): Card {
  const d = t.pushes.digest;
  const elements: CardElement[] = [
    markdown(d.counts(stats.claims, stats.approved, stats.points)),
    markdown(`${d.pendingLine(stats.pendingReviews)}\n${d.deductionLine(stats.deductions.count, stats.deductions.points)}`),
    markdown(md.bold(d.perRoleChart)),
    chart({
      type: 'bar',
      data: { values: stats.perRole.map((r) => ({ role: t.pushes.roles[r.role] ?? r.role, points: r.points })) },
      xField: 'role',
      yField: 'points',
    }),
    markdown(md.bold(d.trendChart)),
    chart({ type: 'line', data: { values: stats.trend.map((p) => ({ month: p.month, points: p.points })) }, xField: 'month', yField: 'points' }),
    divider(),
  ];
  if (stats.top.length > 0) elements.push(markdown(`${md.bold(d.top)}\n${stats.top.map((m, i) => `${i + 1}. ${md.user(m.name)} ${m.points}`).join('\n')}`));
  elements.push(markdown(stats.withNothing.length === 0 ? d.noneWithNothing : `${d.nothing(stats.withNothing.length)}${nameList(stats.withNothing)}`));
  return card({ title: d.title(period, stats.branchName), summary: d.summary, color: 'red', elements });
}

export function committeeDigestCard(period: string, branches: BranchMonth[]): Card {
  const d = t.pushes.digest;
  const header = `${d.branch}｜${d.members}｜${d.claims}｜${d.points}｜${d.pendingReviews}｜${d.deductions}`;
  const rows = branches
    .slice(0, TABLE_ROWS)
    .map((b) => `${md.user(b.branchName)}｜${b.members}｜${b.claims}｜${b.points}｜${b.pendingReviews}｜${b.deductions.count}`);
  const more = branches.length > TABLE_ROWS ? [t.pushes.digest.more(branches.length)] : [];
  return card({ title: d.adminTitle(period), summary: d.summary, color: 'red', elements: [markdown([md.bold(header), ...rows, ...more].join('\n'))] });
}
