// Credited points of demo claims: the caps of the default rules, the reason kept, and order independence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';
import { creditApprovedClaims, type ClaimToCredit } from '../../../src/demo/demo-credit.js';

const rulesFor = (year: number) => buildDefaultRules(year);
let seq = 0;
function claim(activityCode: string, activityDate: string, quantity: number, memberNo = 'm1'): ClaimToCredit {
  seq += 1;
  return { key: `c${String(seq).padStart(4, '0')}`, memberNo, activityCode, activityDate, quantity, reviewedAt: new Date(`${activityDate}T10:00:00Z`) };
}

describe('creditApprovedClaims', () => {
  it('credits up to the monthly hazard cap and names it', () => {
    const a = claim('V2-HAZARD', '2026-03-02', 8);
    const b = claim('V2-HAZARD', '2026-03-20', 6);
    const credits = creditApprovedClaims([b, a], rulesFor);
    expect(credits.get(a.key)).toMatchObject({ roleCode: 'V2', requested: 400, credited: 400, capNote: null });
    expect(credits.get(b.key)).toMatchObject({ requested: 300, credited: 100 });
    expect(credits.get(b.key)?.capNote).toMatchObject({ kind: 'activityMonthly', period: '2026-03', limit: 500, used: 400, remaining: 100 });
  });

  it('starts a new month afresh', () => {
    const credits = creditApprovedClaims([claim('V2-HAZARD', '2026-03-31', 20), claim('V2-HAZARD', '2026-04-01', 20)], rulesFor);
    expect([...credits.values()].map((c) => c.credited)).toEqual([500, 500]);
  });

  it('caps the field example of 2.4 million yuan saved at the role yearly cap', () => {
    const big = claim('V3-SAVING', '2026-05-10', 2_400_000);
    const credit = creditApprovedClaims([big], rulesFor).get(big.key);
    expect(credit).toMatchObject({ requested: 24_000, credited: 1000 });
    expect(credit?.capNote).toMatchObject({ kind: 'roleYearly', itemCode: 'V3', period: '2026' });
  });

  it('gives partial units nothing (1 point per whole 10,000 yuan)', () => {
    const c = claim('V3-SAVING', '2026-05-10', 19_999);
    expect(creditApprovedClaims([c], rulesFor).get(c.key)).toMatchObject({ requested: 100, credited: 100 });
  });

  it('holds the vanguard yearly total across roles and names that cap', () => {
    // With the defaults (4 roles × 10 = 40) the total never binds, so this year's rules lower it to 25.
    const tight = (year: number) => {
      const rules = buildDefaultRules(year);
      return { ...rules, vanguard: { ...rules.vanguard, yearlyTotalCap: 25 } };
    };
    const claims = ['V1-TALK', 'V2-EMERGENCY', 'V3-IMPROVEMENT', 'V4-PROBLEM'].flatMap((code) =>
      Array.from({ length: 6 }, (_, i) => claim(code, `2026-0${i + 1}-15`, 1)),
    );
    const credits = [...creditApprovedClaims(claims, tight).values()];
    expect(credits.reduce((s, c) => s + c.credited, 0)).toBe(2500);
    expect(credits.some((c) => c.capNote?.kind === 'vanguardYearly')).toBe(true);
  });

  it('keeps each member and each year separate', () => {
    const credits = creditApprovedClaims(
      [claim('V3-SAVING', '2025-12-31', 200_000, 'a'), claim('V3-SAVING', '2026-01-01', 200_000, 'a'), claim('V3-SAVING', '2026-01-01', 200_000, 'b')],
      rulesFor,
    );
    expect([...credits.values()].map((c) => c.credited)).toEqual([1000, 1000, 1000]);
  });

  it('gives the same credits whatever order the claims arrive in', () => {
    const pool = Array.from({ length: 30 }, (_, i) =>
      claim(['V2-HAZARD', 'V3-SAVING', 'V4-PROBLEM'][i % 3] as string, `2026-0${(i % 3) + 1}-${String((i % 27) + 1).padStart(2, '0')}`, (i % 7) * 7000 + 3),
    );
    const expected = creditApprovedClaims(pool, rulesFor);
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), (shuffled) => {
        expect(creditApprovedClaims(shuffled, rulesFor)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
