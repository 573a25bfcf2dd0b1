// Card callbacks: answered with a toast and a replacement card inside the request; a re-delivered
// callback gets its stored answer; a double click has one effect (runOnce); a button's follow-up
// message is sent once through the queued sender.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../../../src/bot/actions/action.js';
import { actions as botActions } from '../../../src/bot/actions/index.js';
import { card, markdown } from '../../../src/bot/cards/elements.js';
import { t } from '../../../src/bot/messages/index.js';
import { cardAction } from '../../../src/emulator/event-builders.js';
import { runOnce } from '../../../src/pipeline/run-once.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { addMember, BACKENDS, startEdge, unfinishedJobs, type Edge } from './harness.js';

const env = useIsolated();

/** An action with a real effect (an audit row), made idempotent by its business key as features should. */
const approve: ActionDefinition = {
  action: 'test-approve',
  run: async ({ actor, input, services }) => {
    const id = String(input.value.id);
    const once = await runOnce(services.db, `test-approve:${id}`, async (tx) => {
      await tx.auditLog.create({ data: { actorId: actor.memberId, action: 'test.approve', targetType: 'test', targetId: id } });
      return { approvedBy: actor.name };
    });
    if (!once.first) return { toast: { type: 'info', content: t.common.toast.alreadyDone } };
    return {
      toast: { type: 'success', content: t.common.toast.done },
      card: card({ title: '已审核', color: 'green', elements: [markdown(`审核人：${once.result.approvedBy}`)] }),
    };
  },
};

describe.each(BACKENDS)('card callbacks, queues on %s', (kind) => {
  let edge: Edge;
  beforeAll(async () => {
    edge = await startEdge(env, kind, { actions: [...botActions, approve] });
  });
  afterAll(async () => edge?.close());

  const click = (operator: { openId: string }, value: Record<string, unknown>) =>
    cardAction(edge.eventCtx, { operator, token: 'c-test', openMessageId: 'om_card', openChatId: 'oc_card', value });
  const audits = (id: string) => edge.db.auditLog.count({ where: { targetType: 'test', targetId: id } });

  it('answers a click with a toast and a 2.0 replacement card', async () => {
    const member = await addMember(edge, '审核人甲');
    const answer = await edge.injector.sendCardAction(click(member, { a: 'test-approve', id: `a-${kind}` }));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      toast: { type: 'success', content: t.common.toast.done },
      card: { type: 'raw', data: { schema: '2.0', header: { title: { content: '已审核' } } } },
    });
    expect(await audits(`a-${kind}`)).toBe(1);
  });

  it('gives a double click one effect, and the second click an "already done" toast', async () => {
    const member = await addMember(edge, '审核人乙');
    const id = `b-${kind}`;
    const answers = await Promise.all([1, 2].map(() => edge.injector.sendCardAction(click(member, { a: 'test-approve', id }))));
    const toasts = answers.map((a) => (a.body as { toast: { type: string } }).toast.type).sort();
    expect(toasts).toEqual(['info', 'success']);
    expect(await audits(id)).toBe(1);
  });

  it('answers a re-delivered callback with the stored answer without running the action again', async () => {
    const member = await addMember(edge, '审核人丙');
    const id = `c-${kind}`;
    const request = edge.injector.build(click(member, { a: 'test-approve', id }));
    const cardsUrl = `${edge.url}/feishu/cards`;
    const first = await edge.injector.post(cardsUrl, request, 1);
    const again = await Promise.all([2, 3].map((n) => edge.injector.post(cardsUrl, request, n)));
    for (const a of again) expect(JSON.parse(a.body!)).toEqual(JSON.parse(first.body!));
    expect(JSON.parse(first.body!)).toMatchObject({ toast: { type: 'success' } });
    expect(await audits(id)).toBe(1);
  });

  it('sends a button’s follow-up message once, through the sender, even when the click is re-delivered', async () => {
    const member = await addMember(edge, '党员丁');
    const request = edge.injector.build(click(member, { a: 'cmd', cmd: 'help' }));
    const cardsUrl = `${edge.url}/feishu/cards`;
    const answers = await Promise.all([1, 2].map((n) => edge.injector.post(cardsUrl, request, n)));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await waitFor(() => edge.emulator.app.emulator.messagesTo(member.openId).length > 0, { message: 'the help card' });
    await waitFor(async () => (await unfinishedJobs(edge.queues)) === 0, { message: 'the sender to finish' });
    const sent = edge.emulator.app.emulator.messagesTo(member.openId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ source: 'create', msgType: 'interactive' });
    expect(sent[0]!.content).toContain('我能做什么');
  });

  it('tells someone outside the roster whom to ask, and does nothing', async () => {
    const answer = await edge.injector.sendCardAction(click({ openId: 'ou_stranger' }, { a: 'test-approve', id: `d-${kind}` }));
    expect(answer.body).toMatchObject({ toast: { type: 'error', content: t.common.notInRoster.title } });
    expect(await audits(`d-${kind}`)).toBe(0);
  });
});
