// The party-day library cards: series page by page, the plans of a series page by page, one plan in full
// with the scheduling form (secretaries and admins), and the admin forms to add a series or a plan.
// Library text may have been typed by an admin, so every piece of it goes through the escapers.
import { PARTY_DAY_CATEGORIES } from '../../domain/party-days/party-day-library.js';
import type { Page, PlanDetail, PlanSummary, SeriesSummary } from '../../domain/party-days/party-day-library-service.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, datePicker, divider, form, input, markdown, md, selectStatic, type ActionValue, type Card, type CardElement } from './elements.js';

const l = t.partyDays.library;
export const LIBRARY_PAGE_SIZE = 8;

/** A line of text with a button on its right. */
function rowWithButton(content: string, label: string, value: ActionValue): CardElement {
  return {
    tag: 'column_set',
    flex_mode: 'none',
    horizontal_spacing: '8px',
    columns: [
      { tag: 'column', width: 'weighted', weight: 1, vertical_align: 'center', elements: [markdown(content)] },
      { tag: 'column', width: 'auto', vertical_align: 'center', elements: [button({ label, value, style: 'primary' })] },
    ],
  };
}

function pager(offset: number, total: number, value: (offset: number) => ActionValue): CardElement[] {
  const buttons: CardElement[] = [];
  if (offset > 0) buttons.push(button({ label: l.prev, value: value(Math.max(0, offset - LIBRARY_PAGE_SIZE)) }));
  if (offset + LIBRARY_PAGE_SIZE < total) buttons.push(button({ label: l.next, value: value(offset + LIBRARY_PAGE_SIZE) }));
  return buttons.length > 0 ? [buttonRow(buttons)] : [];
}

export function libraryCard(o: { page: Page<SeriesSummary>; offset: number; isAdmin: boolean; formKey: string }): Card {
  const { items, total } = o.page;
  const elements: CardElement[] = [markdown(l.page(Math.min(o.offset + 1, total), o.offset + items.length, total), { size: 'notation' })];
  for (const s of items) {
    const text = `**${md.user(s.name)}**　${PARTY_DAY_CATEGORIES[s.category]} · ${l.plans(s.planCount)}${s.description ? `\n${md.user(s.description)}` : ''}`;
    elements.push(rowWithButton(text, l.open, { a: 'pd.series', s: s.id, o: 0 }));
  }
  elements.push(...pager(o.offset, total, (offset) => ({ a: 'pd.lib', o: offset })));
  if (o.isAdmin) {
    elements.push(divider(), markdown(`**${l.addSeriesTitle}**`));
    elements.push(form({
      name: 'series_form',
      submitLabel: l.add,
      submitValue: { a: 'pd.series.add', k: o.formKey },
      elements: [
        input({ name: 'name', label: l.name, required: true, maxLength: 40 }),
        selectStatic({ name: 'category', placeholder: l.category, required: true, options: Object.entries(PARTY_DAY_CATEGORIES).map(([value, label]) => ({ value, label })) }),
        input({ name: 'description', label: l.description, maxLength: 500, multiline: true }),
      ],
    }));
  }
  return card({ title: l.title, color: 'red', summary: l.title, elements });
}

export function seriesCard(o: { series: SeriesSummary; page: Page<PlanSummary>; offset: number; isAdmin: boolean; formKey: string }): Card {
  const { items, total } = o.page;
  const elements: CardElement[] = [];
  if (o.series.description) elements.push(markdown(md.user(o.series.description)));
  elements.push(markdown(total === 0 ? l.noPlans : l.plansPage(Math.min(o.offset + 1, total), o.offset + items.length, total), { size: 'notation' }));
  for (const p of items) elements.push(rowWithButton(`**${md.user(p.title)}**\n${md.user(p.theme)}`, l.detail, { a: 'pd.plan', p: p.id }));
  elements.push(...pager(o.offset, total, (offset) => ({ a: 'pd.series', s: o.series.id, o: offset })));
  elements.push(buttonRow([button({ label: l.back, value: { a: 'pd.lib', o: 0 } })]));
  if (o.isAdmin) {
    elements.push(divider(), markdown(`**${l.addPlanTitle}**`));
    elements.push(form({
      name: 'plan_form',
      submitLabel: l.add,
      submitValue: { a: 'pd.plan.add', s: o.series.id, k: o.formKey },
      elements: [
        input({ name: 'title', label: l.planTitle, required: true, maxLength: 60 }),
        input({ name: 'theme', label: l.theme, required: true, maxLength: 200 }),
        input({ name: 'goals', label: l.goalsInput, required: true, maxLength: 1000, multiline: true }),
        input({ name: 'steps', label: l.stepsInput, required: true, maxLength: 2000, multiline: true }),
        input({ name: 'materials', label: l.materialsInput, maxLength: 1000, multiline: true }),
      ],
    }));
  }
  return card({ title: l.seriesTitle(o.series.name), color: 'red', elements });
}

const list = (items: readonly string[]) => items.map((item, i) => `${i + 1}. ${md.user(item)}`).join('\n');

export function planCard(o: { plan: PlanDetail; canSchedule: boolean; formKey: string; today: string }): Card {
  const { plan } = o;
  const s = t.partyDays.schedule;
  const elements: CardElement[] = [markdown(`${t.partyDays.notice.theme}：${md.user(plan.theme)}`)];
  if (plan.goals.length > 0) elements.push(markdown(`${l.goals}\n${list(plan.goals)}`));
  if (plan.steps.length > 0) elements.push(markdown(`${l.steps}\n${list(plan.steps)}`));
  if (plan.materials.length > 0) elements.push(markdown(`${l.materials}\n${list(plan.materials)}`));
  if (plan.durationMinutes) elements.push(markdown(l.duration(plan.durationMinutes), { size: 'notation' }));
  elements.push(buttonRow([button({ label: l.backToSeries, value: { a: 'pd.series', s: plan.seriesId, o: 0 } })]));
  if (o.canSchedule) {
    elements.push(divider(), markdown(`**${s.formTitle}**`));
    elements.push(form({
      name: 'schedule_form',
      submitLabel: s.submit,
      submitValue: { a: 'pd.schedule', p: plan.id, k: o.formKey },
      elements: [
        datePicker({ name: 'date', placeholder: s.date, initialDate: o.today, required: true }),
        input({ name: 'time', label: s.time, required: true, defaultValue: '09:00', maxLength: 5 }),
        input({ name: 'place', label: s.place, required: true, maxLength: 100 }),
        input({ name: 'notes', label: s.notes, maxLength: 500, multiline: true }),
      ],
    }));
  }
  return card({ title: plan.title, subtitle: plan.seriesName, color: 'red', summary: plan.title, elements });
}
