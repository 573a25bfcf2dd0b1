// Cross-field checks of a rules version that a field-by-field schema cannot express.
//
// Why: each of these would make a score ambiguous — two activities answering to one alias, weights that
// do not add to 100, grade thresholds out of order, a version dated outside its own year.
import type { z } from 'zod';
import { daysInMonth, isLocalDate } from '../periods/local-date.js';
import type { RulesDefinitionObject } from './rules-schema.js';

type RulesShape = z.infer<typeof RulesDefinitionObject>;
type Issue = { message: string; path: (string | number)[] };

/** Reports the first position of every duplicated value. */
function duplicates(values: readonly string[]): Map<string, number> {
  const seen = new Set<string>();
  const found = new Map<string, number>();
  values.forEach((value, index) => {
    if (seen.has(value) && !found.has(value)) found.set(value, index);
    seen.add(value);
  });
  return found;
}

/** Aliases are matched case- and width-insensitively by the bot, so compare them normalised. */
export function normaliseAlias(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

function codeIssues(rules: RulesShape): Issue[] {
  const issues: Issue[] = [];
  const lists: [string, string[]][] = [
    ['basic', rules.basic.map((b) => b.code)],
    ['vanguard.roles', rules.vanguard.roles.map((r) => r.code)],
    ['vetoes', rules.vetoes.map((v) => v.code)],
    ['deductions', rules.deductions.map((d) => d.code)],
    ['activities', rules.vanguard.roles.flatMap((r) => r.activities.map((a) => a.code))],
    ['stars.components', rules.stars.components.map((c) => c.code)],
  ];
  for (const [path, codes] of lists) {
    for (const [code] of duplicates(codes)) issues.push({ message: `duplicate code ${code}`, path: [path] });
  }
  // Every activity's name and aliases must point at one activity only, or "记录 隐患 3" is ambiguous.
  const words = rules.vanguard.roles.flatMap((r) =>
    r.activities.flatMap((a) => [...new Set([a.name, ...a.aliases].map(normaliseAlias))]),
  );
  for (const [word] of duplicates(words)) {
    issues.push({ message: `name or alias "${word}" names more than one activity`, path: ['vanguard', 'roles'] });
  }
  return issues;
}

function evaluationIssues(rules: RulesShape): Issue[] {
  const issues: Issue[] = [];
  const { democratic, checklist, mass } = rules.evaluation.weights;
  if (democratic + checklist + mass !== 100) {
    issues.push({ message: `weights add up to ${democratic + checklist + mass}, not 100`, path: ['evaluation', 'weights'] });
  }
  const { excellent, qualified, basicallyQualified } = rules.evaluation.grades;
  if (!(excellent > qualified && qualified > basicallyQualified)) {
    issues.push({
      message: 'grade thresholds must descend: excellent > qualified > basicallyQualified',
      path: ['evaluation', 'grades'],
    });
  }
  return issues;
}

function dateIssues(rules: RulesShape): Issue[] {
  const issues: Issue[] = [];
  if (isLocalDate(rules.effectiveFrom) && !rules.effectiveFrom.startsWith(`${rules.year}-`)) {
    issues.push({ message: `effectiveFrom ${rules.effectiveFrom} is outside year ${rules.year}`, path: ['effectiveFrom'] });
  }
  const { start, end } = rules.pledgeWindow;
  for (const [name, md] of [['start', start], ['end', end]] as const) {
    // Checked against a leap year so 29 February is allowed; resolving a window clamps it in other years.
    if (md.day !== 'last' && md.day > daysInMonth(2000, md.month)) {
      issues.push({ message: `no day ${md.day} in month ${md.month}`, path: ['pledgeWindow', name] });
    }
  }
  const startKey = start.month * 100 + (start.day === 'last' ? 31 : start.day);
  const endKey = end.month * 100 + (end.day === 'last' ? 31 : end.day);
  if (startKey > endKey) issues.push({ message: 'pledge window ends before it starts', path: ['pledgeWindow'] });
  if (rules.stars.selection.mode === 'share' && rules.stars.selection.share.numerator === 0) {
    issues.push({ message: 'a star share of 0 selects nobody', path: ['stars', 'selection'] });
  }
  return issues;
}

/** zod `superRefine` callback: adds one issue per broken invariant. */
export function checkRulesInvariants(rules: RulesShape, ctx: z.RefinementCtx): void {
  for (const issue of [...codeIssues(rules), ...evaluationIssues(rules), ...dateIssues(rules)]) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
}
