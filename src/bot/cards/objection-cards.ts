// 异议 cards: the member's objection form, its receipt, the secretary's card to resolve it (two forms:
// uphold with a note, reject with a reason), the decided card, and what the member is told.
import { t } from '../messages/index.js';
import type { DeductionFacts } from './deduction-cards.js';
import { card, form, input, markdown, md, type Card, type CardElement } from './elements.js';

const o = t.discipline.objection;

function facts(f: DeductionFacts): CardElement[] {
  return [
    markdown(md.user(t.discipline.notice.body(f.itemName, f.ruleName, f.points, f.occurredOn))),
    markdown(`${t.discipline.notice.reason}：${md.user(f.reason)}`),
  ];
}

export function objectionFormCard(f: DeductionFacts, deductionId: number): Card {
  return card({
    title: o.formTitle,
    color: 'orange',
    elements: [
      ...facts(f),
      markdown(t.discipline.notice.deadline(f.deadline), { size: 'notation' }),
      form({
        name: 'objection_form',
        submitLabel: o.submit,
        submitValue: { a: 'objection.submit', d: deductionId },
        elements: [input({ name: 'text', label: o.text, placeholder: o.textPlaceholder, required: true, maxLength: 500, multiline: true })],
      }),
    ],
  });
}

export function objectionSentCard(f: DeductionFacts, text: string): Card {
  return card({ title: o.sentTitle, color: 'green', elements: [...facts(f), markdown(`${md.bold(o.text)}：${md.user(text)}`), markdown(o.sent)] });
}

export function objectionReviewCard(f: DeductionFacts, objection: { id: number; text: string }): Card {
  return card({
    title: o.reviewTitle,
    color: 'orange',
    summary: o.reviewTitle,
    elements: [
      markdown(md.user(o.reviewFrom(f.memberName))),
      ...facts(f),
      markdown(`${md.bold(o.text)}：${md.user(objection.text)}`),
      form({
        name: 'uphold_form',
        submitLabel: o.upholdSubmit,
        submitValue: { a: 'objection.resolve', o: objection.id, u: 1 },
        elements: [input({ name: 'resolution', label: o.upholdLabel, maxLength: 500 })],
      }),
      form({
        name: 'reject_form',
        submitLabel: o.rejectSubmit,
        submitValue: { a: 'objection.resolve', o: objection.id, u: 0 },
        elements: [input({ name: 'resolution', label: o.rejectLabel, maxLength: 500 })],
      }),
    ],
  });
}

export function objectionDecidedCard(f: DeductionFacts, objection: { text: string; resolution: string; upheld: boolean; by: string }): Card {
  return card({
    title: o.reviewTitle,
    color: objection.upheld ? 'green' : 'grey',
    elements: [
      markdown(md.user(o.reviewFrom(f.memberName))),
      ...facts(f),
      markdown(`${md.bold(o.text)}：${md.user(objection.text)}`),
      markdown(`${md.bold(o.resolution)}：${md.user(objection.resolution)}`),
      markdown(md.bold(md.user(objection.upheld ? o.upheldDecided(objection.by) : o.rejectedDecided(objection.by)))),
    ],
  });
}

export function objectionOutcomeCard(f: DeductionFacts, upheld: boolean, resolution: string): Card {
  return card({
    title: upheld ? o.upheldTitle : o.rejectedTitle,
    color: upheld ? 'green' : 'grey',
    elements: [...facts(f), markdown(upheld ? o.upheldBody(f.points) : `${o.rejectedBody}${md.user(resolution)}`), ...(upheld ? [markdown(`${o.resolution}：${md.user(resolution)}`)] : [])],
  });
}
