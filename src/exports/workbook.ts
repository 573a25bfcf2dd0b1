// Sheet building shared by every export: Chinese headers in a bold, frozen first row, column widths,
// number formats, an auto-filter — what a person opening the file in Excel or WPS expects.
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

export interface Column {
  readonly header: string;
  /** In characters; CJK text needs about two per character. */
  readonly width: number;
  /** Excel number format, e.g. `0.00` for points, `yyyy-mm-dd` for dates. */
  readonly numFmt?: string;
}

export const POINTS_FORMAT = '0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** Excel keeps at most 32,767 characters in a cell. */
const CELL_LIMIT = 32_000;

export function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly (readonly Cell[])[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center' };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' && v.length > CELL_LIMIT ? `${v.slice(0, CELL_LIMIT)}…` : v)));
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vanguard';
  workbook.created = new Date(0);
  return workbook;
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Hundredths → the number Excel shows with two decimals. */
export const points = (hundredths: number | null | undefined): number | null => (hundredths === null || hundredths === undefined ? null : hundredths / 100);

/** A calendar date (`2026-03-05`) as an Excel date at UTC midnight, so no time zone shifts the day. */
export const excelDate = (date: string): Date => new Date(`${date}T00:00:00Z`);
