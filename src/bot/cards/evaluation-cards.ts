// Cards of the annual evaluation (评议): a branch's composites and grades with the 优秀-share warning and
// the entry form, the committee overview with the finalise button, the upload report, the finalised summary.
import type { BranchEvaluationView } from '../../domain/evaluation/evaluation-service.js';
import type { FinalisedYear } from '../../domain/evaluation/evaluation-year-service.js';
import { formatPoints, type Hundredths } from '../../domain/points.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, CARD_BYTE_LIMIT, cardBytes, divider, form, input, markdown, md, selectStatic, type Card, type CardElement } from './elements.js';

const e = t.evaluation;
/** Rows shown on a card; the rest are in the template and the export (cards stay under 30 KB). */
export const EVALUATION_CARD_ROWS = 60;
const FORM_MEMBERS = 100;

const score = (value: Hundredths | null) => (value === null ? e.notEntered : formatPoints(value));
const grade = (value: string | null) => (value === null ? e.notEntered : (e.grades[value] ?? value));

export interface BranchEvaluationCardInput {
  readonly view: BranchEvaluationView;
  readonly branchName: string;
  readonly weights: { readonly democratic: number; readonly checklist: number; readonly mass: number };
  /** Members the viewer may score (the form's choices); empty hides the form. */
  readonly scorable: readonly { readonly memberId: number; readonly name: string }[];
}

function warningLine(view: { excellentCount: number; rows: readonly unknown[]; warning?: { excellent: number; members: number; allowed: number } }): CardElement[] {
  return view.warning ? [markdown(md.color(e.warning(view.warning.excellent, view.warning.members, view.warning.allowed), 'red'))] : [];
}

/** Shows as many rows and form choices as fit under Feishu's card size limit (long names take more room). */
export function branchEvaluationCard(o: BranchEvaluationCardInput): Card {
  let rows = EVALUATION_CARD_ROWS;
  let choices = FORM_MEMBERS;
  for (;;) {
    const built = buildBranchCard(o, rows, choices);
    if (cardBytes(built) <= CARD_BYTE_LIMIT || rows <= 5) return built;
    rows = Math.floor(rows * 0.75);
    choices = Math.floor(choices * 0.75);
  }
}

function buildBranchCard(o: BranchEvaluationCardInput, shownRows: number, formMembers: number): Card {
  const { view } = o;
  const elements: CardElement[] = [
    markdown(`${e.status[view.status] ?? view.status}　${e.weights(o.weights.democratic, o.weights.checklist, o.weights.mass)}`, { size: 'notation' }),
    markdown(e.summary(view.rows.length, view.missing, view.excellentCount)),
    ...warningLine(view),
    divider(),
    markdown(md.bold(e.columns)),
    ...view.rows.slice(0, shownRows).map((r) =>
      markdown(e.row(md.user(r.name), score(r.democratic), score(r.mass), score(r.checklist), score(r.composite), `${grade(r.grade)}${r.vetoed ? e.vetoed : ''}`)),
    ),
  ];
  if (view.rows.length > shownRows) elements.push(markdown(e.more(view.rows.length - shownRows), { size: 'notation' }));
  if (view.status === 'OPEN' && o.scorable.length > 0) {
    elements.push(divider(), markdown(e.secretaryHint, { size: 'notation' }));
    elements.push(buttonRow([button({ label: e.template, value: { a: 'evaluation.template', y: view.year, b: view.branchId }, style: 'primary' })]));
    elements.push(
      form({
        name: 'evaluation_entry',
        submitLabel: e.save,
        submitValue: { a: 'evaluation.enter', y: view.year, b: view.branchId },
        elements: [
          markdown(md.bold(e.enterTitle)),
          selectStatic({ name: 'member', placeholder: e.memberPlaceholder, required: true, options: o.scorable.slice(0, formMembers).map((m) => ({ label: m.name, value: String(m.memberId) })) }),
          input({ name: 'democratic', label: e.democratic, maxLength: 6 }),
          input({ name: 'mass', label: e.mass, maxLength: 6 }),
          input({ name: 'political', label: e.political, maxLength: 6 }),
          input({ name: 'jobSkill', label: e.jobSkill, maxLength: 6 }),
          input({ name: 'performance', label: e.performance, maxLength: 6 }),
        ],
      }),
    );
  }
  return card({ title: e.branchTitle(view.year, o.branchName), color: view.warning ? 'orange' : 'red', elements });
}

export interface BranchOverview {
  readonly name: string;
  readonly members: number;
  readonly missing: number;
  readonly excellent: number;
  readonly warning?: { readonly excellent: number; readonly members: number; readonly allowed: number };
}

export function evaluationOverviewCard(o: { year: number; status: 'OPEN' | 'FINALIZED'; branches: readonly BranchOverview[] }): Card {
  const elements: CardElement[] = [markdown(e.status[o.status] ?? o.status, { size: 'notation' })];
  for (const b of o.branches) {
    elements.push(markdown(e.overviewRow(md.user(b.name), b.members, b.missing, b.excellent)));
    if (b.warning) elements.push(markdown(md.color(e.branchWarning(md.user(b.name), b.warning.excellent, b.warning.members, b.warning.allowed), 'red')));
  }
  const missing = o.branches.reduce((n, b) => n + b.missing, 0);
  if (missing > 0) elements.push(markdown(e.incomplete(missing)));
  elements.push(markdown(e.adminHint, { size: 'notation' }));
  if (o.status === 'OPEN') {
    elements.push(buttonRow([button({ label: e.finalize, value: { a: 'evaluation.finalize', y: o.year }, style: 'danger', confirm: e.finalizeConfirm })]));
  }
  return card({ title: e.title(o.year), elements });
}

export function evaluationFinalisedCard(summary: FinalisedYear, branchNames: ReadonlyMap<number, string>): Card {
  const byGrade = Object.entries(summary.byGrade).map(([g, n]) => `${e.grades[g] ?? g} ${n}`).join('，');
  return card({
    title: e.finalizedTitle(summary.year),
    color: 'green',
    elements: [
      markdown(e.finalized(summary.evaluated, summary.missing)),
      markdown(e.byGrade(byGrade)),
      ...summary.warnings.map((w) => markdown(md.color(e.branchWarning(md.user(branchNames.get(w.branchId) ?? ''), w.excellent, w.members, w.allowed), 'red'))),
    ],
  });
}

const MAX_ISSUES = 80;

export function evaluationRejectedCard(issues: readonly { row?: number; text: string }[]): Card {
  const shown = issues.slice(0, MAX_ISSUES);
  return card({
    title: e.rejectedTitle,
    color: 'orange',
    elements: [
      markdown(e.rejected(issues.length)),
      ...shown.map((i) => markdown(md.user(i.row === undefined ? i.text : e.rowIssue(i.row, i.text)))),
      ...(issues.length > MAX_ISSUES ? [markdown(e.tooManyIssues(issues.length - MAX_ISSUES))] : []),
    ],
  });
}

export function evaluationNoticeCard(title: string, text: string, color: 'red' | 'green' | 'orange' = 'red'): Card {
  return card({ title, color, elements: [markdown(md.user(text))] });
}
