// Parsing and row validation: headers in English and Chinese, every rule with its row and column, and a file
// with exactly three bad rows reporting those three and no others.
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../../src/domain/roster/parse-roster.js';
import { csvFile, csvText, HEADER, HEADER_ZH, people, person, xlsxFile } from './roster-fixtures.js';

const parse = (text: string) => parseRoster(csvFile(text));
const where = (errors: Array<{ code: string; row?: number; column?: string }>) => errors.map((e) => [e.row, e.column, e.code]);

describe('parseRoster: a good file', () => {
  it('normalises every field of every row', async () => {
    const text = csvText([person(0, { mobile: '+86 138-0000-0000', email: ' P0000@Oilfield.Example ', role: 'Secretary' }), person(1, { open_id: '' })]);
    const parsed = await parse(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.dataRows).toBe(2);
    expect(parsed.rows).toEqual([
      { row: 2, name: '党员0000', employeeNo: 'E0000', mobile: '13800000000', email: 'p0000@oilfield.example', branch: '采油一区党支部', role: 'SECRETARY', openId: 'ou_p0000' },
      { row: 3, name: '党员0001', employeeNo: 'E0001', mobile: '13800000001', email: 'p0001@oilfield.example', branch: '机关第一党支部', role: 'SECRETARY', openId: null },
    ]);
  });

  it('accepts the Chinese headers and role names operators type in Excel', async () => {
    const parsed = await parse(csvText([person(0, { role: '支部书记' }), person(2, { role: '党员' }), person(4, { role: '党委管理员' })], HEADER_ZH));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.role)).toEqual(['SECRETARY', 'MEMBER', 'ADMIN']);
  });

  it('takes an international mobile with its country code', async () => {
    const parsed = await parse(csvText([person(0, { mobile: '+1 212 666 8888' })]));
    expect(parsed.rows[0]?.mobile).toBe('+12126668888');
  });

  it('does without an open_id column, skips blank rows and keeps Excel row numbers', async () => {
    const text = 'name,employee_no,mobile,email,branch,role\n\n张三,E1,13800000001,,一支部,secretary\n,,,,,\n李四,E2,,l@x.example,一支部,member\n';
    const parsed = await parse(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.employeeNo, r.openId])).toEqual([[3, 'E1', null], [5, 'E2', null]]);
  });

  it('warns about unknown columns and ignores their content', async () => {
    const parsed = await parse('name,employee_no,mobile,email,branch,role,备注\n张三,E1,13800000001,,一支部,secretary,老党员\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([{ code: 'unknown_column', row: 1, detail: { header: '备注' } }]);
  });

  it('reads an XLSX built in Excel, numbers and hyperlinks included', async () => {
    const file = await xlsxFile([
      ['姓名', '工号', '手机', '邮箱', '支部', '角色'],
      ['张三', 20000001, 13800000001, { text: 'z@x.example', hyperlink: 'mailto:z@x.example' }, '一支部', '支部书记'],
    ]);
    const parsed = await parseRoster(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rows[0]).toMatchObject({ row: 2, employeeNo: '20000001', mobile: '13800000001', email: 'z@x.example', role: 'SECRETARY' });
  });
});

describe('parseRoster: header problems', () => {
  it('reports a missing column once, not once per row', async () => {
    const parsed = await parse('name,employee_no,email,branch,role\n张三,E1,a@x.example,一支部,member\n');
    expect(where(parsed.errors)).toEqual([[1, 'mobile', 'missing_column']]);
  });

  it('reports a column given twice (English and Chinese header for one field)', async () => {
    const parsed = await parse(`${HEADER},工号\n`);
    expect(where(parsed.errors)).toEqual([[1, 'employee_no', 'duplicate_column']]);
  });

  it('reports a file without a header or without data', async () => {
    expect(where((await parse('\n\n')).errors)).toEqual([[undefined, undefined, 'no_header']]);
    expect(where((await parse('foo,bar\n1,2\n')).errors)).toEqual([[1, undefined, 'no_header']]);
    expect(where((await parse(`${HEADER}\n`)).errors)).toEqual([[undefined, undefined, 'no_rows']]);
  });
});

describe('parseRoster: every row rule, with row and column', () => {
  const cases: Array<[string, Partial<Record<string, string>>, string, string]> = [
    ['blank name', { name: '' }, 'name', 'required'],
    ['long name', { name: '名'.repeat(65) }, 'name', 'too_long'],
    ['blank employee number', { employee_no: ' ' }, 'employee_no', 'required'],
    ['employee number in scientific notation', { employee_no: '2.0E+07' }, 'employee_no', 'bad_employee_no'],
    ['short mobile', { mobile: '1380000' }, 'mobile', 'bad_mobile'],
    ['+86 with a landline', { mobile: '+86 010 1234567' }, 'mobile', 'bad_mobile'],
    ['bad e-mail', { email: 'not-an-email' }, 'email', 'bad_email'],
    ['blank branch', { branch: '' }, 'branch', 'required'],
    ['unknown role', { role: '组织委员' }, 'role', 'bad_role'],
    ['blank role', { role: '' }, 'role', 'required'],
    ['bad open_id', { open_id: 'on_123' }, 'open_id', 'bad_open_id'],
    ['no way to reach the person', { mobile: '', email: '', open_id: '' }, 'mobile', 'no_contact'],
    ['a line break in a name', { name: '张\n三' }, 'name', 'bad_text'],
  ];
  it.each(cases)('%s', async (_label, override, column, code) => {
    const parsed = await parse(csvText([person(0), person(1), person(2, override)]));
    expect(where(parsed.errors)).toEqual([[4, column, code]]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('reports every bad cell of one row', async () => {
    const parsed = await parse(csvText([person(0, { name: '', mobile: '123', role: 'boss' })]));
    expect(where(parsed.errors)).toEqual([[2, 'name', 'required'], [2, 'mobile', 'bad_mobile'], [2, 'role', 'bad_role']]);
  });

  it('reports cells beyond the header (an unquoted comma inside a value)', async () => {
    const parsed = await parse(`${HEADER}\n张,三,E1,13800000001,,一支部,member,ou_x\n`);
    expect(parsed.errors.map((e) => [e.row, e.code])).toContainEqual([2, 'extra_cells']);
  });

  it('reports duplicates inside the file on the later row, pointing at the first', async () => {
    const rows = [
      person(0),
      person(1, { employee_no: 'E0000' }),
      person(2, { mobile: '+86 13800000000' }),
      person(3, { email: 'P0000@OILFIELD.EXAMPLE' }),
      person(4, { open_id: 'ou_p0000' }),
    ];
    const parsed = await parse(csvText(rows));
    expect(parsed.errors.map((e) => [e.row, e.column, e.code, e.detail?.firstRow])).toEqual([
      [3, 'employee_no', 'duplicate_in_file', 2],
      [4, 'mobile', 'duplicate_in_file', 2],
      [5, 'email', 'duplicate_in_file', 2],
      [6, 'open_id', 'duplicate_in_file', 2],
    ]);
  });
});

describe('parseRoster: three bad rows', () => {
  it('reports exactly those three rows among good ones, in file order', async () => {
    const rows = people(12, (i) => (i === 3 ? { mobile: '12345' } : i === 7 ? { role: 'chief' } : i === 10 ? { employee_no: 'E0002' } : {}));
    const parsed = await parse(csvText(rows));
    expect(where(parsed.errors)).toEqual([[5, 'mobile', 'bad_mobile'], [9, 'role', 'bad_role'], [12, 'employee_no', 'duplicate_in_file']]);
    expect(new Set(parsed.errors.map((e) => e.row))).toEqual(new Set([5, 9, 12]));
  });

  it('does the same in an XLSX', async () => {
    const rows = people(6, (i) => (i === 1 ? { email: 'x@' } : i === 2 ? { name: '' } : i === 5 ? { branch: '' } : {}));
    const file = await xlsxFile([HEADER.split(','), ...rows.map((r) => Object.values(r))]);
    const parsed = await parseRoster(file);
    expect(where(parsed.errors)).toEqual([[3, 'email', 'bad_email'], [4, 'name', 'required'], [7, 'branch', 'required']]);
  });
});

describe('parseRoster: secretaries', () => {
  it('warns about a branch without a secretary and one with several', async () => {
    const rows = [person(0), person(2, { role: 'secretary' }), person(1, { role: 'member' }), person(3)];
    const parsed = await parse(csvText(rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([
      { code: 'branch_with_several_secretaries', detail: { branch: '采油一区党支部', rows: [2, 3] } },
      { code: 'branch_without_secretary', detail: { branch: '机关第一党支部' } },
    ]);
  });
});
