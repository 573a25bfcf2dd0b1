// Renders an import report for a terminal: a count table aligned for CJK text, then every item of every list.
import type { ImportReport } from './import-report.js';
import { reportSections, reportSubject } from './format-import-report.js';

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export function renderReportForConsole(report: ImportReport): string {
  const view = reportSections(report);
  const labelWidth = Math.max(...view.summary.map(([label]) => displayWidth(label)));
  const numberWidth = Math.max(...view.summary.map(([, n]) => String(n).length));
  const lines = [view.title, reportSubject(report), ''];
  for (const [label, n] of view.summary) lines.push(`  ${padEnd(label, labelWidth)}  ${String(n).padStart(numberWidth)}`);
  for (const section of view.sections) {
    lines.push('', section.heading, '-'.repeat(Math.min(60, displayWidth(section.heading))));
    for (const item of section.items) lines.push(`  ${item}`);
  }
  return `${lines.join('\n')}\n`;
}
