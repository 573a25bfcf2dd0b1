// The prompting pushes: 季盘点 (a member's quarter and pledges; a secretary's branch overview),
// 年评比 to secretaries, stale-review nudges and the 定诺 invitation.
import { t } from '../messages/index.js';
import { button, buttonRow, card, markdown, md, type Card, type CardElement } from './elements.js';

const PLEDGES_SHOWN = 10;

export interface PledgeLine {
  content: string;
  target: string;
  status: string;
  percent: number | null;
}

function pledgeLines(pledges: PledgeLine[]): string {
  const s = t.pushes.stocktake;
  if (pledges.length === 0) return s.noPledges;
  const lines = pledges
    .slice(0, PLEDGES_SHOWN)
    .map((p) => `- ${md.user(p.content)}（${md.user(p.target)}）${p.percent === null ? '' : ` ${t.pledges.fields.progress} ${p.percent}%`}`);
  return `${md.bold(s.pledgesTitle)}\n${lines.join('\n')}`;
}

export function memberStocktakeCard(period: string, facts: { points: string; entries: number; pledges: PledgeLine[] }): Card {
  const s = t.pushes.stocktake;
  return card({
    title: s.title(period),
    summary: s.summary,
    color: 'red',
    elements: [
      markdown(s.intro),
      markdown(facts.entries > 0 ? s.ledger(facts.points, facts.entries) : s.noLedger),
      markdown(pledgeLines(facts.pledges)),
      buttonRow([button({ label: s.updatePledges, value: { a: 'cmd', cmd: 'pledges' }, style: 'primary' })]),
    ],
  });
}

export function secretaryStocktakeCard(
  period: string,
  facts: { branchName: string; points: string; members: number; pledgeCounts: { label: string; count: number }[] },
): Card {
  const s = t.pushes.stocktake;
  const counts = facts.pledgeCounts.map((c) => `${c.label} ${c.count}`).join('，');
  return card({
    title: s.secretaryTitle(period, facts.branchName),
    summary: s.summary,
    color: 'red',
    elements: [markdown(s.branchPoints(facts.points, facts.members)), markdown(`${md.bold(s.pledgeCounts)}：${counts}`)],
  });
}

export function evaluationPromptCard(year: string, facts: { points: string; members: number }): Card {
  const e = t.pushes.evaluation;
  return card({ title: e.title(year), summary: e.summary, color: 'red', elements: [markdown(e.body(year)), markdown(e.branchPoints(facts.points, facts.members))] });
}

export function staleReviewsCard(facts: { count: number; days: number; oldest: string }): Card {
  const s = t.pushes.stale;
  const elements: CardElement[] = [
    markdown(`${s.body(facts.count, facts.days)}\n${s.oldest(facts.oldest)}`),
    buttonRow([button({ label: s.open, value: { a: 'cmd', cmd: 'pending' }, style: 'primary' })]),
  ];
  return card({ title: s.title, summary: s.summary, color: 'orange', elements });
}

export function pledgeWindowCard(year: string): Card {
  const p = t.pushes.pledgeWindow;
  return card({
    title: p.title(year),
    summary: p.summary,
    color: 'red',
    elements: [markdown(p.body(year)), buttonRow([button({ label: p.open, value: { a: 'cmd', cmd: 'pledges' }, style: 'primary' })])],
  });
}

export function annualResultsCard(year: string, facts: { score: string | null; grade: string | null; candidates: string[] }): Card {
  const r = t.pushes.results;
  const mine = facts.score !== null && facts.grade !== null ? r.mine(facts.score, r.grades[facts.grade] ?? facts.grade) : r.notRated;
  const names = facts.candidates.slice(0, 30).map(md.user).join('、');
  return card({ title: r.title(year), summary: r.summary, color: 'red', elements: [markdown(mine), markdown(names ? r.candidates(names) : r.noCandidates)] });
}
