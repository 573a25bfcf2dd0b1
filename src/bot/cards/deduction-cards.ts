// 扣分 cards: the secretary's deduction form, the answer once recorded, and the member's notice with the
// objection (异议) button while the window is open.
import type { DeductionRule } from '../../domain/rules/rules-schema.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, datePicker, form, input, markdown, md, selectStatic, type Card, type CardElement } from './elements.js';

const d = t.discipline.deduct;

export interface DeductionFacts {
  memberName: string;
  itemName: string;
  ruleName: string;
  points: string;
  occurredOn: string;
  reason: string;
  deadline: string;
}

export function deductionFormCard(o: {
  members: { label: string; value: string }[];
  notes: string[];
  rules: readonly DeductionRule[];
  itemNames: Record<string, string>;
  today: string;
  formKey: string;
}): Card {
  const elements: CardElement[] = [markdown(d.intro), ...o.notes.map((n) => markdown(md.user(n), { size: 'notation' }))];
  if (o.members.length === 0) {
    elements.push(markdown(d.noMembers));
    return card({ title: d.title, color: 'orange', elements });
  }
  elements.push(
    form({
      name: 'deduct_form',
      submitLabel: d.submit,
      submitValue: { a: 'deduct.submit', k: o.formKey },
      elements: [
        selectStatic({ name: 'member', placeholder: d.member, options: o.members, required: true, ...(o.members.length === 1 ? { initial: o.members[0]!.value } : {}) }),
        selectStatic({
          name: 'rule',
          placeholder: d.rule,
          required: true,
          options: o.rules.map((r) => ({ label: d.ruleLabel(o.itemNames[r.item] ?? r.item, r.name, String(r.points), r.unitLabel), value: r.code })),
        }),
        input({ name: 'occurrences', label: d.occurrences, defaultValue: '1', required: true, maxLength: 3 }),
        datePicker({ name: 'date', placeholder: d.date, initialDate: o.today, required: true }),
        input({ name: 'reason', label: d.reason, placeholder: d.reasonPlaceholder, required: true, maxLength: 500, multiline: true }),
      ],
    }),
  );
  return card({ title: d.title, color: 'orange', elements });
}

function factsElements(f: DeductionFacts): CardElement[] {
  return [
    markdown(md.user(t.discipline.notice.body(f.itemName, f.ruleName, f.points, f.occurredOn))),
    markdown(`${t.discipline.notice.reason}：${md.user(f.reason)}`),
  ];
}

export function deductionDoneCard(f: DeductionFacts): Card {
  return card({
    title: d.doneTitle,
    color: 'green',
    elements: [markdown(md.user(d.done(f.memberName, f.points))), ...factsElements(f), markdown(d.deadline(f.deadline), { size: 'notation' })],
  });
}

export function deductionNoticeCard(f: DeductionFacts & { deductionId: number; open: boolean }): Card {
  const n = t.discipline.notice;
  return card({
    title: n.title,
    color: 'orange',
    elements: [
      ...factsElements(f),
      markdown(f.open ? n.deadline(f.deadline) : n.closed),
      ...(f.open ? [buttonRow([button({ label: n.object, value: { a: 'objection.open', d: f.deductionId } })])] : []),
    ],
  });
}
