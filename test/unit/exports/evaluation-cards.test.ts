// The evaluation and stars cards stay under Feishu's size limit for a large branch, and names people typed
// in the roster are escaped, never markdown.
import { describe, expect, it } from 'vitest';
import { branchEvaluationCard } from '../../../src/bot/cards/evaluation-cards.js';
import { CARD_BYTE_LIMIT, cardBytes } from '../../../src/bot/cards/elements.js';
import { starsCandidatesCard } from '../../../src/bot/cards/stars-cards.js';

const HOSTILE = '<at id=all></at>[点我](https://evil.example)**粗**';
const longName = (i: number) => `${HOSTILE}${'很长的名字'.repeat(4)}${i}`;

/** Markdown is rendered; plain_text (titles, select options) is shown literally and needs no escaping. */
function markdownOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownOf);
  if (!node || typeof node !== 'object') return [];
  const el = node as Record<string, unknown>;
  return [...(el.tag === 'markdown' ? [String(el.content)] : []), ...Object.values(el).flatMap(markdownOf)];
}

describe('evaluation cards', () => {
  it('a branch of 300 keeps under the limit and escapes names', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      memberId: i + 1, name: longName(i), democratic: 9000, mass: 8000, checklist: 10000, vetoed: i % 7 === 0, composite: 9050, grade: 'excellent' as const,
    }));
    const card = branchEvaluationCard({
      view: { branchId: 1, year: 2026, status: 'OPEN', rows, missing: 0, excellentCount: 300, warning: { code: 'EXCELLENT_SHARE_EXCEEDED', excellent: 300, members: 300, limit: { numerator: 1, denominator: 3 }, allowed: 100 } },
      branchName: HOSTILE,
      weights: { democratic: 50, checklist: 30, mass: 20 },
      scorable: rows.map((r) => ({ memberId: r.memberId, name: r.name })),
    });
    expect(cardBytes(card)).toBeLessThan(CARD_BYTE_LIMIT);
    const texts = markdownOf(card.body).join('\n');
    expect(texts).toContain('很长的名字0');
    expect(texts).not.toContain('[点我](https');
    expect(texts).not.toContain('<at id=all>');
    expect(texts).toMatch(/另有 \d+ 人未列出/);
  });

  it('a committee of candidates keeps under the limit', () => {
    const candidates = Array.from({ length: 400 }, (_, i) => ({ branch: `第${i}党支部`, name: longName(i), rank: 1, confirmed: false }));
    const card = starsCandidatesCard({ year: 2026, candidates, excluded: 700 });
    expect(cardBytes(card)).toBeLessThan(CARD_BYTE_LIMIT);
    expect(markdownOf(card.body).join('\n')).not.toContain('[点我](https');
  });
});
