// Reading roster files: format detection, UTF-8 with and without BOM, Excel row numbers, XLSX cell kinds.
import { describe, expect, it } from 'vitest';
import { cellText, detectFormat, readRosterFile } from '../../../src/domain/roster/read-roster-file.js';
import { csvFile, xlsxFile } from './roster-fixtures.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('detectFormat', () => {
  it('goes by extension, then by content', () => {
    expect(detectFormat({ name: 'a.CSV', bytes: bytes() })).toBe('csv');
    expect(detectFormat({ name: 'a.xlsx', bytes: bytes() })).toBe('xlsx');
    expect(detectFormat({ name: 'upload', bytes: bytes(0x50, 0x4b, 0x03, 0x04) })).toBe('xlsx');
    expect(detectFormat({ name: 'upload', bytes: bytes(0x6e, 0x61) })).toBe('csv');
  });

  it('refuses legacy .xls and unknown extensions', () => {
    expect(detectFormat({ name: 'a.xls', bytes: bytes() })).toBeNull();
    expect(detectFormat({ name: 'upload', bytes: bytes(0xd0, 0xcf, 0x11, 0xe0) })).toBeNull();
    expect(detectFormat({ name: 'a.pdf', bytes: bytes() })).toBeNull();
  });
});

describe('readRosterFile: CSV', () => {
  it('reads UTF-8 with a BOM exactly like without one', async () => {
    const plain = await readRosterFile(csvFile('姓名,工号\n张三,1\n'));
    const bom = await readRosterFile({ name: 'r.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('姓名,工号\n张三,1\n')]) });
    expect(bom).toEqual(plain);
    expect(plain).toEqual({ ok: true, format: 'csv', rows: [{ row: 1, cells: ['姓名', '工号'] }, { row: 2, cells: ['张三', '1'] }] });
  });

  it('numbers rows as Excel does: blank lines count, a quoted line break does not', async () => {
    const read = await readRosterFile(csvFile('h1,h2\n"a\nb",1\n\nc,2\n'));
    expect(read.ok && read.rows.map((r) => [r.row, r.cells[0]])).toEqual([[1, 'h1'], [2, 'a\nb'], [3, ''], [4, 'c']]);
  });

  it('refuses a file that is not UTF-8 (GBK from Excel) instead of reading mojibake', async () => {
    const gbk = bytes(0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x31, 0x0a); // 姓名,1 in GBK
    expect(await readRosterFile({ name: 'r.csv', bytes: gbk })).toMatchObject({ ok: false, error: { code: 'not_utf8' } });
  });

  it('reports a broken quote with the row it is on', async () => {
    const read = await readRosterFile(csvFile('a,b\nc,d\ne,"f\n'));
    expect(read).toMatchObject({ ok: false, format: 'csv', error: { code: 'unreadable', row: 3 } });
  });

  it('refuses files over the size limit before parsing', async () => {
    const read = await readRosterFile({ name: 'r.csv', bytes: new Uint8Array(10 * 1024 * 1024 + 1) });
    expect(read).toMatchObject({ ok: false, error: { code: 'file_too_large' } });
  });

  it('refuses .xls with a clear code', async () => {
    expect(await readRosterFile({ name: 'r.xls', bytes: bytes(1) })).toMatchObject({ ok: false, error: { code: 'unsupported_format' } });
  });
});

describe('readRosterFile: XLSX', () => {
  it('keeps worksheet row numbers and reads numbers, links and rich text as the text a person sees', async () => {
    const file = await xlsxFile([
      ['name', 'mobile', 'email'],
      [],
      [{ richText: [{ text: '张' }, { text: '三' }] }, 13800000001, { text: 'a@b.example', hyperlink: 'mailto:a@b.example' }],
    ]);
    const read = await readRosterFile(file);
    expect(read).toEqual({
      ok: true,
      format: 'xlsx',
      rows: [
        { row: 1, cells: ['name', 'mobile', 'email'] },
        { row: 3, cells: ['张三', '13800000001', 'a@b.example'] },
      ],
    });
  });

  it('reports a corrupt workbook as unreadable', async () => {
    const read = await readRosterFile({ name: 'r.xlsx', bytes: bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3) });
    expect(read).toMatchObject({ ok: false, format: 'xlsx', error: { code: 'unreadable' } });
  });

  it('cellText renders formula results, booleans, dates and errors', () => {
    expect(cellText({ formula: 'A1', result: 'x' })).toBe('x');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(12.5)).toBe('12.5');
  });
});
