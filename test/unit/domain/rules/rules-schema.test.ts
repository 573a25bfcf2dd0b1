// The rules schema accepts the default catalog and rejects each broken invariant with a clear issue.
import { describe, expect, it } from 'vitest';
import { buildDefaultRules } from '../../../../src/domain/rules/default-rules.js';
import { RulesDefinition, rulesVersionId, type RulesDefinitionInput } from '../../../../src/domain/rules/rules-schema.js';

/** A deep copy of the default rules as raw input, to break one thing at a time. */
function input(year = 2026): RulesDefinitionInput {
  return structuredClone(buildDefaultRules(year)) as RulesDefinitionInput;
}

function issuesOf(value: unknown): string[] {
  const result = RulesDefinition.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('buildDefaultRules', () => {
  it('encodes the product.md §3 catalog and §5 defaults', () => {
    const rules = buildDefaultRules(2026);
    expect(rules.basic.map((b) => [b.code, b.yearlyQuota])).toEqual([['B1', 20], ['B2', 20], ['B3', 20]]);
    expect(rules.vanguard.roles.map((r) => [r.code, r.name, r.yearlyCap])).toEqual([
      ['V1', '宣传员', 10], ['V2', '安全员', 10], ['V3', '成本员', 10], ['V4', '技术员', 10],
    ]);
    expect(rules.vanguard.yearlyTotalCap).toBe(40);
    expect(rules.vetoes.map((v) => v.code)).toEqual(['X1', 'X2', 'X3']);
    const hazard = rules.vanguard.roles[1]?.activities.find((a) => a.code === 'V2-HAZARD');
    expect(hazard).toMatchObject({ name: '发现并处置隐患', pointsPerUnit: 0.5, monthlyCap: 5, unitSize: 1 });
    const saving = rules.vanguard.roles[2]?.activities.find((a) => a.code === 'V3-SAVING');
    expect(saving).toMatchObject({ pointsPerUnit: 1, unitSize: 10000, unitLabel: '元' });
    expect(rules.deductions.map((d) => [d.code, d.item, d.points])).toEqual([
      ['B1-ABSENCE', 'B1', 2], ['B2-DUES', 'B2', 1], ['B2-STUDY', 'B2', 1], ['B3-TASK', 'B3', 2],
    ]);
    expect(rules.evaluation).toEqual({
      weights: { democratic: 50, checklist: 30, mass: 20 },
      grades: { excellent: 90, qualified: 75, basicallyQualified: 60 },
      excellentShareLimit: { numerator: 1, denominator: 3 },
    });
    expect(rules.pledgeWindow).toEqual({ start: { month: 1, day: 1 }, end: { month: 2, day: 'last' } });
    expect(rules.effectiveFrom).toBe('2026-01-01');
    expect(rulesVersionId(rules)).toBe('2026.1');
  });

  it('fills defaults for omitted quotas, caps, weights and window', () => {
    const raw = input() as Record<string, unknown> & { basic: { yearlyQuota?: number }[] };
    delete raw.evaluation;
    delete raw.pledgeWindow;
    for (const item of raw.basic) delete item.yearlyQuota;
    const parsed = RulesDefinition.parse(raw);
    expect(parsed.basic.every((b) => b.yearlyQuota === 20)).toBe(true);
    expect(parsed.evaluation.weights).toEqual({ democratic: 50, checklist: 30, mass: 20 });
    expect(parsed.evaluation.grades).toEqual({ excellent: 90, qualified: 75, basicallyQualified: 60 });
    expect(parsed.pledgeWindow.end).toEqual({ month: 2, day: 'last' });
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each mutator reaches into nested input freely
type Breaker = (rules: any) => void;

const broken: [string, Breaker, RegExp][] = [
  ['duplicate activity code', (r) => { r.vanguard.roles[0].activities[1].code = 'V1-TALK'; }, /duplicate code V1-TALK/],
  ['duplicate deduction code', (r) => { r.deductions[1].code = 'B1-ABSENCE'; }, /duplicate code B1-ABSENCE/],
  ['duplicate role code', (r) => { r.vanguard.roles[1].code = 'V1'; }, /duplicate code V1/],
  ['alias shared by two activities', (r) => { r.vanguard.roles[0].activities[0].aliases.push('隐患'); }, /"隐患" names more than one/],
  ['alias equal to another name, full-width', (r) => { r.vanguard.roles[3].activities[0].aliases.push('ＨＡＺＡＲＤ'); }, /"hazard"/],
  ['weights not adding to 100', (r) => { r.evaluation.weights.mass = 25; }, /add up to 105/],
  ['thresholds not descending', (r) => { r.evaluation.grades.qualified = 90; }, /must descend/],
  ['equal lower thresholds', (r) => { r.evaluation.grades.basicallyQualified = 75; }, /must descend/],
  ['points with three decimals', (r) => { r.vanguard.roles[1].activities[0].pointsPerUnit = 0.125; }, /two decimals/],
  ['zero points per unit', (r) => { r.vanguard.roles[1].activities[0].pointsPerUnit = 0; }, /greater than 0/],
  ['negative quota', (r) => { r.basic[0].yearlyQuota = -1; }, /basic\.0\.yearlyQuota/],
  ['effectiveFrom outside the year', (r) => { r.effectiveFrom = '2025-12-31'; }, /outside year 2026/],
  ['effectiveFrom not a date', (r) => { r.effectiveFrom = '2026-02-30'; }, /existing date/],
  ['only two roles', (r) => { r.vanguard.roles.pop(); }, /vanguard\.roles/],
  ['unknown veto code', (r) => { r.vetoes[0].code = 'X9'; }, /vetoes\.0\.code/],
  ['deduction on a vanguard item', (r) => { r.deductions[0].item = 'V1'; }, /deductions\.0\.item/],
  ['share above 1', (r) => { r.evaluation.excellentShareLimit = { numerator: 4, denominator: 3 }; }, /cannot exceed 1/],
  ['star share of zero', (r) => { r.stars.selection = { mode: 'share', share: { numerator: 0, denominator: 3 } }; }, /selects nobody/],
  ['pledge window reversed', (r) => { r.pledgeWindow = { start: { month: 3, day: 1 }, end: { month: 2, day: 'last' } }; }, /ends before it starts/],
  ['pledge window on 30 February', (r) => { r.pledgeWindow = { start: { month: 1, day: 1 }, end: { month: 2, day: 30 } }; }, /no day 30 in month 2/],
  ['lower-case activity code', (r) => { r.vanguard.roles[0].activities[0].code = 'v1-talk'; }, /A-Z/],
  ['threshold above 100', (r) => { r.evaluation.grades.excellent = 101; }, /0–100/],
];

describe('RulesDefinition invariants', () => {
  it('accepts the default rules unchanged', () => {
    expect(issuesOf(input())).toEqual([]);
  });

  it.each(broken)('rejects %s', (_name, breakIt, expected) => {
    const raw = input();
    breakIt(raw);
    const issues = issuesOf(raw);
    expect(issues.join('\n')).toMatch(expected);
  });

  it('allows 29 February in the pledge window (clamped in common years later)', () => {
    const raw = input();
    raw.pledgeWindow = { start: { month: 1, day: 1 }, end: { month: 2, day: 29 } };
    expect(issuesOf(raw)).toEqual([]);
  });
});
