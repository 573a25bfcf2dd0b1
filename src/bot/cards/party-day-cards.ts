// Cards of a scheduled party day: the branch's list (`党日`), the notice members get with attend / leave /
// check-in buttons, the leave form, the secretary's leave card, and the absence card where the secretary
// confirms or waives each proposed B1 deduction. Titles, places and notes were typed by a secretary:
// they are escaped wherever they appear in markdown.
import type { Rsvp } from '../../domain/party-days/attendance-rules.js';
import type { AbsenceView, PartyDayView } from '../../domain/party-days/party-days-service.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, divider, fields, form, input, markdown, md, type Card, type CardElement } from './elements.js';

const p = t.partyDays;

export interface DayFacts {
  day: PartyDayView;
  /** `2026-12-01 19:30`, in the party's zone. */
  when: string;
  opens: string;
  closes: string;
  theme?: string;
}

function facts(f: DayFacts): CardElement[] {
  const elements: CardElement[] = [fields([{ label: p.notice.when, value: f.when }, { label: p.notice.where, value: md.user(f.day.place) }])];
  if (f.theme) elements.push(markdown(`${p.notice.theme}：${md.user(f.theme)}`));
  if (f.day.notes) elements.push(markdown(`${p.notice.notes}：${md.user(f.day.notes)}`));
  elements.push(markdown(p.notice.window(f.opens, f.closes), { size: 'notation' }));
  return elements;
}

/** The notice a member gets (and sees again from `党日`): their answer so far and the three buttons. */
export function partyDayNoticeCard(f: DayFacts, mine: { rsvp: Rsvp; checkedInAt?: string }): Card {
  const d = f.day.id;
  const elements = facts(f);
  elements.push(markdown(p.notice.yourAnswer(p.rsvp[mine.rsvp])));
  if (mine.checkedInAt) elements.push(markdown(p.checkIn.already(mine.checkedInAt)));
  elements.push(buttonRow([
    button({ label: p.notice.attend, value: { a: 'pd.rsvp', d }, style: 'primary' }),
    button({ label: p.notice.leave, value: { a: 'pd.leave.open', d } }),
    button({ label: p.notice.checkIn, value: { a: 'pd.checkin', d }, style: 'primary_filled' }),
  ]));
  return card({ title: p.notice.title(f.day.title), color: 'red', summary: p.notice.title(f.day.title), elements });
}

export function leaveFormCard(f: DayFacts, formKey: string): Card {
  return card({
    title: p.rsvp.leaveFormTitle,
    subtitle: f.day.title,
    color: 'orange',
    elements: [
      ...facts(f),
      form({
        name: 'leave_form',
        submitLabel: p.rsvp.leaveSubmit,
        submitValue: { a: 'pd.leave', d: f.day.id, k: formKey },
        elements: [input({ name: 'reason', label: p.rsvp.leaveReason, required: true, maxLength: 200, multiline: true })],
      }),
    ],
  });
}

export function secretaryLeaveCard(o: { name: string; reason: string; attendanceId: number; f: DayFacts; rejected?: boolean }): Card {
  const elements: CardElement[] = [
    markdown(md.user(p.rsvp.secretaryLeaveBody(o.f.day.title, o.f.when))),
    markdown(`${p.rsvp.leaveReason}：${md.user(o.reason)}`),
  ];
  if (o.rejected) elements.push(markdown(md.user(p.rsvp.rejected(o.name))));
  else elements.push(buttonRow([button({ label: p.rsvp.reject, value: { a: 'pd.leave.reject', t: o.attendanceId }, style: 'danger' })]));
  return card({ title: p.rsvp.secretaryLeaveTitle(o.name), color: 'orange', elements });
}

/** `党日`: upcoming days with a button to open each; for secretaries, past days with the absence button. */
export function partyDayHomeCard(o: { branchName: string; upcoming: DayFacts[]; past: DayFacts[]; manages: boolean }): Card {
  const elements: CardElement[] = [markdown(p.home.upcoming)];
  if (o.upcoming.length === 0) elements.push(markdown(p.home.none));
  for (const f of o.upcoming) {
    elements.push(markdown(`**${md.user(f.day.title)}**　${f.when}　${md.user(f.day.place)}`));
    elements.push(buttonRow([button({ label: p.home.open, value: { a: 'pd.open', d: f.day.id } })]));
  }
  if (o.manages && o.past.length > 0) {
    elements.push(divider(), markdown(p.home.past));
    for (const f of o.past) {
      elements.push(markdown(`**${md.user(f.day.title)}**　${f.when}`));
      elements.push(buttonRow([button({ label: p.home.absences, value: { a: 'pd.absences', d: f.day.id } })]));
    }
  }
  elements.push(divider(), buttonRow([button({ label: p.home.browse, value: { a: 'pd.lib', o: 0 }, style: 'primary' })]));
  return card({ title: p.home.title(o.branchName), color: 'red', elements });
}

export const ABSENCES_SHOWN = 15;

/** Pending absences first, each with confirm / waive; decided ones with their outcome. */
export function absencesCard(f: DayFacts, absences: readonly AbsenceView[]): Card {
  const a = p.absences;
  const elements: CardElement[] = [markdown(`${md.user(f.day.title)}　${f.when}`, { size: 'notation' })];
  if (absences.length === 0) {
    elements.push(markdown(a.none));
    return card({ title: a.title(f.day.title), color: 'green', elements });
  }
  elements.push(markdown(a.intro));
  const pending = absences.filter((x) => x.outcome === 'PENDING');
  const decided = absences.filter((x) => x.outcome !== 'PENDING');
  for (const x of pending.slice(0, ABSENCES_SHOWN)) {
    elements.push(markdown(`**${md.user(x.name)}**　${p.rsvp[x.rsvp]}`));
    elements.push(buttonRow([
      button({ label: a.confirm, value: { a: 'pd.absence', t: x.attendanceId, c: 1 }, style: 'danger' }),
      button({ label: a.waive, value: { a: 'pd.absence', t: x.attendanceId, c: 0 } }),
    ]));
  }
  if (pending.length > ABSENCES_SHOWN) elements.push(markdown(a.more(pending.length - ABSENCES_SHOWN), { size: 'notation' }));
  if (decided.length > 0) {
    elements.push(divider());
    elements.push(markdown(decided.map((x) => `${md.user(x.name)}：${a[x.outcome]}`).join('\n')));
  }
  return card({ title: a.title(f.day.title), color: 'orange', elements });
}
