// The zod schema of one roster row: every field checked and normalised, every problem kept with its column.
import { z } from 'zod';
import type { RosterError, RosterErrorCode } from './import-report.js';
import type { RawRosterRow } from './roster-table.js';
import { LIMITS, normalizeEmail, normalizeMobile, OPEN_ID_PATTERN, roleFromText, type RosterField, type RosterRole } from './roster-fields.js';

/** A valid row, normalised: mobiles without +86 for the mainland, e-mails lower-cased, roles as enum values. */
export interface RosterRow {
  row: number;
  name: string;
  employeeNo: string;
  mobile: string | null;
  email: string | null;
  branch: string;
  role: RosterRole;
  openId: string | null;
}

// Messages are our error codes: the report renders them, so zod's English never reaches a person.
const fail = (code: RosterErrorCode) => ({ error: code });

// Control characters (a line break inside a quoted CSV cell, a tab) have no place in a name.
const PRINTABLE = /^\P{Cc}*$/u;

const requiredText = (max: number) =>
  z.string().min(1, fail('required')).max(max, fail('too_long')).regex(PRINTABLE, fail('bad_text'));

/** Blank → null; otherwise the transform's value, or the given code when it returns undefined. */
const optionalNormalised = (code: RosterErrorCode, normalise: (text: string) => string | undefined) =>
  z.string().transform((text, ctx): string | null => {
    if (text === '') return null;
    const value = normalise(text);
    if (value !== undefined) return value;
    ctx.issues.push({ code: 'custom', message: code, input: text });
    return z.NEVER;
  });

// Letters, digits and - _ . only: an Excel-mangled number such as 2.0E+07 fails here instead of importing.
const EMPLOYEE_NO = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const emailFormat = z.email();

export const rosterRowSchema = z.object({
  name: requiredText(LIMITS.maxNameLength),
  employee_no: requiredText(LIMITS.maxEmployeeNoLength).regex(EMPLOYEE_NO, fail('bad_employee_no')),
  mobile: optionalNormalised('bad_mobile', normalizeMobile),
  email: optionalNormalised('bad_email', (text) => {
    const email = normalizeEmail(text);
    return email.length <= LIMITS.maxEmailLength && emailFormat.safeParse(email).success ? email : undefined;
  }),
  branch: requiredText(LIMITS.maxBranchLength),
  role: z.string().transform((text, ctx): RosterRole => {
    const role = roleFromText(text);
    if (role) return role;
    ctx.issues.push({ code: 'custom', message: text === '' ? 'required' : 'bad_role', input: text });
    return z.NEVER;
  }),
  open_id: optionalNormalised('bad_open_id', (text) => (OPEN_ID_PATTERN.test(text) ? text : undefined)),
});

export type RowCheck = { ok: true; value: RosterRow } | { ok: false; errors: RosterError[] };

/** Checks one row on its own (duplicates and conflicts need the whole file and the database: see check-roster). */
export function checkRow(raw: RawRosterRow): RowCheck {
  const errors: RosterError[] = [];
  if (raw.extraCells) errors.push({ code: 'extra_cells', row: raw.row });
  const parsed = rosterRowSchema.safeParse(raw.values);
  if (!parsed.success) {
    // One error per column: the first thing wrong with a cell is what the operator needs to fix.
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = issue.path[0] as RosterField;
      if (seen.has(column)) continue;
      seen.add(column);
      errors.push({ code: issue.message as RosterErrorCode, row: raw.row, column });
    }
  }
  const { mobile, email, open_id: openId } = raw.values;
  if (mobile === '' && email === '' && openId === '') errors.push({ code: 'no_contact', row: raw.row, column: 'mobile' });
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const v = parsed.data;
  return {
    ok: true,
    value: { row: raw.row, name: v.name, employeeNo: v.employee_no, mobile: v.mobile, email: v.email, branch: v.branch, role: v.role, openId: v.open_id },
  };
}
