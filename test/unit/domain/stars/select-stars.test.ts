// 党员之星 candidates: no veto, no deduction, top of the branch, every "四优" component at its bar.
import { describe, expect, it } from 'vitest';
import { selectStarCandidates, starSlots, type StarInput } from '../../../../src/domain/stars/select-stars.js';
import { RULES_2026, rulesWith } from '../fixtures.js';

const good = { political: 9000, jobSkill: 9000, performance: 9000, mass: 9000 };
const member = (memberId: string, score: number, extra: Partial<StarInput> = {}): StarInput => ({
  memberId, branchId: 'b1', score, vetoed: false, hasDeduction: false, components: good, ...extra,
});
const byCount = (count: number, rankAmong: 'all' | 'eligible' = 'all') =>
  rulesWith(2026, (r) => { r.stars.selection = { mode: 'count', count }; r.stars.rankAmong = rankAmong; });
const candidates = (members: StarInput[], rules = byCount(1)) =>
  selectStarCandidates(members, rules).filter((d) => d.candidate).map((d) => d.memberId);

describe('starSlots', () => {
  it.each([[0, 0], [5, 1], [10, 1], [19, 1], [20, 2], [35, 3]])('one per ten members: %i members → %i slots', (members, slots) => {
    expect(starSlots(members, RULES_2026)).toBe(slots);
  });

  it('uses a fixed count when configured', () => {
    expect(starSlots(35, byCount(2))).toBe(2);
  });
});

describe('selectStarCandidates', () => {
  it('picks the top member who meets every bar', () => {
    expect(candidates([member('a', 9500), member('b', 9000)])).toEqual(['a']);
  });

  it.each([
    ['a veto', { vetoed: true }, { code: 'VETO' }],
    ['a deduction in the period', { hasDeduction: true }, { code: 'DEDUCTION' }],
    ['a component below its bar', { components: { ...good, mass: 8499 } }, { code: 'COMPONENT_BELOW', component: 'mass', score: 8499, min: 8500 }],
    ['a missing component', { components: { political: 9000, jobSkill: 9000, performance: 9000 } }, { code: 'COMPONENT_BELOW', component: 'mass', score: null, min: 8500 }],
  ])('excludes the top member for %s and says why', (_name, extra, exclusion) => {
    const decisions = selectStarCandidates([member('a', 9500, extra), member('b', 9000)], byCount(1));
    expect(decisions[0]).toMatchObject({ memberId: 'a', rank: 1, candidate: false });
    expect(decisions[0]?.exclusions).toContainEqual(exclusion);
    expect(decisions[1]).toMatchObject({ memberId: 'b', candidate: false, exclusions: [{ code: 'NOT_TOP', rank: 2, slots: 1 }] });
  });

  it('accepts a component exactly at its bar', () => {
    expect(candidates([member('a', 9500, { components: { ...good, political: 8500 } })])).toEqual(['a']);
  });

  it('lets the next member in when ranking among eligible members only', () => {
    expect(candidates([member('a', 9500, { hasDeduction: true }), member('b', 9000)], byCount(1, 'eligible'))).toEqual(['b']);
  });

  it('includes everyone tied at the last slot', () => {
    expect(candidates([member('a', 9500), member('b', 9500), member('c', 9000)])).toEqual(['a', 'b']);
  });

  it('ranks each branch separately', () => {
    const members = [member('a', 9500), member('b', 9000), member('x', 8000, { branchId: 'b2' }), member('y', 7000, { branchId: 'b2' })];
    expect(candidates(members)).toEqual(['a', 'x']);
  });
});
