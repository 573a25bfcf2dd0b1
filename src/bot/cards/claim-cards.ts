// The member's claim cards: the record form (with the points table and the room left under each cap),
// the inline preview, the likely-duplicate question, the submitted answer. What the member typed is
// always shown through the escapers.
import type { ClaimView } from '../../domain/claims/claims-repository.js';
import type { ClaimFacts } from '../claim-views.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, datePicker, fields, form, input, markdown, md, selectStatic, userText, type ActionValue, type Card, type CardElement } from './elements.js';

const c = t.claims;

/** The facts of a claim: description first (typed by the member), then the catalog facts and points. */
export function claimSummary(f: ClaimFacts, extra: { label: string; value: string }[] = []): CardElement[] {
  return [
    userText(f.description),
    fields([
      { label: c.fields.role, value: f.roleName },
      { label: c.fields.activity, value: f.activityName },
    ]),
    fields([
      { label: c.fields.date, value: f.date },
      { label: c.fields.quantity, value: md.user(f.quantity) },
    ]),
    fields([{ label: f.pointsLabel ?? c.fields.points, value: f.points }, ...extra]),
  ];
}

export interface RateLine {
  roleName: string;
  /** "安全员每年上限 10 分，已得 2 分" */
  roleCap: string;
  activities: string[];
}

export interface ClaimFormValues {
  role?: string;
  activity?: string;
  date: string;
  quantity?: string;
  description?: string;
}

export interface ClaimFormOptions {
  title: string;
  notes: string[];
  rates: RateLine[];
  totalCap: string;
  roles: { label: string; value: string }[];
  activities: { label: string; value: string }[];
  values: ClaimFormValues;
  submitLabel: string;
  submitValue: ActionValue;
  /** The evidence attach window, in minutes. */
  photoMinutes: number;
}

export function claimFormCard(o: ClaimFormOptions): Card {
  const elements: CardElement[] = o.notes.map((n) => markdown(md.user(n), { size: 'notation' }));
  elements.push(markdown(c.form.intro));
  for (const rate of o.rates) elements.push(markdown(`**${rate.roleName}**（${rate.roleCap}）\n${rate.activities.map((a) => `- ${a}`).join('\n')}`, { size: 'notation' }));
  elements.push(markdown(o.totalCap, { size: 'notation' }));
  const v = o.values;
  elements.push(
    form({
      name: 'claim_form',
      submitLabel: o.submitLabel,
      submitValue: o.submitValue,
      elements: [
        selectStatic({ name: 'role', placeholder: c.form.role, options: o.roles, ...(v.role ? { initial: v.role } : {}) }),
        selectStatic({ name: 'activity', placeholder: c.form.activity, options: o.activities, required: true, ...(v.activity ? { initial: v.activity } : {}) }),
        datePicker({ name: 'date', placeholder: c.form.date, initialDate: v.date, required: true }),
        input({ name: 'quantity', label: c.form.quantity, placeholder: c.form.quantityPlaceholder, required: true, maxLength: 12, ...(v.quantity ? { defaultValue: v.quantity } : {}) }),
        input({
          name: 'description', label: c.form.description, placeholder: c.form.descriptionPlaceholder, required: true, maxLength: 500, multiline: true,
          ...(v.description ? { defaultValue: v.description } : {}),
        }),
      ],
    }),
  );
  elements.push(markdown(c.form.photoHint(o.photoMinutes), { size: 'notation' }));
  return card({ title: o.title, color: 'red', summary: o.title, elements });
}

/** What an inline record will give, before it is submitted; the buttons carry the claim itself. */
export function claimPreviewCard(f: ClaimFacts, o: { capNote?: string; submit: ActionValue; edit: ActionValue }): Card {
  return card({
    title: c.preview.title,
    color: 'blue',
    elements: [
      markdown(c.preview.body),
      ...claimSummary(f),
      ...(o.capNote ? [markdown(md.user(c.told.capExplained(o.capNote)), { size: 'notation' })] : []),
      buttonRow([
        button({ label: c.preview.submit, value: o.submit, style: 'primary_filled' }),
        button({ label: c.preview.edit, value: o.edit }),
      ]),
    ],
  });
}

export function claimDuplicateCard(f: ClaimFacts, count: number, confirm: ActionValue): Card {
  return card({
    title: c.duplicate.title,
    color: 'orange',
    elements: [markdown(c.duplicate.body(count)), ...claimSummary(f), buttonRow([button({ label: c.duplicate.confirm, value: confirm, style: 'primary' })])],
  });
}

export function claimSubmittedCard(f: ClaimFacts, o: { resubmitted?: boolean; capNote?: string; photoMinutes: number }): Card {
  return card({
    title: c.submitted.title,
    color: 'green',
    elements: [
      markdown(o.resubmitted ? c.submitted.resubmitted : c.submitted.body),
      ...claimSummary(f, [{ label: c.fields.status, value: c.status.pending }]),
      ...(o.capNote ? [markdown(md.user(c.told.capExplained(o.capNote)), { size: 'notation' })] : []),
      markdown(c.submitted.photoHint(o.photoMinutes), { size: 'notation' }),
    ],
  });
}

export function claimPhotoCard(f: Pick<ClaimFacts, 'activityName' | 'date'>, duplicate: boolean): Card {
  return card({
    title: c.photo.title,
    color: duplicate ? 'orange' : 'green',
    elements: [markdown(c.photo.attached(f.activityName, f.date)), ...(duplicate ? [markdown(c.photo.duplicateNote)] : [])],
  });
}

export function noticeCard(title: string, body: string, color: 'grey' | 'orange' | 'green' = 'grey'): Card {
  return card({ title, color, elements: [markdown(body)] });
}

/** The status of a claim as a word. */
export function statusWord(claim: Pick<ClaimView, 'status'>): string {
  return c.status[claim.status];
}
