// Ledger entries: per-cause invariants, reversals that mirror their original, adjustments with reasons.
import { describe, expect, it } from 'vitest';
import { buildAdjustment, buildDeduction, buildReversal, buildVetoEntry } from '../../../../src/domain/ledger/ledger-builders.js';
import { parseLedgerEntry, type LedgerEntry } from '../../../../src/domain/ledger/ledger-entry.js';
import { reversedEntryIds, standingEntries } from '../../../../src/domain/ledger/ledger-queries.js';
import { RULES_2026, RULES_2027, approveAll, claimOf, meta } from '../fixtures.js';

const base = {
  id: 'x1',
  memberId: 'm1',
  branchId: 'b1',
  year: 2026,
  rulesVersion: '2026.1',
  occurredOn: '2026-03-05',
  createdAt: new Date('2026-03-06T00:00:00Z'),
};

describe('parseLedgerEntry invariants', () => {
  it.each([
    ['a claim', { cause: 'claim', itemCode: 'V2', activityCode: 'V2-HAZARD', pointsCredited: 150, pointsRequested: 150 }],
    ['a capped claim with its note', {
      cause: 'claim', itemCode: 'V2', activityCode: 'V2-HAZARD', pointsCredited: 100, pointsRequested: 150,
      capNote: { kind: 'activityMonthly', period: '2026-03', limit: 500, used: 400, remaining: 100 },
    }],
    ['a deduction', { cause: 'deduction', itemCode: 'B1', deductionCode: 'B1-ABSENCE', pointsCredited: -200, pointsRequested: -200 }],
    ['a veto', { cause: 'veto', itemCode: 'X2', pointsCredited: 0, pointsRequested: 0 }],
    ['a reversal', { cause: 'reversal', itemCode: 'V2', reversesEntryId: 'c1', reason: '重复申报', pointsCredited: -150, pointsRequested: -150 }],
    ['an adjustment', { cause: 'adjustment', itemCode: 'B3', reason: '补录志愿服务', pointsCredited: 100, pointsRequested: 100 }],
  ])('accepts %s', (_name, fields) => {
    expect(() => parseLedgerEntry({ ...base, ...fields })).not.toThrow();
  });

  it.each([
    ['a claim on a basic item', { cause: 'claim', itemCode: 'B1', activityCode: 'V2-HAZARD', pointsCredited: 1, pointsRequested: 1 }, /vanguard role/],
    ['a claim crediting more than requested', { cause: 'claim', itemCode: 'V2', activityCode: 'V2-HAZARD', pointsCredited: 200, pointsRequested: 150 }, /0\.\.requested/],
    ['a capped claim without a note', { cause: 'claim', itemCode: 'V2', activityCode: 'V2-HAZARD', pointsCredited: 100, pointsRequested: 150 }, /cap note/],
    ['a positive deduction', { cause: 'deduction', itemCode: 'B1', deductionCode: 'B1-ABSENCE', pointsCredited: 200, pointsRequested: 200 }, /negative/],
    ['a veto with points', { cause: 'veto', itemCode: 'X1', pointsCredited: -100, pointsRequested: -100 }, /moves no points/],
    ['a reversal without target', { cause: 'reversal', itemCode: 'V2', reason: 'r', pointsCredited: -1, pointsRequested: -1 }, /names the entry/],
    ['an adjustment without reason', { cause: 'adjustment', itemCode: 'B3', pointsCredited: 100, pointsRequested: 100 }, /reason/],
    ['an adjustment with a blank reason', { cause: 'adjustment', itemCode: 'B3', reason: '   ', pointsCredited: 100, pointsRequested: 100 }, /reason/],
    ['an adjustment on a veto item', { cause: 'adjustment', itemCode: 'X1', reason: 'r', pointsCredited: 100, pointsRequested: 100 }, /basic or vanguard/],
    ['a year that is not the date’s', { cause: 'veto', itemCode: 'X1', pointsCredited: 0, pointsRequested: 0, year: 2027 }, /year of occurredOn/],
    ['fractional hundredths', { cause: 'adjustment', itemCode: 'B3', reason: 'r', pointsCredited: 0.5, pointsRequested: 0.5 }, /pointsCredited/],
    ['reversesEntryId on a claim', { cause: 'claim', itemCode: 'V2', activityCode: 'V2-HAZARD', pointsCredited: 1, pointsRequested: 1, reversesEntryId: 'c0' }, /only a reversal/],
  ])('rejects %s', (_name, fields, message) => {
    expect(() => parseLedgerEntry({ ...base, ...fields })).toThrow(
      expect.objectContaining({ code: 'INVALID_LEDGER_ENTRY', message: expect.stringMatching(message) }),
    );
  });
});

describe('buildReversal', () => {
  const [claim] = approveAll([claimOf('V2-HAZARD', 3, '2026-03-05')]) as [LedgerEntry];

  it('mirrors an approved claim on the same date and item', () => {
    const reversal = buildReversal(claim, [claim], { ...meta('r1'), reason: '重复申报' });
    expect(reversal).toMatchObject({
      id: 'r1', cause: 'reversal', reversesEntryId: claim.id, memberId: 'm1', itemCode: 'V2', activityCode: 'V2-HAZARD',
      occurredOn: '2026-03-05', rulesVersion: '2026.1', pointsCredited: -150, pointsRequested: -150, reason: '重复申报', sourceId: claim.sourceId,
    });
    expect(reversal.capNote).toBeUndefined();
    expect(standingEntries([claim, reversal])).toEqual([]);
    expect(reversedEntryIds([claim, reversal])).toEqual(new Set([claim.id]));
  });

  it('refuses to reverse twice, to reverse a reversal, or without a reason', () => {
    const reversal = buildReversal(claim, [claim], { ...meta(), reason: 'r' });
    expect(() => buildReversal(claim, [claim, reversal], { ...meta(), reason: 'again' })).toThrow(expect.objectContaining({ code: 'ALREADY_REVERSED' }));
    expect(() => buildReversal(reversal, [claim, reversal], { ...meta(), reason: 'undo' })).toThrow(expect.objectContaining({ code: 'NOT_REVERSIBLE' }));
    expect(() => buildReversal(claim, [claim], { ...meta(), reason: ' ' })).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });
});

describe('other builders', () => {
  it('prices a deduction by the rules and records it negative', () => {
    const entry = buildDeduction(RULES_2026, { memberId: 'm1', branchId: 'b1', deductionCode: 'B1-ABSENCE', occurrences: 2, occurredOn: '2026-05-10' }, meta());
    expect(entry).toMatchObject({ cause: 'deduction', itemCode: 'B1', deductionCode: 'B1-ABSENCE', quantity: 2, pointsCredited: -400, pointsRequested: -400 });
  });

  it.each([[0], [1.5], [-1], [1001]])('rejects %d occurrences', (occurrences) => {
    expect(() =>
      buildDeduction(RULES_2026, { memberId: 'm1', branchId: 'b1', deductionCode: 'B2-DUES', occurrences, occurredOn: '2026-05-10' }, meta()),
    ).toThrow(expect.objectContaining({ code: 'INVALID_QUANTITY' }));
  });

  it('refuses to price a 2026 deduction with 2027 rules', () => {
    expect(() =>
      buildDeduction(RULES_2027, { memberId: 'm1', branchId: 'b1', deductionCode: 'B2-DUES', occurrences: 1, occurredOn: '2026-12-31' }, meta()),
    ).toThrow(expect.objectContaining({ code: 'RULES_YEAR_MISMATCH' }));
  });

  it('requires a reason for an adjustment', () => {
    const input = { memberId: 'm1', branchId: 'b1', itemCode: 'B3' as const, points: 100, occurredOn: '2026-05-10' };
    expect(() => buildAdjustment(RULES_2026, { ...input, reason: '' }, meta())).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(buildAdjustment(RULES_2026, { ...input, reason: '补录' }, meta())).toMatchObject({ cause: 'adjustment', pointsCredited: 100, reason: '补录' });
  });

  it('writes a veto entry with no points', () => {
    const entry = buildVetoEntry(RULES_2026, { memberId: 'm1', branchId: 'b1', vetoCode: 'X3', occurredOn: '2026-08-01', sourceId: 'v1' }, meta());
    expect(entry).toMatchObject({ cause: 'veto', itemCode: 'X3', pointsCredited: 0, sourceId: 'v1' });
  });
});
