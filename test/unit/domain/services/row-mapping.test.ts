// Pure mappings the services rely on: the pledge workflow status from the stored (status, fulfilment,
// progress) triple and back, duplicate-description matching, business keys.
import { describe, expect, it } from 'vitest';
import { normaliseDescription } from '../../../../src/domain/claims/claims-repository.js';
import { ledgerKeys } from '../../../../src/domain/ledger/business-keys.js';
import { storedStatus, workflowStatus, type PledgeRow } from '../../../../src/domain/pledges/pledges-repository.js';
import { PLEDGE_STATUSES } from '../../../../src/domain/pledges/pledge-status.js';

function row(status: PledgeRow['status'], fulfilment: PledgeRow['fulfilment'], progress = 0): PledgeRow {
  return { status, fulfilment, progress: Array.from({ length: progress }, () => ({})) } as unknown as PledgeRow;
}

describe('pledge status mapping', () => {
  it.each([
    [row('DRAFT', 'NONE'), 'draft'],
    [row('PENDING', 'NONE'), 'pending'],
    [row('RETURNED', 'NONE'), 'returned'],
    [row('WITHDRAWN', 'NONE'), 'withdrawn'],
    [row('APPROVED', 'NONE'), 'approved'],
    [row('APPROVED', 'NONE', 1), 'inProgress'],
    [row('APPROVED', 'FULFILLED', 1), 'fulfilled'],
    [row('APPROVED', 'PARTIAL'), 'partial'],
    [row('APPROVED', 'UNFULFILLED'), 'unfulfilled'],
  ] as const)('%o is %s', (stored, status) => {
    expect(workflowStatus(stored)).toBe(status);
  });

  it('stores every workflow status in a status column value that reads back the same stage', () => {
    for (const status of PLEDGE_STATUSES) {
      const column = storedStatus(status);
      expect(['DRAFT', 'PENDING', 'APPROVED', 'RETURNED', 'WITHDRAWN']).toContain(column);
      if (column !== 'APPROVED') expect(column.toLowerCase()).toBe(status);
    }
  });
});

describe('likely-duplicate descriptions', () => {
  it('match across width, case and spacing, and not across words', () => {
    expect(normaliseDescription('  更换 节能灯 ')).toBe(normaliseDescription('更换　节能灯'));
    expect(normaliseDescription('ＬＥＤ 灯')).toBe(normaliseDescription('led 灯'));
    expect(normaliseDescription('更换节能灯')).not.toBe(normaliseDescription('更换节能灯泡'));
  });
});

describe('ledger business keys', () => {
  it('name one effect each', () => {
    expect([ledgerKeys.claim(12), ledgerKeys.deduction(12), ledgerKeys.veto(12), ledgerKeys.reversal(12), ledgerKeys.adjustment('u-1')]).toEqual([
      'claim:12', 'deduction:12', 'veto:12', 'reversal:12', 'adjustment:u-1',
    ]);
  });
});
