// The demo year of activity: deterministic, inside its window, consistent with the roster and with the rules.
import { describe, expect, it } from 'vitest';
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';
import { generateDemo, planDemo } from '../../../src/demo/generate-demo.js';
import type { DemoBranchActivity } from '../../../src/demo/demo-types.js';

const options = { seed: 7, scale: 1, asOf: '2026-11-28', rulesFor: buildDefaultRules };
const { plan, activities } = generateDemo(options);
type RowLists = Omit<DemoBranchActivity, 'branchCode'>;
function all<K extends keyof RowLists>(key: K): RowLists[K][number][] {
  return activities.flatMap((a) => [...a[key]] as RowLists[K][number][]);
}
const membersByNo = new Map(plan.organisation.members.map((m) => [m.employeeNo, m]));
const hundredths = (points: string) => Math.round(Number(points) * 100);

describe('generateDemo', () => {
  it('is identical for the same seed, and streaming gives what generating at once gives', () => {
    expect(generateDemo(options)).toEqual({ plan: expect.anything(), activities });
    expect([...planDemo(options).branchActivities()]).toEqual(activities);
    const other = generateDemo({ ...options, seed: 8 }).activities;
    expect(other.map((a) => a.claims.length)).not.toEqual(activities.map((a) => a.claims.length));
  });

  it('covers the year up to asOf and needs the rules of both calendar years', () => {
    expect(plan.from).toBe('2025-11-29');
    expect(plan.years).toEqual([2025, 2026]);
    for (const c of all('claims')) expect(c.activityDate >= plan.from && c.activityDate <= plan.asOf).toBe(true);
    for (const d of all('deductions')) expect(d.occurredOn >= plan.from && d.occurredOn < plan.asOf).toBe(true);
  });

  it('has a year of claims in every state, at a plausible volume', () => {
    const claims = all('claims');
    expect(claims.length).toBeGreaterThan(3000);
    const states = new Set(claims.map((c) => c.status));
    for (const s of ['APPROVED', 'PENDING', 'RETURNED', 'WITHDRAWN']) expect(states).toContain(s);
    expect(new Set(claims.map((c) => c.key)).size).toBe(claims.length);
  });

  it('keeps records with the member’s branch, and nobody reviews their own', () => {
    for (const a of activities) {
      for (const c of a.claims) {
        expect(membersByNo.get(c.memberNo)?.branchCode).toBe(a.branchCode);
        expect(c.reviewerNo).not.toBe(c.memberNo);
        expect(c.reviewerNo !== null).toBe(c.status === 'APPROVED' || c.status === 'RETURNED');
        if (c.status === 'RETURNED') expect(c.reviewComment).toBeTruthy();
      }
      for (const p of a.pledges) expect(p.reviewerNo).not.toBe(p.memberNo);
      for (const d of a.deductions) expect(d.createdByNo).not.toBe(d.memberNo);
    }
  });

  it('writes one ledger entry per approved claim and deduction, with unique keys', () => {
    const ledger = all('ledger');
    expect(new Set(ledger.map((e) => e.key)).size).toBe(ledger.length);
    const claimEntries = ledger.filter((e) => e.cause === 'CLAIM').map((e) => e.claimKey);
    expect(claimEntries.sort()).toEqual(all('claims').filter((c) => c.status === 'APPROVED').map((c) => c.key).sort());
    expect(ledger.filter((e) => e.cause === 'DEDUCTION')).toHaveLength(all('deductions').length);
  });

  it('reverses exactly the deductions whose objection was upheld', () => {
    const upheld = all('objections').filter((o) => o.status === 'UPHELD').map((o) => o.deductionKey).sort();
    expect(all('deductions').filter((d) => d.status === 'REVERSED').map((d) => d.key).sort()).toEqual(upheld);
    const reversals = all('ledger').filter((e) => e.cause === 'REVERSAL');
    expect(reversals.map((e) => e.deductionKey).sort()).toEqual(upheld);
    for (const r of reversals) expect(hundredths(r.points)).toBeGreaterThan(0);
  });

  it('never credits more than the caps: 10 per role and 40 in all per member and year', () => {
    const perRole = new Map<string, number>();
    const perMember = new Map<string, number>();
    for (const e of all('ledger').filter((x) => x.cause === 'CLAIM')) {
      const year = e.occurredOn.slice(0, 4);
      perRole.set(`${e.memberNo}|${e.itemCode}|${year}`, (perRole.get(`${e.memberNo}|${e.itemCode}|${year}`) ?? 0) + hundredths(e.points));
      perMember.set(`${e.memberNo}|${year}`, (perMember.get(`${e.memberNo}|${year}`) ?? 0) + hundredths(e.points));
      expect(hundredths(e.points)).toBeLessThanOrEqual(hundredths(e.requestedPoints));
      if (hundredths(e.points) < hundredths(e.requestedPoints)) expect(e.capNote).not.toBeNull();
    }
    expect(Math.max(...perRole.values())).toBeLessThanOrEqual(1000);
    expect(Math.max(...perMember.values())).toBeLessThanOrEqual(4000);
  });

  it('acts out the field examples: the 800-hazard safety officer and the 2.4-million-yuan cost officer', () => {
    const hazards = all('claims').filter((c) => c.branchCode === 'B04' && c.description.includes('隐患随手拍'));
    expect(hazards.reduce((s, c) => s + Number(c.quantity), 0)).toBeGreaterThanOrEqual(800);
    const saving = all('claims').find((c) => c.quantity === '2400000.00');
    expect(saving?.description).toContain('385口');
  });

  it('has pledges with progress and about 2,800 volunteer turns a year', () => {
    expect(all('pledges').length).toBeGreaterThan(700);
    expect(all('progress').length).toBeGreaterThan(500);
    for (const p of all('progress')) expect(p.percent).toBeGreaterThanOrEqual(0);
    expect(all('volunteer').length).toBeGreaterThan(2400);
    expect(all('volunteer').length).toBeLessThan(3300);
    const evaluated = all('pledges').filter((p) => p.fulfilment !== 'NONE');
    for (const p of evaluated) expect(p.year).toBeLessThan(2026);
  });
});
