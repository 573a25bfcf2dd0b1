// What a roster import found and did, as plain data: the chat upload and the CLI render the same report.
import type { RosterField, RosterRole } from './roster-fields.js';

/** Problems that stop the import: nothing is written while any of these exists. */
export type RosterErrorCode =
  | 'file_too_large'
  | 'unsupported_format'
  | 'not_utf8'
  | 'unreadable'
  | 'no_header'
  | 'missing_column'
  | 'duplicate_column'
  | 'no_rows'
  | 'too_many_rows'
  | 'extra_cells'
  | 'required'
  | 'too_long'
  | 'bad_text'
  | 'bad_employee_no'
  | 'bad_mobile'
  | 'bad_email'
  | 'bad_role'
  | 'bad_open_id'
  | 'no_contact'
  | 'duplicate_in_file'
  | 'taken_by_other_member'
  | 'branch_of_other_committee'
  | 'committee_not_found'
  | 'committee_ambiguous';

/** Things worth knowing that do not stop the import. */
export type RosterWarningCode =
  | 'unknown_column'
  | 'branch_without_secretary'
  | 'branch_with_several_secretaries'
  | 'resolution_skipped'
  | 'resolution_failed';

export interface IssueDetail {
  /** The file row that first used a duplicated value. */
  firstRow?: number;
  /** The employee number of the existing member a value belongs to. */
  otherEmployeeNo?: string;
  /** A header cell as written in the file (unknown or duplicated column). */
  header?: string;
  branch?: string;
  /** Rows involved (several secretaries of one branch). */
  rows?: number[];
  max?: number;
  /** A short technical reason (parser message, Feishu error kind); never personal data. */
  reason?: string;
}

export interface RosterIssue<C extends string = RosterErrorCode | RosterWarningCode> {
  code: C;
  /** File row as Excel shows it (header = 1); absent for file-level issues. */
  row?: number;
  column?: RosterField;
  detail?: IssueDetail;
}

export type RosterError = RosterIssue<RosterErrorCode>;
export type RosterWarning = RosterIssue<RosterWarningCode>;

/** Fields an import may change on an existing member; `status` changes when a deactivated member is back. */
export type ChangedField = 'name' | 'mobile' | 'email' | 'branch' | 'role' | 'open_id' | 'status';

export interface FieldChange {
  field: ChangedField;
  from: string | null;
  to: string | null;
}

export interface CreatedMember {
  row: number;
  employeeNo: string;
  name: string;
  branch: string;
  role: RosterRole;
}

export interface UpdatedMember {
  row: number;
  employeeNo: string;
  name: string;
  changes: FieldChange[];
}

export interface DeactivatedMember {
  employeeNo: string;
  name: string;
  branch: string;
}

/** Why a row still has no open_id: it can use the bot once a later import resolves it. */
export type UnresolvedReason = 'offline' | 'not_found' | 'ambiguous' | 'taken' | 'failed';

export interface UnresolvedMember {
  row: number;
  employeeNo: string;
  name: string;
  reason: UnresolvedReason;
  /** For 'taken': the member who already holds the id the directory answered with. */
  otherEmployeeNo?: string;
}

export interface ResolvedMember {
  row: number;
  employeeNo: string;
  via: 'mobile' | 'email';
}

/** invalid: nothing written; dry_run: nothing written by request; unchanged: nothing to write; applied: written. */
export type ImportOutcome = 'invalid' | 'dry_run' | 'unchanged' | 'applied';

export interface ImportReport {
  file: { name: string; format: 'csv' | 'xlsx' | null; dataRows: number };
  committee: string | null;
  options: { dryRun: boolean; deactivateMissing: boolean; offline: boolean };
  outcome: ImportOutcome;
  errors: RosterError[];
  warnings: RosterWarning[];
  branchesCreated: string[];
  created: CreatedMember[];
  updated: UpdatedMember[];
  unchanged: number;
  deactivated: DeactivatedMember[];
  resolved: ResolvedMember[];
  unresolved: UnresolvedMember[];
}

export function emptyReport(fileName: string, options: ImportReport['options']): ImportReport {
  return {
    file: { name: fileName, format: null, dataRows: 0 },
    committee: null,
    options,
    outcome: 'invalid',
    errors: [],
    warnings: [],
    branchesCreated: [],
    created: [],
    updated: [],
    unchanged: 0,
    deactivated: [],
    resolved: [],
    unresolved: [],
  };
}

/** The counts that go to the audit log and to logs: no names, numbers or ids of people. */
export function reportCounts(report: ImportReport): Record<string, number> {
  return {
    rows: report.file.dataRows,
    errors: report.errors.length,
    warnings: report.warnings.length,
    branchesCreated: report.branchesCreated.length,
    created: report.created.length,
    updated: report.updated.length,
    unchanged: report.unchanged,
    deactivated: report.deactivated.length,
    resolved: report.resolved.length,
    unresolved: report.unresolved.length,
  };
}

