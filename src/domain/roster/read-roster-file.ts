// Turns an uploaded roster file (CSV in UTF-8, or XLSX) into rows of text cells numbered as Excel numbers them.
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RosterError } from './import-report.js';
import { LIMITS } from './roster-fields.js';

export interface RosterFile {
  /** As uploaded; only its extension is used, to pick the format. */
  name: string;
  bytes: Uint8Array;
}

export interface TableRow {
  /** 1-based, as Excel shows it: CSV record index + 1, or the worksheet's own row number. */
  row: number;
  cells: string[];
}

export type ReadResult = { ok: true; format: 'csv' | 'xlsx'; rows: TableRow[] } | { ok: false; format: 'csv' | 'xlsx' | null; error: RosterError };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** By extension first (the chat upload has a file name); by content when the name says nothing. */
export function detectFormat(file: RosterFile): 'csv' | 'xlsx' | null {
  const ext = /\.([^.]+)$/.exec(file.name.toLowerCase())?.[1];
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xls' || startsWith(file.bytes, OLE_MAGIC)) return null;
  if (startsWith(file.bytes, ZIP_MAGIC)) return 'xlsx';
  return ext === undefined ? 'csv' : null;
}

export async function readRosterFile(file: RosterFile): Promise<ReadResult> {
  if (file.bytes.byteLength > LIMITS.maxFileBytes) {
    return { ok: false, format: null, error: { code: 'file_too_large', detail: { max: LIMITS.maxFileBytes } } };
  }
  const format = detectFormat(file);
  if (format === null) return { ok: false, format, error: { code: 'unsupported_format' } };
  return format === 'csv' ? readCsv(file.bytes) : readXlsx(file.bytes);
}

function readCsv(bytes: Uint8Array): ReadResult {
  let text: string;
  try {
    // fatal: a GBK file (Excel's default "CSV" on Chinese Windows) must be refused, not read as mojibake.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, format: 'csv', error: { code: 'not_utf8' } };
  }
  try {
    // Arrays, not column-mapped objects: the header is mapped by us (aliases, duplicates), and a
    // record's index is its Excel row number, so empty lines are kept and skipped later.
    const records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    return { ok: true, format: 'csv', rows: records.map((cells, i) => ({ row: i + 1, cells })) };
  } catch (e) {
    if (e instanceof CsvError) {
      const records = (e as CsvError & { records?: number }).records;
      return {
        ok: false,
        format: 'csv',
        error: { code: 'unreadable', ...(typeof records === 'number' ? { row: records + 1 } : {}), detail: { reason: e.code } },
      };
    }
    throw e;
  }
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like `Buffer` of its own; at run time it takes a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, format: 'xlsx', error: { code: 'unreadable', detail: { reason: e instanceof Error ? e.message.slice(0, 120) : 'xlsx' } } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, format: 'xlsx', rows: [] };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { ok: true, format: 'xlsx', rows };
}

/** The text a person sees in a cell: hyperlinks (Excel makes e-mails links), rich text and formula results included. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('error' in value) return '';
  return '';
}
