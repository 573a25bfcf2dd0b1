// Cards of 志愿 (volunteer service: my year with its total, and the form) and 请假 / 销假.
import type { VolunteerView } from '../../domain/volunteer/volunteer-service.js';
import { formatPoints } from '../../domain/points.js';
import { t } from '../messages/index.js';
import { card, datePicker, divider, form, input, markdown, md, type Card, type CardElement } from './elements.js';

const v = t.service.volunteer;
const SHOWN = 10;

export function volunteerCard(o: { year: number; records: readonly VolunteerView[]; formKey: string; today: string; note?: string }): Card {
  const total = o.records.reduce((sum, r) => sum + r.hours, 0);
  const elements: CardElement[] = [];
  if (o.note) elements.push(markdown(md.bold(md.user(o.note))));
  elements.push(markdown(o.records.length === 0 ? v.none : v.total(formatPoints(total), o.records.length)));
  for (const r of o.records.slice(0, SHOWN)) elements.push(markdown(`${r.serviceDate}　${formatPoints(r.hours)} 小时　${md.user(r.activity)}`));
  if (o.records.length > SHOWN) elements.push(markdown(v.more(o.records.length - SHOWN), { size: 'notation' }));
  elements.push(
    divider(),
    markdown(md.bold(v.formTitle)),
    form({
      name: 'volunteer_form',
      submitLabel: v.submit,
      submitValue: { a: 'volunteer.submit', k: o.formKey },
      elements: [
        input({ name: 'hours', label: v.hours, placeholder: v.hoursPlaceholder, required: true, maxLength: 6 }),
        input({ name: 'activity', label: v.activity, placeholder: v.activityPlaceholder, required: true, maxLength: 200 }),
        datePicker({ name: 'date', placeholder: v.date, initialDate: o.today, required: true }),
      ],
    }),
    markdown(v.usage, { size: 'notation' }),
  );
  return card({ title: v.title(o.year), color: 'turquoise', elements });
}

export function volunteerSavedCard(o: { year: number; records: readonly VolunteerView[]; saved: VolunteerView }): Card {
  const total = o.records.reduce((sum, r) => sum + r.hours, 0);
  return card({
    title: v.savedTitle,
    color: 'green',
    elements: [markdown(md.user(v.saved(formatPoints(o.saved.hours), o.saved.activity))), markdown(v.total(formatPoints(total), o.records.length))],
  });
}

const l = t.service.leave;

export function leaveFormCard(today: string, formKey: string): Card {
  return card({
    title: l.formTitle,
    color: 'blue',
    elements: [
      markdown(l.intro),
      form({
        name: 'leave_form',
        submitLabel: l.submit,
        submitValue: { a: 'leave.submit', k: formKey },
        elements: [datePicker({ name: 'until', placeholder: l.until, initialDate: today, required: true })],
      }),
      markdown(l.badDate, { size: 'notation' }),
    ],
  });
}

export function leaveStartedCard(until: string): Card {
  return card({ title: l.startedTitle, color: 'green', elements: [markdown(l.started(until))] });
}

export function leaveEndedCard(wasOnLeave: boolean): Card {
  return card({ title: l.endedTitle, color: 'green', elements: [markdown(wasOnLeave ? l.ended : l.notOnLeave)] });
}
