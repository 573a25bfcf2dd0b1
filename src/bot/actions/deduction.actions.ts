// 扣分 and 异议 actions: the secretary's deduction form, the member's objection (button → form → sent to
// the secretary who deducted), and the secretary's resolution (upheld → reversal; the member is told).
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { runOnce } from '../../pipeline/run-once.js';
import { deductionDoneCard, deductionNoticeCard } from '../cards/deduction-cards.js';
import { objectionDecidedCard, objectionFormCard, objectionOutcomeCard, objectionReviewCard, objectionSentCard } from '../cards/objection-cards.js';
import { deductionFacts, deductionOfRow } from '../deduction-facts.js';
import { formDate, formInt, formText, readForm, requiredText, submissionKey } from '../forms.js';
import { t } from '../messages/index.js';
import { recipientOf } from '../people.js';
import { cardTo } from '../reply.js';
import { lockTopic, patchTopic, topics } from '../topics.js';
import type { ActionDefinition } from './action.js';

const deductForm = z.object({
  member: z.coerce.number().int().positive(),
  rule: z.string().min(1).max(40),
  occurrences: formInt.pipe(z.number().min(1).max(99)),
  date: formDate,
  reason: requiredText(500),
});

export const deductSubmitAction: ActionDefinition = {
  action: 'deduct.submit',
  run: async ({ actor, input, services }) => {
    const f = readForm(input, deductForm);
    const { deduction, created } = await services.domain.deductions.deduct(actor, {
      memberId: f.member, deductionCode: f.rule, occurrences: f.occurrences, occurredOn: f.date, reason: f.reason, idempotencyKey: submissionKey(input),
    });
    const facts = await deductionFacts(services, deduction);
    const member = created ? await recipientOf(services.db, deduction.memberId) : undefined;
    const also = member ? [cardTo({ to: 'open_id', id: member.openId }, deductionNoticeCard({ ...facts, deductionId: deduction.id, open: true }))] : [];
    return { toast: { type: created ? 'success' : 'info', content: created ? t.discipline.deduct.doneTitle : t.common.toast.alreadyDone }, card: deductionDoneCard(facts), also };
  },
};

async function ownDeduction(services: Parameters<ActionDefinition['run']>[0]['services'], memberId: number, deductionId: number) {
  const row = await services.db.deduction.findUnique({ where: { id: deductionId } });
  if (!row || row.memberId !== memberId) throw new DomainError('NOT_FOUND', 'no such deduction of the actor', { deductionId });
  return row;
}

const deductionValue = z.object({ d: z.coerce.number().int().positive() });

export const objectionOpenAction: ActionDefinition = {
  action: 'objection.open',
  run: async ({ actor, input, services }) => {
    const row = await ownDeduction(services, actor.memberId, deductionValue.parse(input.value).d);
    if (services.now() > row.objectionDeadline) throw new DomainError('OBJECTION_WINDOW_CLOSED', 'the objection window has closed', { deductionId: row.id });
    return { card: objectionFormCard(await deductionFacts(services, deductionOfRow(row)), row.id) };
  },
};

export const objectionSubmitAction: ActionDefinition = {
  action: 'objection.submit',
  run: async ({ actor, input, services }) => {
    const deductionId = deductionValue.parse(input.value).d;
    const { text } = readForm(input, z.object({ text: requiredText(500) }));
    const objection = await services.domain.deductions.object(actor, { deductionId, text });
    const row = await ownDeduction(services, actor.memberId, deductionId);
    const facts = await deductionFacts(services, deductionOfRow(row));
    // One card to the secretary per objection, however often the form is submitted.
    const once = await runOnce(services.db, `objection:${objection.id}:notice`, async () => true);
    const secretary = once.first ? await recipientOf(services.db, row.createdById) : undefined;
    const also = secretary ? [cardTo({ to: 'open_id', id: secretary.openId }, objectionReviewCard(facts, objection), { topic: topics.objection(objection.id) })] : [];
    return { toast: { type: 'success', content: t.discipline.objection.sentTitle }, card: objectionSentCard(facts, objection.text), also };
  },
};

const resolveValue = z.object({ o: z.coerce.number().int().positive(), u: z.coerce.number().int().min(0).max(1) });

export const objectionResolveAction: ActionDefinition = {
  action: 'objection.resolve',
  run: async ({ actor, input, services }) => {
    const value = resolveValue.parse(input.value);
    const { resolution } = readForm(input, z.object({ resolution: formText(500).default('') }));
    const { objection } = await services.domain.deductions.resolveObjection(actor, { objectionId: value.o, upheld: value.u === 1, resolution });
    const row = await services.db.deduction.findUniqueOrThrow({ where: { id: objection.deductionId } });
    const facts = await deductionFacts(services, deductionOfRow(row));
    const upheld = objection.status === 'upheld';
    const topic = topics.objection(objection.id);
    await lockTopic(services.db, topic);
    const card = objectionDecidedCard(facts, { text: objection.text, resolution: objection.resolution ?? '', upheld, by: actor.name });
    const also = await patchTopic(services.db, topic, card, input.messageId ? { exceptMessageId: input.messageId } : {});
    const member = await recipientOf(services.db, row.memberId);
    if (member) also.push(cardTo({ to: 'open_id', id: member.openId }, objectionOutcomeCard(facts, upheld, objection.resolution ?? '')));
    return { toast: { type: 'success', content: upheld ? t.discipline.objection.upheldDecided(actor.name) : t.discipline.objection.rejectedDecided(actor.name) }, card, also };
  },
};

export const deductionActions: readonly ActionDefinition[] = [deductSubmitAction, objectionOpenAction, objectionSubmitAction, objectionResolveAction];
