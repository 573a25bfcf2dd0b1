// Whole-file checks: values repeated inside the file, values owned by other members, branches of another
// committee, and the one-secretary-per-branch warning. Pure: the database arrives as a snapshot.
import type { RosterError, RosterWarning } from './import-report.js';
import { normalizeEmail, normalizeMobile, type RosterField } from './roster-fields.js';
import type { RosterRow } from './roster-row-schema.js';
import type { ExistingMember, RosterSnapshot } from './roster-snapshot.js';
import type { RawRosterRow } from './roster-table.js';

type UniqueField = Extract<RosterField, 'employee_no' | 'mobile' | 'email' | 'open_id'>;

// Normalised where the text allows it, so that 13800000000 and +86 138 0000 0000 count as one mobile even on
// rows that are invalid for another reason (all problems are reported at once).
const KEYS: Readonly<Record<UniqueField, (text: string) => string>> = {
  employee_no: (t) => t,
  mobile: (t) => normalizeMobile(t) ?? t,
  email: normalizeEmail,
  open_id: (t) => t,
};

/** A value used again: reported on every later row, pointing at the first one. */
export function findDuplicates(rows: readonly RawRosterRow[]): RosterError[] {
  const errors: RosterError[] = [];
  for (const column of Object.keys(KEYS) as UniqueField[]) {
    const first = new Map<string, number>();
    for (const { row, values } of rows) {
      const text = values[column];
      if (text === '') continue;
      const key = KEYS[column](text);
      const firstRow = first.get(key);
      if (firstRow === undefined) first.set(key, row);
      else errors.push({ code: 'duplicate_in_file', row, column, detail: { firstRow } });
    }
  }
  return errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/**
 * Values that would end up on two people. Mobiles and e-mails follow the file for everyone in it, so a member
 * in the file may take a value another member in the file gives up; open_ids are kept when the file leaves
 * them blank, so an existing member's open_id stays taken unless the file gives that member another one.
 */
export function findConflicts(rows: readonly RosterRow[], snapshot: RosterSnapshot): RosterError[] {
  const inFile = new Map(rows.map((r) => [r.employeeNo, r]));
  const keepsValue = (m: ExistingMember, field: 'mobile' | 'email' | 'openId'): boolean => {
    const row = inFile.get(m.employeeNo);
    if (!row) return true;
    return field === 'openId' && row.openId === null;
  };
  const owners = (field: 'mobile' | 'email' | 'openId'): Map<string, ExistingMember> =>
    new Map(snapshot.members.flatMap((m) => (m[field] !== null && keepsValue(m, field) ? [[m[field] as string, m] as const] : [])));
  const byField = { mobile: owners('mobile'), email: owners('email'), openId: owners('openId') };
  const columns = { mobile: 'mobile', email: 'email', openId: 'open_id' } as const;

  const errors: RosterError[] = [];
  for (const row of rows) {
    for (const field of ['mobile', 'email', 'openId'] as const) {
      const value = row[field];
      const owner = value === null ? undefined : byField[field].get(value);
      if (owner && owner.employeeNo !== row.employeeNo) {
        errors.push({ code: 'taken_by_other_member', row: row.row, column: columns[field], detail: { otherEmployeeNo: owner.employeeNo } });
      }
    }
  }
  const foreign = new Map(snapshot.branches.filter((b) => b.committeeId !== snapshot.committee.id).map((b) => [b.name, b]));
  const reported = new Set<string>();
  for (const row of rows) {
    if (!foreign.has(row.branch) || reported.has(row.branch)) continue;
    reported.add(row.branch);
    errors.push({ code: 'branch_of_other_committee', row: row.row, column: 'branch', detail: { branch: row.branch } });
  }
  return errors;
}

/** Each branch should have exactly one secretary (product.md §9): a warning, since the file may be partial. */
export function secretaryWarnings(rows: readonly RosterRow[]): RosterWarning[] {
  const branches = new Map<string, number[]>();
  for (const row of rows) {
    const secretaries = branches.get(row.branch) ?? [];
    if (row.role === 'SECRETARY') secretaries.push(row.row);
    branches.set(row.branch, secretaries);
  }
  const warnings: RosterWarning[] = [];
  for (const [branch, secretaryRows] of branches) {
    if (secretaryRows.length === 0) warnings.push({ code: 'branch_without_secretary', detail: { branch } });
    if (secretaryRows.length > 1) warnings.push({ code: 'branch_with_several_secretaries', detail: { branch, rows: secretaryRows } });
  }
  return warnings;
}
