// 否决 cards: the secretary's proposal form, its receipt, the admins' decision card (confirm with a
// confirmation dialog; reject with a required reason), the decided card, and the notices.
import type { VetoView } from '../../domain/veto/veto-service.js';
import { t } from '../messages/index.js';
import { button, buttonRow, card, datePicker, form, input, markdown, md, selectStatic, type Card, type CardElement } from './elements.js';

const v = t.discipline.veto;

export interface VetoFacts {
  veto: VetoView;
  itemName: string;
  memberName: string;
  branchName: string;
  proposerName: string;
}

export function vetoFormCard(o: { members: { label: string; value: string }[]; notes: string[]; items: { code: string; name: string }[]; today: string; formKey: string }): Card {
  const elements: CardElement[] = [markdown(v.intro), ...o.notes.map((n) => markdown(md.user(n), { size: 'notation' }))];
  if (o.members.length === 0) return card({ title: v.title, color: 'carmine', elements: [...elements, markdown(t.discipline.deduct.noMembers)] });
  elements.push(
    form({
      name: 'veto_form',
      submitLabel: v.submit,
      submitValue: { a: 'veto.submit', k: o.formKey },
      elements: [
        selectStatic({ name: 'member', placeholder: v.member, options: o.members, required: true, ...(o.members.length === 1 ? { initial: o.members[0]!.value } : {}) }),
        selectStatic({ name: 'item', placeholder: v.item, required: true, options: o.items.map((i) => ({ label: `${i.code} ${i.name}`, value: i.code })) }),
        datePicker({ name: 'date', placeholder: v.date, initialDate: o.today, required: true }),
        input({ name: 'reason', label: v.reason, required: true, maxLength: 1000, multiline: true }),
        input({ name: 'evidence', label: v.evidence, placeholder: v.evidencePlaceholder, maxLength: 1000, multiline: true }),
      ],
    }),
  );
  return card({ title: v.title, color: 'carmine', elements });
}

function facts(f: VetoFacts): CardElement[] {
  return [
    markdown(`${md.bold(md.user(`${f.veto.vetoCode} ${f.itemName}`))}　${f.veto.occurredOn}`),
    markdown(`${v.reason.replace(/（.*）/, '')}：${md.user(f.veto.reason)}`),
    ...(f.veto.evidence ? [markdown(`${v.evidenceLabel}：${md.user(f.veto.evidence)}`)] : []),
  ];
}

export function vetoSentCard(f: VetoFacts, noAdmin: boolean): Card {
  return card({ title: v.sentTitle, color: 'green', elements: [markdown(md.user(`${f.memberName}（${f.branchName}）`)), ...facts(f), markdown(noAdmin ? v.noAdmin : v.sent)] });
}

export function vetoDecisionCard(f: VetoFacts): Card {
  return card({
    title: v.decideTitle,
    color: 'carmine',
    summary: v.decideTitle,
    elements: [
      markdown(md.user(v.decideFrom(f.proposerName, f.memberName, f.branchName))),
      ...facts(f),
      buttonRow([button({ label: v.confirm, value: { a: 'veto.confirm', v: f.veto.id }, style: 'danger_filled', confirm: { title: v.confirmTitle, text: v.confirmText } })]),
      form({
        name: 'veto_reject_form',
        submitLabel: v.rejectSubmit,
        submitValue: { a: 'veto.reject', v: f.veto.id },
        elements: [input({ name: 'reason', label: v.rejectLabel, maxLength: 500 })],
      }),
    ],
  });
}

export function vetoDecidedCard(f: VetoFacts, by: string): Card {
  const confirmed = f.veto.status === 'confirmed';
  return card({
    title: v.decideTitle,
    color: confirmed ? 'carmine' : 'grey',
    elements: [
      markdown(md.user(v.decideFrom(f.proposerName, f.memberName, f.branchName))),
      ...facts(f),
      ...(f.veto.decisionComment ? [markdown(`${v.rejectLabel.replace(/（.*）/, '')}：${md.user(f.veto.decisionComment)}`)] : []),
      markdown(md.bold(md.user(confirmed ? v.confirmedDecided(by) : v.rejectedDecided(by)))),
    ],
  });
}

export function vetoMemberNoticeCard(f: VetoFacts): Card {
  return card({ title: v.memberTitle, color: 'carmine', elements: [markdown(md.user(v.memberBody(f.itemName, f.veto.year))), ...facts(f)] });
}

export function vetoProposerNoticeCard(f: VetoFacts): Card {
  const confirmed = f.veto.status === 'confirmed';
  return card({
    title: confirmed ? v.proposerConfirmedTitle : v.proposerRejectedTitle,
    color: confirmed ? 'carmine' : 'grey',
    elements: [markdown(md.user(v.proposerBody(f.memberName, f.itemName))), ...(f.veto.decisionComment ? [markdown(md.user(f.veto.decisionComment))] : [])],
  });
}
