// The zh-CN renderings of an import report: the bot's text (lists cut short) and the console's (everything).
import { describe, expect, it } from 'vitest';
import { formatImportReport } from '../../../src/domain/roster/format-import-report.js';
import type { ImportReport } from '../../../src/domain/roster/import-report.js';
import { displayWidth, renderReportForConsole } from '../../../src/domain/roster/render-report-console.js';

const base: ImportReport = {
  file: { name: 'roster.csv', format: 'csv', dataRows: 3 },
  committee: '油田作业区党委',
  options: { dryRun: false, deactivateMissing: false, offline: false },
  outcome: 'applied',
  errors: [],
  warnings: [],
  branchesCreated: [],
  created: [],
  updated: [],
  unchanged: 0,
  deactivated: [],
  resolved: [],
  unresolved: [],
};

describe('formatImportReport', () => {
  it('lists every error with its row and column in Chinese', () => {
    const text = formatImportReport({
      ...base,
      outcome: 'invalid',
      errors: [
        { code: 'missing_column', row: 1, column: 'email' },
        { code: 'bad_mobile', row: 3, column: 'mobile' },
        { code: 'duplicate_in_file', row: 7, column: 'employee_no', detail: { firstRow: 2 } },
        { code: 'taken_by_other_member', row: 9, column: 'email', detail: { otherEmployeeNo: 'E42' } },
      ],
    });
    expect(text.split('\n')[0]).toBe('名册未导入：发现 4 处错误，没有写入任何数据');
    expect(text).toContain('· 第 1 行 · 邮箱：表头缺少“邮箱”列');
    expect(text).toContain('· 第 3 行 · 手机：手机号格式不对');
    expect(text).toContain('· 第 7 行 · 工号：工号与第 2 行重复');
    expect(text).toContain('· 第 9 行 · 邮箱：邮箱已属于名册中工号为 E42 的人员');
  });

  it('shows creates, field diffs, deactivations and unresolved rows', () => {
    const text = formatImportReport({
      ...base,
      branchesCreated: ['新支部'],
      created: [{ row: 2, employeeNo: 'E1', name: '张三', branch: '新支部', role: 'SECRETARY' }],
      updated: [{ row: 3, employeeNo: 'E2', name: '李四', changes: [{ field: 'role', from: 'MEMBER', to: 'SECRETARY' }, { field: 'email', from: 'a@x.example', to: null }] }],
      unchanged: 1,
      deactivated: [{ employeeNo: 'E9', name: '王五', branch: '一支部' }],
      unresolved: [{ row: 2, employeeNo: 'E1', name: '张三', reason: 'not_found' }],
      warnings: [{ code: 'branch_without_secretary', detail: { branch: '二支部' } }],
    });
    expect(text).toContain('数据行 3 · 新建人员 1 · 更新人员 1 · 无变化 1 · 停用人员 1 · 新建支部 1');
    expect(text).toContain('· 第 2 行 E1 张三（新支部，支部书记）');
    expect(text).toContain('· 第 3 行 E2 李四：角色 党员 → 支部书记；邮箱 a@x.example → （空）');
    expect(text).toContain('· E9 王五（一支部）');
    expect(text).toContain('· 第 2 行 E1 张三：飞书通讯录中找不到');
    expect(text).toContain('· 支部“二支部”没有支部书记');
  });

  it('cuts long lists for a phone screen and says how many were left out', () => {
    const errors = Array.from({ length: 25 }, (_, i) => ({ code: 'bad_email' as const, row: i + 2, column: 'email' as const }));
    const text = formatImportReport({ ...base, outcome: 'invalid', errors }, { maxItems: 10 });
    expect(text.match(/^· /gm)).toHaveLength(10);
    expect(text).toContain('……另有 15 条');
  });

  it('names the dry run and the no-op import', () => {
    expect(formatImportReport({ ...base, outcome: 'dry_run' })).toMatch(/^名册预演/);
    expect(formatImportReport({ ...base, outcome: 'unchanged' })).toMatch(/^名册已是最新/);
  });
});

describe('renderReportForConsole', () => {
  it('aligns the counts table for CJK labels and prints every item', () => {
    const errors = Array.from({ length: 25 }, (_, i) => ({ code: 'bad_email' as const, row: i + 2, column: 'email' as const }));
    const out = renderReportForConsole({ ...base, outcome: 'invalid', errors });
    expect(out.match(/^ {2}第 \d+ 行 · 邮箱：邮箱格式不对$/gm)).toHaveLength(25);
    const table = out.split('\n').filter((l) => /^ {2}(数据行|错误) /.test(l));
    expect(table).toHaveLength(2);
    // Right-aligned numbers end in the same terminal column although 数据行 and 错误 differ in length.
    expect(new Set(table.map(displayWidth)).size).toBe(1);
  });
});
