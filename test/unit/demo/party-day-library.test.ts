// The seeded party-day library: the named series of product.md §6 in their categories, with complete plans.
import { describe, expect, it } from 'vitest';
import { PARTY_DAY_CATEGORIES, PARTY_DAY_LIBRARY } from '../../../src/domain/party-days/party-day-library.js';

const NAMED: Record<keyof typeof PARTY_DAY_CATEGORIES, string[]> = {
  SERVING_PRODUCTION: ['党员难题攻关', '党员身边无三违', '党员突击队'],
  THEMED_EDUCATION: ['学思想强党性重实践建新功', '凝心聚力促生产'],
  IDEOLOGICAL_EDUCATION: ['过政治生日', '岗位讲述', '红色教育行'],
  SERVING_MASSES: ['做一天调查员', '机关党员下一线', '联点帮扶', '慰问困难党员群众'],
};

describe('party-day library seed', () => {
  it('holds every series product.md names, in its category', () => {
    for (const [category, names] of Object.entries(NAMED)) {
      for (const name of names) expect(PARTY_DAY_LIBRARY.find((s) => s.name === name)?.category, name).toBe(category);
    }
    expect(new Set(PARTY_DAY_LIBRARY.map((s) => s.category))).toEqual(new Set(Object.keys(PARTY_DAY_CATEGORIES)));
  });

  it('has unique series codes and names, and unique plan codes prefixed by their series', () => {
    expect(new Set(PARTY_DAY_LIBRARY.map((s) => s.code)).size).toBe(PARTY_DAY_LIBRARY.length);
    expect(new Set(PARTY_DAY_LIBRARY.map((s) => s.name)).size).toBe(PARTY_DAY_LIBRARY.length);
    const plans = PARTY_DAY_LIBRARY.flatMap((s) => s.plans.map((p) => ({ series: s.code, code: p.code })));
    expect(new Set(plans.map((p) => p.code)).size).toBe(plans.length);
    for (const p of plans) expect(p.code.startsWith(`${p.series}-`)).toBe(true);
  });

  it('gives each series at least two complete plans', () => {
    for (const series of PARTY_DAY_LIBRARY) {
      expect(series.plans.length, series.name).toBeGreaterThanOrEqual(2);
      for (const plan of series.plans) {
        expect(plan.title.trim()).not.toBe('');
        expect(plan.theme.trim()).not.toBe('');
        expect(plan.goals.length).toBeGreaterThanOrEqual(2);
        expect(plan.steps.length).toBeGreaterThanOrEqual(4);
        expect(plan.materials.length).toBeGreaterThanOrEqual(2);
        expect(plan.durationMinutes).toBeGreaterThan(0);
      }
    }
  });
});
