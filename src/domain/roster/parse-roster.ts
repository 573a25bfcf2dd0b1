// Everything that can be said about a roster file without the database: format, header, each row, duplicates.
import { findDuplicates, secretaryWarnings } from './check-roster.js';
import type { RosterError, RosterWarning } from './import-report.js';
import { readRosterFile, type RosterFile } from './read-roster-file.js';
import { ROSTER_FIELDS } from './roster-fields.js';
import { checkRow, type RosterRow } from './roster-row-schema.js';
import { toRosterTable } from './roster-table.js';

export interface ParsedRoster {
  format: 'csv' | 'xlsx' | null;
  /** Non-blank rows under the header. */
  dataRows: number;
  /** The rows that passed their own checks (all of them when `errors` is empty). */
  rows: RosterRow[];
  errors: RosterError[];
  warnings: RosterWarning[];
}

const HEADER_ERRORS = new Set<RosterError['code']>(['no_header', 'missing_column', 'duplicate_column', 'no_rows', 'too_many_rows']);
const columnOrder = (e: RosterError): number => (e.column ? ROSTER_FIELDS.indexOf(e.column) : -1);

/** File-level problems first, then by row and by column as they stand in the file. */
export function sortErrors(errors: readonly RosterError[]): RosterError[] {
  return [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || columnOrder(a) - columnOrder(b));
}

export async function parseRoster(file: RosterFile): Promise<ParsedRoster> {
  const read = await readRosterFile(file);
  if (!read.ok) return { format: read.format, dataRows: 0, rows: [], errors: [read.error], warnings: [] };
  const table = toRosterTable(read.rows);
  const base = { format: read.format, dataRows: table.rows.length };
  // A broken header makes every row look wrong: report the header alone.
  if (table.errors.some((e) => HEADER_ERRORS.has(e.code))) return { ...base, rows: [], errors: table.errors, warnings: table.warnings };
  const checks = table.rows.map(checkRow);
  const rows = checks.flatMap((c) => (c.ok ? [c.value] : []));
  const errors = [...table.errors, ...checks.flatMap((c) => (c.ok ? [] : c.errors)), ...findDuplicates(table.rows)];
  return { ...base, rows, errors: sortErrors(errors), warnings: [...table.warnings, ...secretaryWarnings(rows)] };
}
