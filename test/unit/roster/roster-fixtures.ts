// Builders for roster files in tests: CSV text from rows, XLSX built in memory with exceljs.
import ExcelJS from 'exceljs';
import type { RosterFile } from '../../../src/domain/roster/read-roster-file.js';

export const HEADER = 'name,employee_no,mobile,email,branch,role,open_id';
export const HEADER_ZH = '姓名,工号,手机,邮箱,支部,角色,open_id';

export interface PersonRow {
  name: string;
  employee_no: string;
  mobile: string;
  email: string;
  branch: string;
  role: string;
  open_id: string;
}

/** Person i of a branch: distinct employee number, mobile, e-mail and open_id for each i. */
export function person(i: number, overrides: Partial<PersonRow> = {}): PersonRow {
  const n = String(i).padStart(4, '0');
  return {
    name: `党员${n}`,
    employee_no: `E${n}`,
    mobile: `1380000${n}`,
    email: `p${n}@oilfield.example`,
    branch: i % 2 === 0 ? '采油一区党支部' : '机关第一党支部',
    role: i < 2 ? 'secretary' : 'member',
    open_id: `ou_p${n}`,
    ...overrides,
  };
}

export function people(n: number, overrides: (i: number) => Partial<PersonRow> = () => ({})): PersonRow[] {
  return Array.from({ length: n }, (_, i) => person(i, overrides(i)));
}

const quote = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function csvText(rows: readonly PersonRow[], header = HEADER): string {
  const keys = ['name', 'employee_no', 'mobile', 'email', 'branch', 'role', 'open_id'] as const;
  return [header, ...rows.map((r) => keys.map((k) => quote(r[k])).join(','))].join('\n') + '\n';
}

export function csvFile(text: string, name = 'roster.csv'): RosterFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export async function xlsxFile(rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>, name = 'roster.xlsx'): Promise<RosterFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名册');
  rows.forEach((cells, i) => {
    if (cells.length > 0) sheet.getRow(i + 1).values = [...cells];
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { name, bytes: new Uint8Array(buffer as ArrayBuffer) };
}
