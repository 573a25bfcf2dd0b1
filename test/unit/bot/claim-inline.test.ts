// The inline 记录 reader: role, activity (name, alias or code), quantity with its unit (万 for savings),
// an optional date, and the rest as the description; what is missing or contradictory is reported.
import { describe, expect, it } from 'vitest';
import { defaultDescription, isComplete, parseInlineClaim } from '../../../src/bot/claim-inline.js';
import { buildDefaultRules } from '../../../src/domain/rules/default-rules.js';

const rules = buildDefaultRules(2026);
const TODAY = '2026-11-28';
const read = (text: string) => parseInlineClaim(text.split(' '), rules, TODAY);

describe('parseInlineClaim', () => {
  it('reads role, activity, quantity and unit, with today as the date', () => {
    const claim = read('安全员 发现并处置隐患 3 处');
    expect(isComplete(claim)).toBe(true);
    expect(claim.role?.code).toBe('V2');
    expect(claim.activity?.code).toBe('V2-HAZARD');
    expect(claim.quantity).toBe(3);
    expect(claim.date).toBe(TODAY);
    expect(claim.description).toBe('');
    expect(defaultDescription(claim.activity!, 3)).toBe('发现并处置隐患 3 处');
  });

  it('takes an alias without the role, a glued unit, a relative or typed date, and the rest as description', () => {
    expect(read('隐患 3处 昨天 井场东侧').date).toBe('2026-11-27');
    const claim = read('隐患 3处 11-20 井场 东侧');
    expect(claim.role?.code).toBe('V2');
    expect(claim.quantity).toBe(3);
    expect(claim.date).toBe('2026-11-20');
    expect(claim.description).toBe('井场 东侧');
  });

  it('reads savings in 万 and 万元', () => {
    expect(read('成本员 节约成本 2.4万元').quantity).toBe(24_000);
    expect(read('节约成本 3 万元').quantity).toBe(30_000);
  });

  it('reports a role that does not own the activity, and anything missing', () => {
    expect(read('宣传员 发现并处置隐患 3 处').mismatch).toBe(true);
    expect(isComplete(read('宣传员 发现并处置隐患 3 处'))).toBe(false);
    expect(isComplete(read('安全员 隐患'))).toBe(false);
    expect(isComplete(read('安全员 3 处'))).toBe(false);
    expect(isComplete(read('安全员 隐患 0 处'))).toBe(false);
    expect(read('<at user_id="all"></at>').activity).toBeUndefined();
  });
});
