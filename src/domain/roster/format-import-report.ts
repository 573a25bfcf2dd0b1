// Renders an import report in zh-CN: `formatImportReport` for the bot (plain text, long lists cut short) and
// `reportSections`, which the console rendering shares, so both say the same thing in the same words.
import type { ImportReport } from './import-report.js';
import { changeValue, CHANGED_FIELD_LABELS, issuePlace, issueText, unresolvedText } from './issue-text.js';
import { ROLE_LABELS } from './roster-fields.js';

export interface ReportSection {
  heading: string;
  items: string[];
}

export interface ReportView {
  title: string;
  summary: Array<[label: string, count: number]>;
  sections: ReportSection[];
}

const TITLES: Readonly<Record<ImportReport['outcome'], (r: ImportReport) => string>> = {
  invalid: (r) => `名册未导入：发现 ${r.errors.length} 处错误，没有写入任何数据`,
  dry_run: () => '名册预演（--dry-run）：以下是将会发生的变化，没有写入任何数据',
  unchanged: () => '名册已是最新：与数据库一致，没有任何变化',
  applied: () => '名册已导入',
};

export function reportSections(report: ImportReport): ReportView {
  const sections: ReportSection[] = [];
  const add = (heading: string, items: string[]) => {
    if (items.length > 0) sections.push({ heading, items });
  };
  add(`错误（${report.errors.length}）`, report.errors.map((e) => `${issuePlace(e)}：${issueText(e)}`));
  add(`提醒（${report.warnings.length}）`, report.warnings.map((w) => (w.row === undefined ? issueText(w) : `${issuePlace(w)}：${issueText(w)}`)));
  add(`新建支部（${report.branchesCreated.length}）`, report.branchesCreated);
  add(
    `新建人员（${report.created.length}）`,
    report.created.map((c) => `第 ${c.row} 行 ${c.employeeNo} ${c.name}（${c.branch}，${ROLE_LABELS[c.role]}）`),
  );
  add(
    `更新人员（${report.updated.length}）`,
    report.updated.map((u) => {
      const diffs = u.changes.map((c) => `${CHANGED_FIELD_LABELS[c.field]} ${changeValue(c.field, c.from)} → ${changeValue(c.field, c.to)}`);
      return `第 ${u.row} 行 ${u.employeeNo} ${u.name}：${diffs.join('；')}`;
    }),
  );
  add(`停用人员（${report.deactivated.length}）`, report.deactivated.map((d) => `${d.employeeNo} ${d.name}（${d.branch}）`));
  add(
    `未解析 open_id（${report.unresolved.length}，可先导入，之后重新导入时补上）`,
    report.unresolved.map((u) => `第 ${u.row} 行 ${u.employeeNo} ${u.name}：${unresolvedText(u)}`),
  );

  const summary: ReportView['summary'] =
    report.outcome === 'invalid'
      ? [['数据行', report.file.dataRows], ['错误', report.errors.length]]
      : [
          ['数据行', report.file.dataRows],
          ['新建人员', report.created.length],
          ['更新人员', report.updated.length],
          ['无变化', report.unchanged],
          ['停用人员', report.deactivated.length],
          ['新建支部', report.branchesCreated.length],
          ['解析 open_id', report.resolved.length],
          ['未解析 open_id', report.unresolved.length],
        ];
  return { title: TITLES[report.outcome](report), summary, sections };
}

/** Where the file and committee are, in one line. */
export function reportSubject(report: ImportReport): string {
  const format = report.file.format ? `，${report.file.format.toUpperCase()}` : '';
  return `文件：${report.file.name}${format}${report.committee ? `　党委：${report.committee}` : ''}`;
}

/**
 * The report for a chat message, in zh-CN plain text (no markdown: names from the file are shown as typed).
 * Each list stops after `maxItems` lines with a count of the rest, to keep the message short on a phone.
 */
export function formatImportReport(report: ImportReport, { maxItems = 20 }: { maxItems?: number } = {}): string {
  const view = reportSections(report);
  const lines = [view.title, reportSubject(report), view.summary.map(([label, n]) => `${label} ${n}`).join(' · ')];
  for (const section of view.sections) {
    lines.push('', `${section.heading}：`);
    for (const item of section.items.slice(0, maxItems)) lines.push(`· ${item}`);
    if (section.items.length > maxItems) lines.push(`……另有 ${section.items.length - maxItems} 条`);
  }
  return lines.join('\n');
}
