// The cards of party days, 公示 and 指标 at their largest stay under Feishu's limits (30 KB, 200 components),
// escape what people typed, and carry a chart spec of plain data.
import { describe, expect, it } from 'vitest';
import { CARD_BYTE_LIMIT, cardBytes, type Card } from '../../../src/bot/cards/elements.js';
import { indicatorChartSpec, indicatorsCard } from '../../../src/bot/cards/indicators-card.js';
import { absencesCard, partyDayNoticeCard, type DayFacts } from '../../../src/bot/cards/party-day-cards.js';
import { libraryCard, planCard } from '../../../src/bot/cards/party-day-library-cards.js';
import { publicNoticeCard } from '../../../src/bot/cards/public-notice-cards.js';
import { buildIndicatorReport, type BranchPeriodFigures } from '../../../src/domain/indicators/indicator-report.js';
import type { BranchBoard } from '../../../src/domain/scoring/score-service.js';

const HOSTILE = '<at id=all></at> [x](javascript:alert(1))';
const long = (n: number) => '党'.repeat(n);

function components(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + components(child), 0);
  if (!node || typeof node !== 'object') return 0;
  const el = node as Record<string, unknown>;
  const own = typeof el.tag === 'string' && el.tag !== 'plain_text' ? 1 : 0;
  return own + Object.entries(el).filter(([k]) => k !== 'chart_spec' && k !== 'behaviors').reduce((sum, [, v]) => sum + components(v), 0);
}

function expectWithinLimits(card: Card): void {
  expect(cardBytes(card)).toBeLessThan(CARD_BYTE_LIMIT);
  expect(components(card.body)).toBeLessThanOrEqual(200);
}

const day: DayFacts = {
  day: { id: 1, branchId: 1, planId: 1, title: `${HOSTILE}${long(40)}`, startsAt: new Date(), date: '2026-12-01', place: HOSTILE, notes: long(500), status: 'SCHEDULED' },
  when: '2026-12-01 19:30', opens: '2026-12-01 19:00', closes: '2026-12-01 20:30', theme: long(200),
};

describe('party-day cards', () => {
  it('a full library page with the admin form fits', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ id: i + 1, name: long(40), category: 'SERVING_MASSES' as const, description: long(500), planCount: 9 }));
    expectWithinLimits(libraryCard({ page: { items, total: 40 }, offset: 8, isAdmin: true, formKey: 'k' }));
  });

  it('a plan at the form limits, with the scheduling form, fits', () => {
    const plan = {
      id: 1, seriesId: 1, seriesName: long(40), title: long(60), theme: long(200),
      goals: Array.from({ length: 5 }, () => long(200)), steps: Array.from({ length: 10 }, () => long(200)), materials: Array.from({ length: 5 }, () => long(200)), durationMinutes: 90,
    };
    expectWithinLimits(planCard({ plan, canSchedule: true, formKey: 'k', today: '2026-12-01' }));
  });

  it('the notice escapes the secretary’s text', () => {
    const card = partyDayNoticeCard(day, { rsvp: 'NO_RESPONSE' });
    expectWithinLimits(card);
    expect(JSON.stringify(card.body)).not.toMatch(/<at id=all>|\]\(javascript/);
  });

  it('an absence card for a whole branch shows a page of pending absences and fits', () => {
    const absences = Array.from({ length: 60 }, (_, i) => ({ attendanceId: i + 1, memberId: i + 1, name: `${HOSTILE}${i}`, rsvp: 'NO_RESPONSE' as const, outcome: i < 20 ? ('WAIVED' as const) : ('PENDING' as const) }));
    const card = absencesCard(day, absences);
    expectWithinLimits(card);
    expect(JSON.stringify(card.body)).not.toMatch(/<at id=all>|\]\(javascript/);
  });
});

describe('公示 and 指标 cards', () => {
  it('a 公示 of a large branch fits and escapes names', () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({
      memberId: i, name: `${HOSTILE}${i}`, isViewer: false, rank: i + 1, tiedCount: 1,
      score: { movement: { total: 1234 }, standing: { checklistScore: 6543 } },
    }));
    const board = { rows } as unknown as BranchBoard;
    const card = publicNoticeCard({ noticeId: 1, branchName: '第一党支部', periodKey: '2026-11', deadline: '2026-12-06 09:00', open: true }, board);
    expectWithinLimits(card);
    expect(JSON.stringify(card.body)).not.toMatch(/<at id=all>|\]\(javascript/);
  });

  it('the indicator card of 21 branches fits, and its chart spec is plain data with every branch', () => {
    const figures = (k: number): BranchPeriodFigures => ({
      participationPercent: 5000 + k, claims: 10 + k, approvedPoints: 1000 * k, hazardsHandled: k, pledgeFulfilmentPercent: 3000, volunteerHours: 250 * k, deductions: 21 - k, vetoes: 0,
    });
    const branches = buildIndicatorReport(Array.from({ length: 21 }, (_, k) => ({ branchId: String(k + 1), current: figures(k + 1), previous: figures(k) })));
    const report = { period: '2026-11', previous: '2026-10', branches: branches.map((b) => ({ ...b, name: `第${b.branchId}党支部` })) };
    expectWithinLimits(indicatorsCard(report, 18));
    const spec = indicatorChartSpec(report);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect((spec.data as { values: unknown[] }[])[0]!.values).toHaveLength(42);
  });
});
