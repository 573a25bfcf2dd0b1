// 否决 actions: the proposal form (→ decision cards to the admins under the veto's topic), confirm
// (the year zeroed; the member told with the reason) and reject (with a reason; the proposer told).
import { z } from 'zod';
import type { VetoView } from '../../domain/veto/veto-service.js';
import type { Actor } from '../actor.js';
import { vetoDecidedCard, vetoDecisionCard, vetoMemberNoticeCard, vetoProposerNoticeCard, vetoSentCard, type VetoFacts } from '../cards/veto-cards.js';
import { formDate, formText, readForm, requiredText, submissionKey } from '../forms.js';
import { t } from '../messages/index.js';
import { adminsExcept, branchNameOf, namesOf, recipientOf } from '../people.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import type { BotServices } from '../services.js';
import { lockTopic, patchTopic, topics } from '../topics.js';
import type { ActionDefinition } from './action.js';

async function vetoFacts(services: BotServices, veto: VetoView): Promise<VetoFacts> {
  const rules = (await services.domain.rules.forDate(veto.occurredOn)).definition;
  const names = await namesOf(services.db, [veto.memberId, veto.proposerId]);
  return {
    veto,
    itemName: rules.vetoes.find((v) => v.code === veto.vetoCode)?.name ?? veto.vetoCode,
    memberName: names.get(veto.memberId) ?? '',
    branchName: await branchNameOf(services.db, veto.branchId),
    proposerName: names.get(veto.proposerId) ?? '',
  };
}

const vetoForm = z.object({
  member: z.coerce.number().int().positive(),
  item: z.enum(['X1', 'X2', 'X3']),
  date: formDate,
  reason: requiredText(1000),
  evidence: formText(1000).default(''),
});

export const vetoSubmitAction: ActionDefinition = {
  action: 'veto.submit',
  run: async ({ actor, input, services }) => {
    const f = readForm(input, vetoForm);
    const { veto, created } = await services.domain.vetoes.propose(actor, {
      memberId: f.member, vetoCode: f.item, occurredOn: f.date, reason: f.reason, ...(f.evidence ? { evidence: f.evidence } : {}), idempotencyKey: submissionKey(input),
    });
    const facts = await vetoFacts(services, veto);
    const admins = await adminsExcept(services.db, veto.memberId);
    const also = created ? admins.map((a) => cardTo({ to: 'open_id', id: a.openId }, vetoDecisionCard(facts), { topic: topics.vetoDecision(veto.id) })) : [];
    return { toast: { type: created ? 'success' : 'info', content: created ? t.discipline.veto.sentTitle : t.common.toast.alreadyDone }, card: vetoSentCard(facts, admins.length === 0), also };
  },
};

async function afterVetoDecision(services: BotServices, veto: VetoView, actor: Actor, exceptMessageId: string | undefined) {
  const facts = await vetoFacts(services, veto);
  const topic = topics.vetoDecision(veto.id);
  await lockTopic(services.db, topic);
  const card = vetoDecidedCard(facts, actor.name);
  const also: OutgoingMessage[] = await patchTopic(services.db, topic, card, exceptMessageId ? { exceptMessageId } : {});
  const proposer = await recipientOf(services.db, veto.proposerId);
  if (proposer) also.push(cardTo({ to: 'open_id', id: proposer.openId }, vetoProposerNoticeCard(facts)));
  if (veto.status === 'confirmed') {
    const member = await recipientOf(services.db, veto.memberId);
    if (member) also.push(cardTo({ to: 'open_id', id: member.openId }, vetoMemberNoticeCard(facts)));
  }
  return { card, also };
}

const vetoId = z.object({ v: z.coerce.number().int().positive() });

export const vetoConfirmAction: ActionDefinition = {
  action: 'veto.confirm',
  run: async ({ actor, input, services }) => {
    const { veto } = await services.domain.vetoes.confirm(actor, vetoId.parse(input.value).v);
    const { card, also } = await afterVetoDecision(services, veto, actor, input.messageId);
    return { toast: { type: 'success', content: t.discipline.veto.proposerConfirmedTitle }, card, also };
  },
};

export const vetoRejectAction: ActionDefinition = {
  action: 'veto.reject',
  run: async ({ actor, input, services }) => {
    const { reason } = readForm(input, z.object({ reason: formText(500).default('') }));
    const veto = await services.domain.vetoes.reject(actor, vetoId.parse(input.value).v, reason);
    const { card, also } = await afterVetoDecision(services, veto, actor, input.messageId);
    return { toast: { type: 'success', content: t.discipline.veto.proposerRejectedTitle }, card, also };
  },
};

export const vetoActions: readonly ActionDefinition[] = [vetoSubmitAction, vetoConfirmAction, vetoRejectAction];
