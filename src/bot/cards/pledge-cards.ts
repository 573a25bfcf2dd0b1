// The member's pledge cards: my pledges with a form for a new one (定诺), the submitted answer, and the
// progress form (践诺). Pledge text is what the member typed: it is always shown through the escapers.
import type { PledgeView } from '../../domain/pledges/pledges-repository.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, datePicker, divider, fields, form, input, markdown, md, selectStatic, userText, type Card, type CardElement } from './elements.js';

const p = t.pledges;

export const SERVES_CODES = ['V1', 'V2', 'V3', 'V4', 'B1', 'B2', 'B3', 'MASSES'] as const;

/** Content, then the facts: what it serves, the target, the due date, status and progress. */
export function pledgeSummary(pledge: PledgeView, options: { showStatus?: boolean } = {}): CardElement[] {
  const percent = pledge.latestProgress?.percent;
  const pairs: { label: string; value: string }[] = [
    { label: p.fields.serves, value: p.serves[pledge.serves] },
    { label: p.fields.due, value: pledge.dueOn },
  ];
  if (options.showStatus !== false) pairs.push({ label: p.fields.status, value: p.status[pledge.status] });
  return [
    userText(pledge.content),
    markdown(`${p.fields.target}：${md.user(pledge.target)}`),
    fields(pairs),
    ...(percent !== undefined ? [markdown(`${p.fields.progress}：${p.progress.bar(percent)}`)] : []),
  ];
}

export interface MyPledgesOptions {
  year: number;
  pledges: readonly PledgeView[];
  window: { open: boolean; opens: string; closes: string };
  /** The new-pledge form's submission key. */
  formKey: string;
  today: string;
}

const SHOWN = 10;

export function myPledgesCard(o: MyPledgesOptions): Card {
  const elements: CardElement[] = [];
  const shown = [...o.pledges].reverse().slice(0, SHOWN);
  if (shown.length === 0) elements.push(markdown(p.mine.none));
  for (const pledge of shown) {
    elements.push(...pledgeSummary(pledge));
    if (pledge.reviewComment) elements.push(markdown(`${p.mine.reviewComment}：${md.user(pledge.reviewComment)}`, { size: 'notation' }));
    const actions: CardElement[] = [];
    if (pledge.status === 'approved' || pledge.status === 'inProgress') {
      actions.push(button({ label: p.mine.recordProgress, value: { a: 'pledge.progress.open', p: pledge.id }, style: 'primary' }));
    }
    if (pledge.status === 'returned') actions.push(button({ label: p.mine.resubmit, value: { a: 'pledge.edit', p: pledge.id }, style: 'primary' }));
    if (actions.length > 0) elements.push(buttonRow(actions));
    elements.push(divider());
  }
  if (o.pledges.length > SHOWN) elements.push(markdown(p.mine.more(o.pledges.length - SHOWN), { size: 'notation' }));
  if (o.window.open) {
    elements.push(markdown(`**${p.form.title}**　${p.window.open(o.window.opens, o.window.closes)}`));
    elements.push(pledgeForm({ name: 'pledge_form', formKey: o.formKey, today: o.today, year: o.year, action: 'pledge.create', submitLabel: p.form.submit }));
  } else {
    elements.push(markdown(p.window.closed(o.window.opens, o.window.closes)));
  }
  return card({ title: p.mine.title(o.year), color: 'red', summary: p.mine.title(o.year), elements });
}

export function pledgeForm(o: {
  name: string;
  formKey: string;
  today: string;
  year: number;
  action: 'pledge.create' | 'pledge.resubmit';
  submitLabel: string;
  pledge?: PledgeView;
}): CardElement {
  const due = o.pledge?.dueOn ?? `${o.year}-12-31`;
  return form({
    name: o.name,
    submitLabel: o.submitLabel,
    submitValue: { a: o.action, k: o.formKey, ...(o.pledge ? { p: o.pledge.id } : {}) },
    elements: [
      input({ name: 'content', label: p.form.content, placeholder: p.form.contentPlaceholder, required: true, maxLength: 500, multiline: true, ...(o.pledge ? { defaultValue: o.pledge.content } : {}) }),
      selectStatic({
        name: 'serves',
        placeholder: p.form.serves,
        options: SERVES_CODES.map((code) => ({ label: p.serves[code], value: code })),
        required: true,
        ...(o.pledge ? { initial: o.pledge.serves } : {}),
      }),
      input({ name: 'target', label: p.form.target, placeholder: p.form.targetPlaceholder, required: true, maxLength: 200, ...(o.pledge ? { defaultValue: o.pledge.target } : {}) }),
      datePicker({ name: 'due', placeholder: p.form.due, initialDate: due, required: true }),
    ],
  });
}

export function pledgeEditCard(pledge: PledgeView, formKey: string, today: string): Card {
  const elements: CardElement[] = [];
  if (pledge.reviewComment) elements.push(markdown(`${p.mine.reviewComment}：${md.user(pledge.reviewComment)}`));
  elements.push(pledgeForm({ name: 'pledge_edit', formKey, today, year: pledge.year, action: 'pledge.resubmit', submitLabel: p.form.resubmit, pledge }));
  return card({ title: p.form.resubmitTitle, color: 'orange', elements });
}

export function pledgeSubmittedCard(pledge: PledgeView, resubmitted = false): Card {
  return card({
    title: p.created.title,
    color: 'green',
    elements: [markdown(resubmitted ? p.created.resubmitted : p.created.body), ...pledgeSummary(pledge)],
  });
}

const PERCENTS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

export function progressFormCard(pledge: PledgeView, formKey: string): Card {
  const current = pledge.latestProgress?.percent;
  return card({
    title: p.progress.title,
    color: 'blue',
    elements: [
      ...pledgeSummary(pledge, { showStatus: false }),
      form({
        name: 'progress_form',
        submitLabel: p.progress.submit,
        submitValue: { a: 'pledge.progress', k: formKey, p: pledge.id },
        elements: [
          selectStatic({
            name: 'percent',
            placeholder: p.progress.percentPlaceholder,
            options: PERCENTS.map((n) => ({ label: `${n}%`, value: String(n) })),
            required: true,
            ...(current !== undefined ? { initial: String(PERCENTS.find((n) => n >= current) ?? 100) } : {}),
          }),
          input({ name: 'text', label: p.progress.text, placeholder: p.progress.textPlaceholder, required: true, maxLength: 500, multiline: true }),
        ],
      }),
    ],
  });
}

export function progressSavedCard(pledge: PledgeView, percent: number): Card {
  return card({
    title: p.progress.savedTitle,
    color: 'green',
    elements: [markdown(p.progress.saved(percent)), userText(pledge.content), markdown(p.progress.bar(percent)), markdown(p.progress.photoHint, { size: 'notation' })],
  });
}

export function progressPhotoCard(): Card {
  return card({ title: p.progress.photoTitle, color: 'green', elements: [markdown(p.progress.photoAttached)] });
}
