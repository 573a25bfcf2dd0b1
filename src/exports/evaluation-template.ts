// The annual evaluation template (评议表): the workbook the bot sends a secretary, pre-filled with the
// branch's members, and the reader of the filled-in copy they send back, checked row by row.
//
// Why every row is checked before anything is written: a sheet with one typo must not leave half a
// branch entered; the report names every problem with its Excel row number, and nothing changes.
import ExcelJS from 'exceljs';
import { t } from '../bot/messages/index.js';
import { hasAtMostTwoDecimals, toHundredths, type Hundredths } from '../domain/points.js';
import { addSheet, newWorkbook, points, toBuffer, POINTS_FORMAT } from './workbook.js';

const s = t.evaluation.sheet;
/** Kept in the workbook's properties: tells our template from any other sheet, and which year it is for. */
const MARK = 'vanguard-evaluation';
const SCORE_FIELDS = ['democratic', 'mass', 'political', 'jobSkill', 'performance'] as const;
export type ScoreField = (typeof SCORE_FIELDS)[number];

export interface TemplateRow {
  readonly employeeNo: string;
  readonly name: string;
  readonly branch: string;
  readonly scores: Readonly<Partial<Record<ScoreField, Hundredths | null>>>;
}

export async function buildEvaluationTemplate(year: number, rows: readonly TemplateRow[]): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.keywords = `${MARK}-${year}`;
  const widths = [12, 10, 16, 14, 14, 12, 12, 12];
  const columns = s.headers.map((header, i) => ({ header, width: widths[i] ?? 12, ...(i >= 3 ? { numFmt: POINTS_FORMAT } : {}) }));
  addSheet(workbook, s.name, columns, rows.map((r) => [r.employeeNo, r.name, r.branch, ...SCORE_FIELDS.map((f) => points(r.scores[f] ?? null))]));
  return toBuffer(workbook);
}

export interface ParsedRow {
  /** The Excel row number (the header is row 1). */
  readonly row: number;
  readonly employeeNo: string;
  readonly scores: Readonly<Partial<Record<ScoreField, Hundredths>>>;
}

export interface RowIssue {
  readonly row: number;
  readonly text: string;
}

export type ParsedTemplate =
  | { readonly kind: 'wrong-template' }
  | { readonly kind: 'parsed'; readonly year: number | undefined; readonly rows: readonly ParsedRow[]; readonly issues: readonly RowIssue[] };

/** A cell as text: numbers, strings, formula results and rich text all read the way Excel shows them. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value).trim();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return '';
}

function scoreOf(text: string): Hundredths | undefined {
  if (!/^\d{1,3}(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  if (!(value >= 0 && value <= 100) || !hasAtMostTwoDecimals(value)) return undefined;
  return toHundredths(value);
}

/** Reads an uploaded workbook; `knownEmployees` are the employee numbers the uploader may score. */
export async function parseEvaluationUpload(bytes: Buffer, knownEmployees: ReadonlySet<string>): Promise<ParsedTemplate> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer-like; at run time it takes a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { kind: 'wrong-template' };
  }
  const sheet = workbook.getWorksheet(s.name) ?? workbook.worksheets[0];
  const headers = sheet ? s.headers.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value)) : [];
  if (!sheet || headers.join('|') !== s.headers.join('|')) return { kind: 'wrong-template' };
  const yearMatch = new RegExp(`^${MARK}-(\\d{4})$`).exec(workbook.keywords ?? '');

  const rows: ParsedRow[] = [];
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  const e = t.evaluation.issues;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = s.headers.map((_, i) => cellText(sheet.getRow(r).getCell(i + 1).value));
    if (cells.every((c) => c === '')) continue;
    const employeeNo = cells[0] ?? '';
    const scoreCells = cells.slice(3);
    const rowIssues: string[] = [];
    if (employeeNo === '') rowIssues.push(e.employeeNo);
    else if (seen.has(employeeNo)) rowIssues.push(e.duplicate(employeeNo));
    else if (!knownEmployees.has(employeeNo)) rowIssues.push(e.unknownEmployee(employeeNo));
    seen.add(employeeNo);
    const scores: Partial<Record<ScoreField, Hundredths>> = {};
    SCORE_FIELDS.forEach((field, i) => {
      const text = scoreCells[i] ?? '';
      if (text === '') return;
      const value = scoreOf(text);
      if (value === undefined) rowIssues.push(e.score(s.headers[i + 3] ?? field, text));
      else scores[field] = value;
    });
    for (const text of rowIssues) issues.push({ row: r, text });
    // A row without any score is a member not scored yet: nothing to enter.
    if (rowIssues.length === 0 && Object.keys(scores).length > 0) rows.push({ row: r, employeeNo, scores });
  }
  return { kind: 'parsed', year: yearMatch ? Number(yearMatch[1]) : undefined, rows, issues };
}
