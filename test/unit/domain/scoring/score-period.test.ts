// Period scores come from the ledger alone: movement in the period, standing at its end, vetoes, and
// history that later rules cannot rewrite.
import { describe, expect, it } from 'vitest';
import { evaluateMember } from '../../../../src/domain/evaluation/composite.js';
import { buildAdjustment, buildReversal } from '../../../../src/domain/ledger/ledger-builders.js';
import { parsePeriodKey } from '../../../../src/domain/periods/period-key.js';
import { localDateOf } from '../../../../src/domain/periods/zoned-time.js';
import { scorePeriod } from '../../../../src/domain/scoring/score-period.js';
import { decideVeto, type VetoCase } from '../../../../src/domain/veto/veto-case.js';
import { RULES_2026, RULES_2027, approveAll, claimOf, deduction, meta, rulesWith } from '../fixtures.js';

const p = parsePeriodKey;

describe('scorePeriod', () => {
  it('starts a member with no entries at the full basic quota', () => {
    const score = scorePeriod([], RULES_2026, p('2026'), { memberId: 'm1' });
    expect(score.standing).toMatchObject({ basicRemaining: { B1: 2000, B2: 2000, B3: 2000 }, vanguard: 0, checklistScore: 6000, vetoed: false });
    expect(score.movement.total).toBe(0);
    expect(score.memberId).toBe('m1');
    expect(() => scorePeriod([], RULES_2026, p('2026'))).toThrow(expect.objectContaining({ code: 'INVALID_LEDGER_ENTRY' }));
  });

  it('counts a claim made at 2026-03-31T16:30Z in April and Q2, not March or Q1', () => {
    const occurredOn = localDateOf(new Date('2026-03-31T16:30:00Z'));
    const ledger = approveAll([claimOf('V1-TALK', 1, occurredOn)]);
    expect(scorePeriod(ledger, RULES_2026, p('2026-04')).movement.total).toBe(200);
    expect(scorePeriod(ledger, RULES_2026, p('2026-Q2')).movement.total).toBe(200);
    expect(scorePeriod(ledger, RULES_2026, p('2026-03')).movement.total).toBe(0);
    expect(scorePeriod(ledger, RULES_2026, p('2026-Q1')).movement.total).toBe(0);
    expect(scorePeriod(ledger, RULES_2026, p('2026-03')).standing.checklistScore).toBe(6000);
    expect(scorePeriod(ledger, RULES_2026, p('2026-04')).standing.checklistScore).toBe(6200);
  });

  it('separates movement in the period from the standing at its end', () => {
    const ledger = [
      ...approveAll([claimOf('V2-HAZARD', 4, '2026-01-10'), claimOf('V1-TALK', 1, '2026-02-03'), claimOf('V4-PROBLEM', 1, '2026-05-01')]),
      deduction('B1-ABSENCE', '2026-02-20'),
    ];
    const feb = scorePeriod(ledger, RULES_2026, p('2026-02'));
    expect(feb.movement).toMatchObject({ total: 0, vanguard: 200, basic: -200, claimCount: 1, deductionCount: 1 });
    expect(feb.movement.byItem).toMatchObject({ V1: 200, B1: -200, V2: 0 });
    expect(feb.standing).toMatchObject({ basicRemaining: { B1: 1800, B2: 2000, B3: 2000 }, vanguardByRole: { V1: 200, V2: 200, V3: 0, V4: 0 }, vanguard: 400 });
    expect(feb.standing.checklistScore).toBe(6200); // 58 basic + 4 vanguard; May's claim not yet counted
    expect(scorePeriod(ledger, RULES_2026, p('2026')).standing.checklistScore).toBe(6500);
  });

  it('floors each basic item at 0', () => {
    const ledger = Array.from({ length: 12 }, (_, i) => deduction('B1-ABSENCE', `2026-${String(i + 1).padStart(2, '0')}-15`));
    const score = scorePeriod(ledger, RULES_2026, p('2026'));
    expect(score.movement.byItem.B1).toBe(-2400);
    expect(score.standing.basicRemaining.B1).toBe(0);
    expect(score.standing.checklistScore).toBe(4000);
  });

  it('reaches 100 with full quotas and full vanguard caps, and no further', () => {
    const claims = ['V1-TALK', 'V2-EMERGENCY', 'V3-IMPROVEMENT', 'V4-PROBLEM'].flatMap((code) =>
      Array.from({ length: 6 }, (_, i) => claimOf(code, 1, `2026-0${i + 1}-10`)),
    );
    const ledger = approveAll(claims);
    const score = scorePeriod(ledger, RULES_2026, p('2026'));
    expect(score.standing.vanguard).toBe(4000);
    expect(score.standing.checklistScore).toBe(10000);
    const bonus = buildAdjustment(RULES_2026, { memberId: 'm1', branchId: 'b1', itemCode: 'B2', points: 500, occurredOn: '2026-07-01', reason: '表彰' }, meta());
    expect(scorePeriod([...ledger, bonus], RULES_2026, p('2026')).standing.checklistScore).toBe(10000);
  });

  it('caps the checklist score at 100 when quotas and caps add up to more', () => {
    const generous = rulesWith(2026, (r) => { for (const item of r.basic) item.yearlyQuota = 30; });
    const ledger = approveAll([claimOf('V1-TALK', 5, '2026-01-10'), claimOf('V4-PROBLEM', 4, '2026-02-10')], [], [generous]);
    expect(scorePeriod(ledger, generous, p('2026')).standing).toMatchObject({ vanguard: 2000, checklistScore: 10000 });
    expect(scorePeriod([], generous, p('2026'), { memberId: 'm1' }).standing.checklistScore).toBe(9000);
  });

  it('undoes an approved claim with a reversal in the period it counted in', () => {
    const ledger = approveAll([claimOf('V2-HAZARD', 6, '2026-03-05'), claimOf('V1-TALK', 1, '2026-03-06')]);
    const reversal = buildReversal(ledger[0]!, ledger, { id: 'rev', createdAt: new Date('2026-05-01T00:00:00Z'), reason: '照片与现场不符' });
    const after = [...ledger, reversal];
    const march = scorePeriod(after, RULES_2026, p('2026-03'));
    expect(march.movement).toMatchObject({ total: 200, claimCount: 1, vanguardByRole: { V2: 0, V1: 200 } });
    expect(march.standing.checklistScore).toBe(6200);
    expect(scorePeriod(after, RULES_2026, p('2026-05')).movement.total).toBe(0);
  });

  it('skips other members when a member id is given, and refuses mixed entries otherwise', () => {
    const mine = approveAll([claimOf('V1-TALK', 1, '2026-03-06')]);
    const theirs = approveAll([claimOf('V1-TALK', 2, '2026-03-06', { memberId: 'm2' })]);
    expect(scorePeriod([...mine, ...theirs], RULES_2026, p('2026'), { memberId: 'm2' }).movement.total).toBe(400);
    expect(() => scorePeriod([...mine, ...theirs], RULES_2026, p('2026'))).toThrow(expect.objectContaining({ code: 'INVALID_LEDGER_ENTRY' }));
  });

  it('refuses rules of another year', () => {
    expect(() => scorePeriod([], RULES_2027, p('2026-05'), { memberId: 'm1' })).toThrow(expect.objectContaining({ code: 'RULES_YEAR_MISMATCH' }));
  });
});

describe('one-vote veto', () => {
  const ledger = approveAll([claimOf('V1-TALK', 3, '2026-02-01'), claimOf('V3-IMPROVEMENT', 2, '2026-04-01')]);
  const proposal: VetoCase = { id: 'v1', memberId: 'm1', branchId: 'b1', vetoCode: 'X3', occurredOn: '2026-06-15', status: 'proposed' };
  const scores = { democratic: 9500, mass: 9500 };

  it('leaves the score untouched when a proposal is rejected', () => {
    const before = scorePeriod(ledger, RULES_2026, p('2026'));
    const outcome = decideVeto(proposal, { type: 'reject', reason: '经核实不属实' }, 'admin', RULES_2026, meta());
    expect(outcome.case.status).toBe('rejected');
    expect(outcome.entry).toBeUndefined();
    const after = scorePeriod(ledger, RULES_2026, p('2026'));
    expect(after).toEqual(before);
    expect(after.standing).toMatchObject({ checklistScore: 7000, vetoed: false });
    expect(evaluateMember({ ...scores, checklist: after.standing.checklistScore }, after.standing.vetoed, RULES_2026).grade).toBe('qualified');
  });

  it('sets the checklist score to 0 and the grade to 不合格 when confirmed', () => {
    const { entry } = decideVeto(proposal, { type: 'confirm' }, 'admin', RULES_2026, meta());
    const year = scorePeriod([...ledger, entry!], RULES_2026, p('2026'));
    expect(year.standing).toMatchObject({ checklistScore: 0, vetoed: true, vetoItems: ['X3'] });
    const evaluation = evaluateMember({ ...scores, checklist: 10000 }, year.standing.vetoed, RULES_2026);
    expect(evaluation).toMatchObject({ grade: 'unqualified', gradeReason: { kind: 'veto' } });
    // Months before the conduct keep their standing; from its month on the year is vetoed.
    expect(scorePeriod([...ledger, entry!], RULES_2026, p('2026-05')).standing.vetoed).toBe(false);
    expect(scorePeriod([...ledger, entry!], RULES_2026, p('2026-06')).standing.checklistScore).toBe(0);
  });

  it('restores the score when a confirmed veto is overturned by a reversal', () => {
    const { entry } = decideVeto(proposal, { type: 'confirm' }, 'admin', RULES_2026, meta());
    const overturn = buildReversal(entry!, [entry!], { ...meta(), reason: '申诉成立' });
    expect(scorePeriod([...ledger, entry!, overturn], RULES_2026, p('2026')).standing).toMatchObject({ vetoed: false, checklistScore: 7000 });
  });
});

describe('rules versions per year', () => {
  it('does not change any 2026 score when 2027 rules change points', () => {
    const rules2027 = rulesWith(2027, (r) => {
      for (const role of r.vanguard.roles) for (const a of role.activities) a.pointsPerUnit = 9;
      r.basic[0]!.yearlyQuota = 10;
      r.deductions[0]!.points = 5;
    });
    const claims = [claimOf('V2-HAZARD', 4, '2026-12-31'), claimOf('V1-TALK', 1, '2026-06-01')];
    const only2026 = approveAll(claims, [], [RULES_2026]);
    const withBoth = approveAll(claims, [], [RULES_2026, rules2027]);
    const entries2027 = approveAll([claimOf('V2-HAZARD', 4, '2027-01-01')], withBoth, [RULES_2026, rules2027]);
    expect(withBoth.map((e) => [e.rulesVersion, e.pointsCredited])).toEqual(only2026.map((e) => [e.rulesVersion, e.pointsCredited]));
    expect(entries2027.at(-1)).toMatchObject({ rulesVersion: '2027.1', pointsCredited: 500 });
    const score2026 = scorePeriod([...entries2027, deduction('B1-ABSENCE', '2026-12-01')], RULES_2026, p('2026'));
    expect(score2026.standing.checklistScore).toBe(6000 - 200 + 400);
    expect(score2026.movement.total).toBe(200 + 200 - 200);
  });
});
