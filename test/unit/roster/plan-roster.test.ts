// Conflicts with the database and the import plan: creates, field diffs, unchanged rows, deactivations, and
// which resolved open_ids may be used.
import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../../src/domain/roster/check-roster.js';
import { planHasChanges, planRoster, rowsNeedingOpenId, type Resolution } from '../../../src/domain/roster/plan-roster.js';
import type { RosterRow } from '../../../src/domain/roster/roster-row-schema.js';
import type { ExistingMember, RosterSnapshot } from '../../../src/domain/roster/roster-snapshot.js';

const row = (i: number, o: Partial<RosterRow> = {}): RosterRow => ({
  row: i + 2,
  name: `党员${i}`,
  employeeNo: `E${i}`,
  mobile: `1380000000${i}`,
  email: `p${i}@x.example`,
  branch: '一支部',
  role: 'MEMBER',
  openId: `ou_${i}`,
  ...o,
});

const member = (i: number, o: Partial<ExistingMember> = {}): ExistingMember => {
  const r = row(i);
  return { id: 100 + i, employeeNo: r.employeeNo, name: r.name, mobile: r.mobile, email: r.email, openId: r.openId, branchId: 1, branchName: '一支部', role: 'MEMBER', status: 'ACTIVE', ...o };
};

const snapshot = (members: ExistingMember[], extraBranches: RosterSnapshot['branches'] = []): RosterSnapshot => ({
  committee: { id: 1, name: '党委' },
  branches: [{ id: 1, name: '一支部', committeeId: 1 }, ...extraBranches],
  members,
});

const plan = (rows: RosterRow[], snap: RosterSnapshot, more: { deactivateMissing?: boolean; resolved?: Map<string, Resolution> } = {}) =>
  planRoster({ rows, snapshot: snap, deactivateMissing: more.deactivateMissing ?? false, resolved: more.resolved ?? new Map(), notResolved: new Map() });

describe('findConflicts', () => {
  it('refuses a mobile, e-mail or open_id that another member keeps', () => {
    const snap = snapshot([member(9, { mobile: '13800000001', email: 'p1@x.example', openId: 'ou_1' })]);
    expect(findConflicts([row(1)], snap).map((e) => [e.row, e.column, e.detail?.otherEmployeeNo])).toEqual([
      [3, 'mobile', 'E9'],
      [3, 'email', 'E9'],
      [3, 'open_id', 'E9'],
    ]);
  });

  it('allows two members in the file to swap mobiles', () => {
    const snap = snapshot([member(1), member(2)]);
    const rows = [row(1, { mobile: '13800000002' }), row(2, { mobile: '13800000001' })];
    expect(findConflicts(rows, snap)).toEqual([]);
  });

  it('keeps an open_id taken while its holder is in the file with a blank open_id', () => {
    const snap = snapshot([member(1), member(2)]);
    expect(findConflicts([row(1, { openId: 'ou_2' }), row(2, { openId: null })], snap)).toMatchObject([{ row: 3, column: 'open_id', code: 'taken_by_other_member' }]);
    expect(findConflicts([row(1, { openId: 'ou_2' }), row(2, { openId: 'ou_new' })], snap)).toEqual([]);
  });

  it('refuses a branch that belongs to another committee, once per branch', () => {
    const snap = snapshot([], [{ id: 7, name: '外支部', committeeId: 2 }]);
    const errors = findConflicts([row(1, { branch: '外支部' }), row(2, { branch: '外支部' })], snap);
    expect(errors).toEqual([{ code: 'branch_of_other_committee', row: 3, column: 'branch', detail: { branch: '外支部' } }]);
  });
});

describe('planRoster', () => {
  it('creates new members and the branches they need', () => {
    const p = plan([row(1, { branch: '新支部' }), row(2)], snapshot([]));
    expect(p.branchesToCreate).toEqual(['新支部']);
    expect(p.creates.map((c) => [c.employeeNo, c.values.branch, c.values.openId])).toEqual([['E1', '新支部', 'ou_1'], ['E2', '一支部', 'ou_2']]);
    expect(planHasChanges(p)).toBe(true);
  });

  it('has nothing to do when the file matches the database', () => {
    const p = plan([row(1), row(2)], snapshot([member(1), member(2)]));
    expect(p).toMatchObject({ creates: [], updates: [], unchanged: 2, branchesToCreate: [] });
    expect(planHasChanges(p)).toBe(false);
  });

  it('updates by employee number with a diff per field, and keeps a known open_id the file leaves blank', () => {
    const snap = snapshot([member(1, { status: 'INACTIVE' })], [{ id: 2, name: '二支部', committeeId: 1 }]);
    const p = plan([row(1, { name: '新名', mobile: null, role: 'SECRETARY', branch: '二支部', openId: null })], snap);
    expect(p.updates).toEqual([
      {
        memberId: 101,
        row: 3,
        employeeNo: 'E1',
        name: '新名',
        set: { name: '新名', mobile: null, branch: '二支部', role: 'SECRETARY', status: 'ACTIVE' },
        changes: [
          { field: 'name', from: '党员1', to: '新名' },
          { field: 'mobile', from: '13800000001', to: null },
          { field: 'branch', from: '一支部', to: '二支部' },
          { field: 'role', from: 'MEMBER', to: 'SECRETARY' },
          { field: 'status', from: 'INACTIVE', to: 'ACTIVE' },
        ],
      },
    ]);
  });

  it('deactivates only with the flag, only the committee\'s active members missing from the file', () => {
    const snap = snapshot([member(1), member(2), member(3, { status: 'INACTIVE' }), member(4, { branchId: 9, branchName: '别处' })]);
    expect(plan([row(1)], snap).deactivations).toEqual([]);
    expect(plan([row(1)], snap, { deactivateMissing: true }).deactivations).toEqual([{ memberId: 102, employeeNo: 'E2', name: '党员2', branch: '一支部' }]);
  });

  it('uses resolved open_ids unless someone else holds them', () => {
    const rows = [row(1, { openId: null }), row(2, { openId: null }), row(3, { openId: null })];
    const snap = snapshot([member(9, { openId: 'ou_taken' })]);
    expect(rowsNeedingOpenId(rows, snap).map((r) => r.employeeNo)).toEqual(['E1', 'E2', 'E3']);
    const resolved = new Map<string, Resolution>([
      ['E1', { openId: 'ou_a', via: 'mobile' }],
      ['E2', { openId: 'ou_taken', via: 'email' }],
    ]);
    const p = plan(rows, snap, { resolved });
    expect(p.creates.map((c) => c.values.openId)).toEqual(['ou_a', null, null]);
    expect(p.resolved).toEqual([{ row: 3, employeeNo: 'E1', via: 'mobile' }]);
    expect(p.unresolved).toEqual([
      { row: 4, employeeNo: 'E2', name: '党员2', reason: 'taken', otherEmployeeNo: 'E9' },
      { row: 5, employeeNo: 'E3', name: '党员3', reason: 'offline' },
    ]);
  });

  it('fills a missing open_id of an existing member on a later import', () => {
    const snap = snapshot([member(1, { openId: null })]);
    const p = plan([row(1, { openId: null })], snap, { resolved: new Map([['E1', { openId: 'ou_late', via: 'mobile' as const }]]) });
    expect(p.updates[0]?.changes).toEqual([{ field: 'open_id', from: null, to: 'ou_late' }]);
  });
});
