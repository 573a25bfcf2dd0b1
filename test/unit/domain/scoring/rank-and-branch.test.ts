// Branch ranking with the competition tie rule, and branch aggregates for digests.
import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../../../src/domain/periods/period-key.js';
import { aggregateBranch } from '../../../../src/domain/scoring/branch-aggregates.js';
import { rankMembers } from '../../../../src/domain/scoring/rank.js';
import { scorePeriod } from '../../../../src/domain/scoring/score-period.js';
import { RULES_2026, approveAll, claimOf, deduction } from '../fixtures.js';

const ranks = (scores: [string, number][]) =>
  rankMembers(scores.map(([memberId, score]) => ({ memberId, score }))).map((r) => [r.memberId, r.rank, r.tiedCount]);

describe('rankMembers', () => {
  it.each<[string, [string, number][], (string | number)[][]]>([
    ['no ties', [['a', 9000], ['b', 8000], ['c', 7000]], [['a', 1, 1], ['b', 2, 1], ['c', 3, 1]]],
    ['a tie at the top skips the next rank (1,1,3)', [['a', 9500], ['b', 9000], ['c', 9500]], [['a', 1, 2], ['c', 1, 2], ['b', 3, 1]]],
    ['a tie in the middle (1,2,2,4)', [['d', 6000], ['c', 8000], ['b', 8000], ['a', 9000]], [['a', 1, 1], ['b', 2, 2], ['c', 2, 2], ['d', 4, 1]]],
    ['everyone tied', [['z', 6000], ['y', 6000], ['x', 6000]], [['x', 1, 3], ['y', 1, 3], ['z', 1, 3]]],
    ['one hundredth apart is not a tie', [['a', 8999], ['b', 9000]], [['b', 1, 1], ['a', 2, 1]]],
    ['empty branch', [], []],
  ])('%s', (_name, input, expected) => {
    expect(ranks(input)).toEqual(expected);
  });

  it('does not depend on input order', () => {
    const input: [string, number][] = [['a', 5], ['b', 7], ['c', 5], ['d', 9], ['e', 7]];
    expect(ranks([...input].reverse())).toEqual(ranks(input));
  });
});

describe('aggregateBranch', () => {
  const year = parsePeriodKey('2026-03');
  const ledger = [
    ...approveAll([claimOf('V2-HAZARD', 4, '2026-03-02', { memberId: 'm1' }), claimOf('V1-TALK', 1, '2026-03-03', { memberId: 'm1' })]),
    ...approveAll([claimOf('V4-PROBLEM', 1, '2026-03-04', { memberId: 'm2' })]),
    deduction('B1-ABSENCE', '2026-03-10', 1, 'm3'),
  ];
  const scores = ['m1', 'm2', 'm3'].map((memberId) => scorePeriod(ledger, RULES_2026, year, { memberId }));

  it('sums the members’ own figures', () => {
    const aggregate = aggregateBranch('2026-03', scores, RULES_2026);
    expect(aggregate).toMatchObject({
      memberCount: 3,
      participants: 2,
      participationPercent: 6667, // 2/3 = 66.666…% rounds half up to 66.67%
      totalPoints: 400 + 300 - 200,
      averagePeriodPoints: 167, // 5.00 / 3 = 1.666… → 1.67
      pointsByRole: { V1: 200, V2: 200, V3: 0, V4: 300 },
    });
    // Standings: 64.00, 63.00, 58.00 → average 61.67.
    expect(aggregate.averageChecklist).toBe(6167);
    expect(aggregate.distribution.map((b) => [b.band, b.min, b.count])).toEqual([
      ['excellent', 9000, 0], ['qualified', 7500, 0], ['basicallyQualified', 6000, 2], ['unqualified', 0, 1],
    ]);
  });

  it('reports an empty branch as zeros, not NaN', () => {
    expect(aggregateBranch('2026-03', [], RULES_2026)).toMatchObject({ memberCount: 0, participationPercent: 0, averageChecklist: 0 });
  });
});
