// Annual evaluation: exact composite, grade boundaries, veto, the excellent-share warning, what-if preview.
import { describe, expect, it } from 'vitest';
import { allowedExcellent, evaluateBranch, excellentShareWarning } from '../../../../src/domain/evaluation/branch-evaluation.js';
import { compositeScore, evaluateMember, gradeOf, type Grade } from '../../../../src/domain/evaluation/composite.js';
import { previewEvaluation } from '../../../../src/domain/evaluation/preview.js';
import { RULES_2026, rulesWith } from '../fixtures.js';

describe('compositeScore', () => {
  it.each([
    [{ democratic: 10000, checklist: 10000, mass: 10000 }, 10000],
    [{ democratic: 0, checklist: 0, mass: 0 }, 0],
    [{ democratic: 9000, checklist: 9000, mass: 9000 }, 9000],
    [{ democratic: 9000, checklist: 8997, mass: 9000 }, 8999], // 45 + 26.991 + 18 = 89.991 → 89.99
    [{ democratic: 9001, checklist: 8997, mass: 9000 }, 9000], // 45.005 + 26.991 + 18 = 89.996 → 90.00
    [{ democratic: 8999, checklist: 9000, mass: 9000 }, 9000], // 44.995 + 27 + 18 = 89.995 → half up 90.00
    [{ democratic: 8000, checklist: 6000, mass: 7000 }, 7200],
  ])('%j → %d', (scores, expected) => {
    expect(compositeScore(scores, RULES_2026)).toBe(expected);
  });

  it('uses the year’s weights', () => {
    const rules = rulesWith(2026, (r) => { r.evaluation!.weights = { democratic: 40, checklist: 40, mass: 20 }; });
    expect(compositeScore({ democratic: 10000, checklist: 5000, mass: 10000 }, rules)).toBe(8000);
  });

  it.each([[-1], [10001], [50.5], [Number.NaN]])('rejects a score of %d hundredths', (bad) => {
    expect(() => compositeScore({ democratic: bad, checklist: 0, mass: 0 }, RULES_2026)).toThrow(expect.objectContaining({ code: 'INVALID_SCORE' }));
  });
});

describe('grades', () => {
  it.each<[number, Grade]>([
    [10000, 'excellent'], [9000, 'excellent'], [8999, 'qualified'], [7500, 'qualified'], [7499, 'basicallyQualified'],
    [6000, 'basicallyQualified'], [5999, 'unqualified'], [0, 'unqualified'],
  ])('%d → %s', (composite, grade) => {
    expect(gradeOf(composite, RULES_2026)).toBe(grade);
  });

  it('grades 89.99 as 合格 and 90.00 as 优秀 through the composite', () => {
    expect(evaluateMember({ democratic: 9000, checklist: 8997, mass: 9000 }, false, RULES_2026)).toMatchObject({ composite: 8999, grade: 'qualified' });
    expect(evaluateMember({ democratic: 9000, checklist: 9000, mass: 9000 }, false, RULES_2026)).toMatchObject({
      composite: 9000, grade: 'excellent', gradeReason: { kind: 'threshold', min: 9000 },
    });
  });

  it('makes any confirmed veto 不合格 and counts its checklist as 0', () => {
    expect(evaluateMember({ democratic: 10000, checklist: 10000, mass: 10000 }, true, RULES_2026)).toEqual({
      composite: 7000, grade: 'unqualified', vetoed: true, gradeReason: { kind: 'veto' },
    });
  });
});

describe('excellent share warning (default one third)', () => {
  it.each([
    [1, 3, false], [2, 3, true], [4, 12, false], [5, 12, true], [2, 5, true], [0, 0, false], [0, 10, false], [10, 30, false], [11, 30, true],
  ])('%i of %i 优秀 → warning %s', (excellent, members, warned) => {
    expect(excellentShareWarning(excellent, members, RULES_2026) !== undefined).toBe(warned);
  });

  it('says how many the limit allows', () => {
    expect(excellentShareWarning(5, 12, RULES_2026)).toEqual({
      code: 'EXCELLENT_SHARE_EXCEEDED', excellent: 5, members: 12, limit: { numerator: 1, denominator: 3 }, allowed: 4,
    });
    expect(allowedExcellent(35, { numerator: 1, denominator: 3 })).toBe(11);
  });

  it('evaluates a branch and warns on it', () => {
    const member = (memberId: string, score: number, vetoed = false) => ({ memberId, democratic: score, checklist: score, mass: score, vetoed });
    const branch = evaluateBranch([member('a', 9500), member('b', 9000), member('c', 8000), member('d', 9900, true), member('e', 7000)], RULES_2026);
    expect(branch.results.map((r) => r.grade)).toEqual(['excellent', 'excellent', 'qualified', 'unqualified', 'basicallyQualified']);
    expect(branch.excellentCount).toBe(2);
    expect(branch.warning).toMatchObject({ excellent: 2, members: 5, allowed: 1 });
    const calm = evaluateBranch([member('a', 9500), member('b', 8000), member('c', 8000)], RULES_2026);
    expect(calm.warning).toBeUndefined();
  });
});

describe('previewEvaluation (what-if)', () => {
  it('shows the final result once both scores are entered', () => {
    const preview = previewEvaluation(RULES_2026, { checklist: 9000, vetoed: false, democratic: 9000, mass: 9000 });
    expect(preview.evaluation).toMatchObject({ composite: 9000, grade: 'excellent' });
    expect(preview.needed).toBeUndefined();
  });

  it('gives the range and the lowest missing score for each grade', () => {
    const preview = previewEvaluation(RULES_2026, { checklist: 8000, vetoed: false, democratic: 9200 });
    expect(preview.evaluation).toBeUndefined();
    expect(preview.lowest.composite).toBe(4600 + 2400);
    expect(preview.highest.composite).toBe(4600 + 2400 + 2000);
    // 优秀 needs 20 more from mass at 20%: 99.98 gives 89.996, which rounds half up to 90.00; 合格
    // likewise needs 24.98 (74.996 → 75.00); 基本合格 is reached already.
    expect(preview.needed).toEqual({
      component: 'mass',
      byGrade: { excellent: 9998, qualified: 2498, basicallyQualified: 0, unqualified: 0 },
    });
  });

  it('finds the exact lowest value where rounding decides', () => {
    const preview = previewEvaluation(RULES_2026, { checklist: 9000, vetoed: false, mass: 9000 });
    // 0.5 × d + 45 ≥ 89.995 → d ≥ 89.99 once rounded half up.
    expect(preview.needed?.component).toBe('democratic');
    expect(preview.needed?.byGrade.excellent).toBe(8999);
  });

  it('marks grades out of reach', () => {
    expect(previewEvaluation(RULES_2026, { checklist: 2000, vetoed: false, democratic: 5000 }).needed?.byGrade.excellent).toBeNull();
    const vetoed = previewEvaluation(RULES_2026, { checklist: 10000, vetoed: true, democratic: 10000 });
    expect(vetoed.needed?.byGrade).toEqual({ excellent: null, qualified: null, basicallyQualified: null, unqualified: 0 });
  });

  it('previews the branch warning this entry would cause', () => {
    const others: Grade[] = ['excellent', 'qualified', 'qualified'];
    const input = { checklist: 9500, vetoed: false, democratic: 9500, mass: 9500 };
    expect(previewEvaluation(RULES_2026, input, { otherGrades: others }).branchWarning).toMatchObject({ excellent: 2, members: 4 });
    expect(previewEvaluation(RULES_2026, { ...input, mass: 5000 }, { otherGrades: others }).branchWarning).toBeUndefined();
  });
});
