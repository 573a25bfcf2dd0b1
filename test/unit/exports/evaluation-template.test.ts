// The evaluation template round trip without I/O: what the bot builds, a person fills in, the reader checks.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildEvaluationTemplate, parseEvaluationUpload } from '../../../src/exports/evaluation-template.js';

const rows = [
  { employeeNo: 'E1', name: '甲', branch: '一支部', scores: { democratic: 9000, mass: null } },
  { employeeNo: 'E2', name: '乙', branch: '一支部', scores: {} },
  { employeeNo: 'E3', name: '丙', branch: '一支部', scores: {} },
];
const known = new Set(['E1', 'E2', 'E3']);

async function edit(bytes: Buffer, change: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  change(workbook.worksheets[0]!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('evaluation template', () => {
  it('reads back what it wrote: the year, pre-filled scores, rows without scores skipped', async () => {
    const parsed = await parseEvaluationUpload(await buildEvaluationTemplate(2026, rows), known);
    expect(parsed).toEqual({ kind: 'parsed', year: 2026, issues: [], rows: [{ row: 2, employeeNo: 'E1', scores: { democratic: 9000 } }] });
  });

  it('accepts numbers typed as text and formula results; refuses three decimals, out of range, duplicates', async () => {
    const bytes = await edit(await buildEvaluationTemplate(2026, rows), (sheet) => {
      sheet.getRow(2).getCell(5).value = '88.5';
      sheet.getRow(3).getCell(4).value = { formula: '80+5', result: 85 };
      sheet.getRow(3).getCell(5).value = 89.999;
      sheet.getRow(4).getCell(4).value = -1;
      sheet.addRow(['E1', '甲', '一支部', 70, 70]);
      sheet.addRow([]);
      sheet.addRow(['', '无工号', '', 70, 70]);
    });
    const parsed = await parseEvaluationUpload(bytes, known);
    if (parsed.kind !== 'parsed') throw new Error('expected parsed');
    expect(parsed.rows).toEqual([{ row: 2, employeeNo: 'E1', scores: { democratic: 9000, mass: 8850 } }]);
    expect(parsed.issues.map((i) => i.row)).toEqual([3, 4, 5, 7]);
    expect(parsed.issues[0]!.text).toContain('89.999');
    expect(parsed.issues[2]!.text).toContain('重复');
    expect(parsed.issues[3]!.text).toContain('缺少工号');
  });

  it('tells another workbook or a non-workbook from the template', async () => {
    expect(await parseEvaluationUpload(Buffer.from('name,score\n'), known)).toEqual({ kind: 'wrong-template' });
    const renamed = await edit(await buildEvaluationTemplate(2026, rows), (sheet) => (sheet.getRow(1).getCell(1).value = '编号'));
    expect(await parseEvaluationUpload(renamed, known)).toEqual({ kind: 'wrong-template' });
  });
});
