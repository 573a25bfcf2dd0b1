// importRoster against a real database and the Feishu emulator: bad files change nothing, a good file imports,
// the same file again changes nothing, missing open_ids come from batch_get_id, re-imports update by employee
// number, --deactivate-missing and --dry-run do what they say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoster, type ImportRosterOptions } from '../../../src/domain/roster/roster-import-service.js';
import type { FeishuClient } from '../../../src/outbound/feishu-client.js';
import { startEmulator, type RunningEmulator } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { csvFile, csvText, people, type PersonRow } from '../../unit/roster/roster-fixtures.js';
import { createCommittee, emulatorClient, rosterCounts, rosterTables } from './roster-test-support.js';

const iso = useIsolated();
let emulator: RunningEmulator;
let feishu: FeishuClient;

beforeAll(async () => {
  emulator = await startEmulator();
  feishu = emulatorClient(emulator.baseUrl);
  await createCommittee(iso.db);
});
afterAll(async () => {
  await emulator?.close();
});

const run = (rows: PersonRow[], options: ImportRosterOptions = {}) =>
  importRoster({ db: iso.db, feishu, file: csvFile(csvText(rows)), options });

// Eight people in two branches: E0000/E0001 secretaries, E0002 an admin; E0005 resolvable by mobile, E0006 by
// e-mail only, E0007 unknown to Feishu at first.
const roster = people(8, (i) =>
  i === 2 ? { role: 'admin' } : i === 5 ? { open_id: '' } : i === 6 ? { open_id: '', mobile: '' } : i === 7 ? { open_id: '' } : {},
);

describe('importRoster', () => {
  it('a file with three bad rows reports all three and changes nothing', async () => {
    const before = await rosterTables(iso.db);
    const counts = await rosterCounts(iso.db);
    const bad = roster.map((r, i) => (i === 1 ? { ...r, mobile: '1380' } : i === 4 ? { ...r, role: '书记' } : i === 6 ? { ...r, email: 'P0000@oilfield.example' } : r));
    const report = await run(bad);
    expect(report.outcome).toBe('invalid');
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'mobile', 'bad_mobile'],
      [6, 'role', 'bad_role'],
      [8, 'email', 'duplicate_in_file'],
    ]);
    expect(await rosterCounts(iso.db)).toEqual(counts);
    expect(await rosterTables(iso.db)).toEqual(before);
    expect(emulator.app.emulator.calls('contact.batch_get_id')).toHaveLength(0);
  });

  it('a good file imports branches, roles and statuses, resolving open_ids through batch_get_id', async () => {
    emulator.app.emulator.addUser({ openId: 'ou_by_mobile_5', name: 'five', mobile: '+8613800000005' });
    emulator.app.emulator.addUser({ openId: 'ou_by_email_6', name: 'six', email: 'p0006@oilfield.example' });
    const report = await run(roster);
    expect(report.outcome).toBe('applied');
    expect(report.errors).toEqual([]);
    expect(report.branchesCreated).toEqual(['采油一区党支部', '机关第一党支部']);
    expect(report.created.map((c) => c.employeeNo)).toEqual(roster.map((r) => r.employee_no));
    expect(report.resolved).toEqual([{ row: 7, employeeNo: 'E0005', via: 'mobile' }, { row: 8, employeeNo: 'E0006', via: 'email' }]);
    expect(report.unresolved).toEqual([{ row: 9, employeeNo: 'E0007', name: '党员0007', reason: 'not_found' }]);

    const branches = await iso.db.branch.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(branches.map((b) => [b.name, b.code])).toEqual([['采油一区党支部', 'B01'], ['机关第一党支部', 'B02']]);
    const members = await iso.db.member.findMany({ orderBy: { employeeNo: 'asc' }, include: { branch: true } });
    expect(members.map((m) => [m.employeeNo, m.branch.name, m.role, m.status, m.openId])).toEqual([
      ['E0000', '采油一区党支部', 'SECRETARY', 'ACTIVE', 'ou_p0000'],
      ['E0001', '机关第一党支部', 'SECRETARY', 'ACTIVE', 'ou_p0001'],
      ['E0002', '采油一区党支部', 'ADMIN', 'ACTIVE', 'ou_p0002'],
      ['E0003', '机关第一党支部', 'MEMBER', 'ACTIVE', 'ou_p0003'],
      ['E0004', '采油一区党支部', 'MEMBER', 'ACTIVE', 'ou_p0004'],
      ['E0005', '机关第一党支部', 'MEMBER', 'ACTIVE', 'ou_by_mobile_5'],
      ['E0006', '采油一区党支部', 'MEMBER', 'ACTIVE', 'ou_by_email_6'],
      ['E0007', '机关第一党支部', 'MEMBER', 'ACTIVE', null],
    ]);
    expect(members.find((m) => m.employeeNo === 'E0006')?.mobile).toBeNull();
  });

  it('writes one audit row with counts and no personal data', async () => {
    const audits = await iso.db.auditLog.findMany();
    expect(audits).toHaveLength(1);
    const [audit] = audits;
    expect(audit).toMatchObject({ actorId: null, action: 'roster.import', targetType: 'roster' });
    expect(audit?.after).toMatchObject({ actor: 'system:roster-import', source: 'cli', counts: { created: 8, resolved: 2, unresolved: 1, branchesCreated: 2 } });
    const text = JSON.stringify(audit);
    for (const r of roster) for (const value of [r.name, r.employee_no, r.mobile, r.email, r.open_id].filter(Boolean)) expect(text).not.toContain(value);
  });

  it('the same file again changes nothing: every row unchanged, updated_at untouched, no audit row', async () => {
    const before = await rosterTables(iso.db);
    const report = await run(roster);
    expect(report.outcome).toBe('unchanged');
    expect(report).toMatchObject({ created: [], updated: [], deactivated: [], branchesCreated: [], unchanged: 8 });
    expect(await rosterTables(iso.db)).toEqual(before);
  });

  it('fills in an open_id on a later import once Feishu knows the person', async () => {
    emulator.app.emulator.addUser({ openId: 'ou_late_7', name: 'seven', mobile: '13800000007' });
    const before = await rosterTables(iso.db);
    const report = await run(roster);
    expect(report.outcome).toBe('applied');
    expect(report.updated).toEqual([{ row: 9, employeeNo: 'E0007', name: '党员0007', changes: [{ field: 'open_id', from: null, to: 'ou_late_7' }] }]);
    const after = await rosterTables(iso.db);
    const changed = after.members.filter((m, i) => m.updatedAt.getTime() !== before.members[i]?.updatedAt.getTime());
    expect(changed.map((m) => [m.employeeNo, m.openId])).toEqual([['E0007', 'ou_late_7']]);
  });

  it('updates by employee number with field diffs, moving a member and swapping two mobiles', async () => {
    const edited = roster.map((r, i) =>
      i === 3 ? { ...r, name: '改名', branch: '采油一区党支部', role: 'secretary', mobile: '13800000004' } : i === 4 ? { ...r, mobile: '13800000003' } : r,
    );
    const report = await run(edited);
    expect(report.outcome).toBe('applied');
    expect(report.updated).toEqual([
      { row: 5, employeeNo: 'E0003', name: '改名', changes: [
        { field: 'name', from: '党员0003', to: '改名' },
        { field: 'mobile', from: '13800000003', to: '13800000004' },
        { field: 'branch', from: '机关第一党支部', to: '采油一区党支部' },
        { field: 'role', from: 'MEMBER', to: 'SECRETARY' },
      ] },
      { row: 6, employeeNo: 'E0004', name: '党员0004', changes: [{ field: 'mobile', from: '13800000004', to: '13800000003' }] },
    ]);
    expect(report.warnings).toContainEqual({ code: 'branch_with_several_secretaries', detail: { branch: '采油一区党支部', rows: [2, 5] } });
    const moved = await iso.db.member.findUniqueOrThrow({ where: { employeeNo: 'E0003' }, include: { branch: true } });
    expect([moved.name, moved.mobile, moved.branch.name, moved.role]).toEqual(['改名', '13800000004', '采油一区党支部', 'SECRETARY']);
    await run(roster);
  });

  it('refuses a mobile that belongs to a member outside the file, and changes nothing', async () => {
    const branch = await iso.db.branch.findFirstOrThrow();
    await iso.db.member.create({ data: { employeeNo: 'X9', name: '外人', mobile: '13900000009', branchId: branch.id } });
    const before = await rosterTables(iso.db);
    const report = await run(roster.map((r, i) => (i === 2 ? { ...r, mobile: '+86 139 0000 0009' } : r)));
    expect(report.errors).toEqual([{ code: 'taken_by_other_member', row: 4, column: 'mobile', detail: { otherEmployeeNo: 'X9' } }]);
    expect(await rosterTables(iso.db)).toEqual(before);
  });

  it('deactivates members missing from the file only with --deactivate-missing, and brings them back', async () => {
    const partial = roster.filter((r) => r.employee_no !== 'E0004');
    const without = await run(partial);
    expect(without).toMatchObject({ outcome: 'unchanged', deactivated: [] });

    const report = await run(partial, { deactivateMissing: true });
    expect(report.deactivated.map((d) => d.employeeNo)).toEqual(['E0004', 'X9']);
    const statuses = await iso.db.member.findMany({ select: { employeeNo: true, status: true }, orderBy: { employeeNo: 'asc' } });
    expect(statuses.filter((m) => m.status === 'INACTIVE').map((m) => m.employeeNo)).toEqual(['E0004', 'X9']);

    const back = await run(roster);
    expect(back.updated).toEqual([{ row: 6, employeeNo: 'E0004', name: '党员0004', changes: [{ field: 'status', from: 'INACTIVE', to: 'ACTIVE' }] }]);
  });

  it('--dry-run reports the changes, still resolves open_ids, and writes nothing', async () => {
    emulator.app.emulator.addUser({ openId: 'ou_new_9', name: 'nine', mobile: '13800000009' });
    const callsBefore = emulator.app.emulator.calls('contact.batch_get_id').length;
    const before = await rosterTables(iso.db);
    const rows = [...roster.map((r, i) => (i === 1 ? { ...r, name: '新名字' } : r)), { ...people(10)[9]!, open_id: '', branch: '新建支部' }];
    const report = await run(rows, { dryRun: true, deactivateMissing: true });
    expect(report.outcome).toBe('dry_run');
    expect(report.branchesCreated).toEqual(['新建支部']);
    expect(report.created.map((c) => c.employeeNo)).toEqual(['E0009']);
    expect(report.updated.map((u) => u.employeeNo)).toEqual(['E0001']);
    expect(report.deactivated).toEqual([]);
    expect(report.resolved).toEqual([{ row: 10, employeeNo: 'E0009', via: 'mobile' }]);
    expect(emulator.app.emulator.calls('contact.batch_get_id').length).toBeGreaterThan(callsBefore);
    expect(await rosterTables(iso.db)).toEqual(before);
  });

  it('--offline reports rows without open_id as unresolved and never calls Feishu', async () => {
    const callsBefore = emulator.app.emulator.calls('contact.batch_get_id').length;
    const rows = [...roster, { ...people(11)[10]!, open_id: '' }];
    const report = await run(rows, { dryRun: true, offline: true });
    expect(report.unresolved).toEqual([{ row: 10, employeeNo: 'E0010', name: '党员0010', reason: 'offline' }]);
    expect(report.warnings).toContainEqual({ code: 'resolution_skipped', detail: { reason: 'offline' } });
    expect(emulator.app.emulator.calls('contact.batch_get_id')).toHaveLength(callsBefore);
  });
});
