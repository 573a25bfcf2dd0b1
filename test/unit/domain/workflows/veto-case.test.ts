// The veto workflow: only an admin decides; only a confirmation writes a ledger entry.
import { describe, expect, it } from 'vitest';
import { decideVeto, type VetoCase } from '../../../../src/domain/veto/veto-case.js';
import { RULES_2026, RULES_2027, meta } from '../fixtures.js';

const proposed: VetoCase = { id: 'case-1', memberId: 'm1', branchId: 'b1', vetoCode: 'X2', occurredOn: '2026-09-01', status: 'proposed' };

describe('decideVeto', () => {
  it('confirms with one veto entry tied to the case', () => {
    const outcome = decideVeto(proposed, { type: 'confirm', reason: '经纪委认定' }, 'admin', RULES_2026, meta('ve1'));
    expect(outcome.case.status).toBe('confirmed');
    expect(outcome.entry).toMatchObject({ id: 've1', cause: 'veto', itemCode: 'X2', sourceId: 'case-1', occurredOn: '2026-09-01', pointsCredited: 0 });
  });

  it('rejects without any entry, and needs a reason', () => {
    expect(decideVeto(proposed, { type: 'reject', reason: '不属实' }, 'admin', RULES_2026, meta())).toEqual({ case: { ...proposed, status: 'rejected' } });
    expect(() => decideVeto(proposed, { type: 'reject', reason: '' }, 'admin', RULES_2026, meta())).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });

  it.each([['reviewer'], ['owner']] as const)('does not let a %s decide', (actor) => {
    expect(() => decideVeto(proposed, { type: 'confirm' }, actor, RULES_2026, meta())).toThrow(expect.objectContaining({ code: 'ACTOR_NOT_ALLOWED' }));
  });

  it.each([['confirmed'], ['rejected']] as const)('cannot decide a case already %s', (status) => {
    expect(() => decideVeto({ ...proposed, status }, { type: 'confirm' }, 'admin', RULES_2026, meta())).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('uses the rules of the conduct’s year', () => {
    expect(() => decideVeto(proposed, { type: 'confirm' }, 'admin', RULES_2027, meta())).toThrow(expect.objectContaining({ code: 'RULES_YEAR_MISMATCH' }));
  });
});
