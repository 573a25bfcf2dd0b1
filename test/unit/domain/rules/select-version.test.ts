// The rules version is the one in force on the activity's date, never today's.
import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../../../src/domain/periods/period-key.js';
import { findActivity, findDeduction, matchActivity } from '../../../../src/domain/rules/rules-lookup.js';
import { rulesVersionId } from '../../../../src/domain/rules/rules-schema.js';
import { assertRulesGovern, assertVersionSet, selectVersion, selectVersionForPeriod } from '../../../../src/domain/rules/select-version.js';
import { RULES_2026, RULES_2027, rulesWith } from '../fixtures.js';

const amended2026 = rulesWith(2026, (r) => {
  r.revision = 2;
  r.effectiveFrom = '2026-07-01';
});
const versions = [RULES_2027, amended2026, RULES_2026]; // deliberately unsorted

describe('selectVersion', () => {
  it.each([
    ['2026-01-01', '2026.1'],
    ['2026-06-30', '2026.1'],
    ['2026-07-01', '2026.2'],
    ['2026-12-31', '2026.2'],
    ['2027-01-01', '2027.1'],
  ])('an activity on %s uses %s', (date, expected) => {
    expect(rulesVersionId(selectVersion(versions, date))).toBe(expected);
  });

  it('has no version for a year nobody published', () => {
    expect(() => selectVersion(versions, '2025-12-31')).toThrow(expect.objectContaining({ code: 'RULES_NOT_FOUND' }));
  });

  it('has no version before the first one takes effect', () => {
    const late = rulesWith(2028, (r) => {
      r.effectiveFrom = '2028-03-01';
    });
    expect(() => selectVersion([late], '2028-02-29')).toThrow(expect.objectContaining({ code: 'RULES_NOT_FOUND' }));
  });

  it('picks the version in force on a period’s last day for its standing', () => {
    expect(rulesVersionId(selectVersionForPeriod(versions, parsePeriodKey('2026-Q2')))).toBe('2026.1');
    expect(rulesVersionId(selectVersionForPeriod(versions, parsePeriodKey('2026')))).toBe('2026.2');
  });

  it.each([
    ['the same revision twice', [RULES_2026, RULES_2026]],
    ['a later revision that takes effect earlier', [rulesWith(2026, (r) => { r.revision = 2; }), RULES_2026]],
  ])('rejects a version set with %s', (_name, set) => {
    expect(() => assertVersionSet(set)).toThrow(expect.objectContaining({ code: 'INVALID_RULES' }));
  });

  it('refuses rules of another year or not yet in force', () => {
    expect(() => assertRulesGovern(RULES_2027, '2026-12-31')).toThrow(expect.objectContaining({ code: 'RULES_YEAR_MISMATCH' }));
    expect(() => assertRulesGovern(amended2026, '2026-06-30')).toThrow(expect.objectContaining({ code: 'RULES_YEAR_MISMATCH' }));
    expect(() => assertRulesGovern(RULES_2026, '2026-06-30')).not.toThrow();
  });
});

describe('catalog lookups', () => {
  it('finds an activity and its role by code', () => {
    const { role, activity } = findActivity(RULES_2026, 'V2-HAZARD');
    expect(role.code).toBe('V2');
    expect(activity.name).toBe('发现并处置隐患');
    expect(() => findActivity(RULES_2026, 'V9-NOPE')).toThrow(expect.objectContaining({ code: 'UNKNOWN_ACTIVITY' }));
  });

  it.each([
    ['发现并处置隐患', undefined, 'V2-HAZARD'],
    ['隐患', undefined, 'V2-HAZARD'],
    ['ＨＡＺＡＲＤ', undefined, 'V2-HAZARD'], // full-width input
    [' 宣讲 ', 'V1', 'V1-TALK'],
    ['v4-problem', undefined, 'V4-PROBLEM'],
    ['隐患', 'V1', undefined], // wrong role
    ['打篮球', undefined, undefined],
  ])('matches %j (role %s) to %s', (text, role, expected) => {
    expect(matchActivity(RULES_2026, text, role)?.activity.code).toBe(expected);
  });

  it('finds deductions by code', () => {
    expect(findDeduction(RULES_2026, 'B2-DUES')).toMatchObject({ item: 'B2', points: 1 });
    expect(() => findDeduction(RULES_2026, 'B9-X')).toThrow(expect.objectContaining({ code: 'UNKNOWN_DEDUCTION' }));
  });
});
