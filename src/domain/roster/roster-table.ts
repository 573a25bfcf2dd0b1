// Maps a file's header row onto the roster fields and its data rows onto field values, reporting header problems.
import type { RosterError, RosterWarning } from './import-report.js';
import type { TableRow } from './read-roster-file.js';
import { fieldForHeader, LIMITS, REQUIRED_COLUMNS, ROSTER_FIELDS, type RosterField } from './roster-fields.js';

export interface RawRosterRow {
  row: number;
  /** Trimmed text of each field; '' when blank or when the file has no such column (open_id). */
  values: Record<RosterField, string>;
  /** True when the row has text in a column without a header: usually a comma inside an unquoted value. */
  extraCells: boolean;
}

export interface RosterTable {
  rows: RawRosterRow[];
  errors: RosterError[];
  warnings: RosterWarning[];
}

// Zero-width characters ride along with text copied from chats and web pages; they are never meant.
const clean = (cell: string | undefined): string => (cell ?? '').replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
const isBlank = (cells: readonly string[]): boolean => cells.every((c) => clean(c) === '');

export function toRosterTable(table: readonly TableRow[]): RosterTable {
  const errors: RosterError[] = [];
  const warnings: RosterWarning[] = [];
  const headerIndex = table.findIndex((r) => !isBlank(r.cells));
  const header = table[headerIndex];
  if (!header) return { rows: [], errors: [{ code: 'no_header' }], warnings };

  const columns = new Map<RosterField, number>();
  const ignored = new Set<number>();
  header.cells.forEach((cell, index) => {
    if (clean(cell) === '') return;
    const field = fieldForHeader(clean(cell));
    if (field === undefined) {
      ignored.add(index);
      warnings.push({ code: 'unknown_column', row: header.row, detail: { header: cell.trim().slice(0, 40) } });
    } else if (columns.has(field)) {
      errors.push({ code: 'duplicate_column', row: header.row, column: field, detail: { header: cell.trim().slice(0, 40) } });
    } else {
      columns.set(field, index);
    }
  });
  if (columns.size === 0) return { rows: [], errors: [{ code: 'no_header', row: header.row }], warnings: [] };
  for (const field of REQUIRED_COLUMNS) {
    if (!columns.has(field)) errors.push({ code: 'missing_column', row: header.row, column: field });
  }

  const known = new Set([...columns.values(), ...ignored]);
  const rows: RawRosterRow[] = [];
  for (const { row, cells } of table.slice(headerIndex + 1)) {
    if (isBlank(cells)) continue;
    const values = Object.fromEntries(
      ROSTER_FIELDS.map((field) => {
        const index = columns.get(field);
        return [field, index === undefined ? '' : clean(cells[index])];
      }),
    ) as Record<RosterField, string>;
    const extraCells = cells.some((c, i) => !known.has(i) && clean(c) !== '');
    rows.push({ row, values, extraCells });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ code: 'no_rows' });
  if (rows.length > LIMITS.maxDataRows) errors.push({ code: 'too_many_rows', detail: { max: LIMITS.maxDataRows } });
  return { rows, errors, warnings };
}
