// The queued sender against the emulator with the real SDK client: a fan-out at Feishu's rate
// limit loses and duplicates nothing, an ambiguous timeout is retried under the same uuid,
// permanent errors fail once, 5xx are retried, and replies overtake a fan-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textTo } from '../../../src/bot/reply.js';
import { textMessage } from '../../../src/emulator/event-builders.js';
import { QUEUES } from '../../../src/jobs/contracts.js';
import { enqueueOutgoing } from '../../../src/pipeline/outbox.js';
import { seedUsers } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { expectEachOnce, fanOut, sentCount } from './fan-out.js';
import { addMember, BACKENDS, startEdge, type Edge } from './harness.js';

const env = useIsolated();

describe.each(BACKENDS)('sender, queues on %s', (kind) => {
  let edge: Edge;
  beforeAll(async () => {
    edge = await startEdge(env, kind);
  });
  afterAll(async () => edge?.close());

  it('sends 200 messages to 200 people at the emulator’s 50/s: none lost, none duplicated, none failed', async () => {
    const { openIds, keys } = await fanOut(edge, `f200${kind}`, 200);
    await waitFor(async () => (await sentCount(edge, keys)) === 200, { message: '200 sends', timeoutMs: 45_000 });
    await expectEachOnce(edge, openIds, keys);
  });

  it('answers a member during a 400-recipient fan-out without queuing the reply behind it', async () => {
    const member = await addMember(edge, '陈八');
    const { keys } = await fanOut(edge, `prio${kind}`, 400);
    await waitFor(async () => (await sentCount(edge, keys)) >= 20, { message: 'the fan-out to be under way' });
    const event = textMessage(edge.eventCtx, { sender: member, text: '帮助' });
    expect((await edge.injector.deliver(event)).delivered).toBe(true);
    await waitFor(() => edge.emulator.app.emulator.messagesTo(member.openId).length > 0, { message: 'the reply', timeoutMs: 20_000 });
    // The reply went out while most of the fan-out was still waiting for its turn.
    expect(await sentCount(edge, keys)).toBeLessThan(300);
    await waitFor(async () => (await sentCount(edge, keys)) === 400, { message: 'the rest of the fan-out', timeoutMs: 45_000 });
  });
});

describe.each(BACKENDS)('sender faults, queues on %s', (kind) => {
  let edge: Edge;
  beforeAll(async () => {
    // A short HTTP timeout, so an answer that never comes is given up on quickly.
    edge = await startEdge(env, kind, { env: { FEISHU_HTTP_TIMEOUT_MS: '1500' } });
  });
  afterAll(async () => edge?.close());

  it('retries an ambiguous send (accepted, then the connection timed out) under the same uuid: one message', async () => {
    const control = edge.emulator.app.emulator;
    const [user] = seedUsers(1, `amb${kind}`);
    control.addUser(user!);
    control.faults.set('im.message.create', { acceptThenTimeout: 1, timeoutMode: 'hang' });
    const [key] = await enqueueOutgoing(edge, [textTo({ to: 'open_id', id: user!.openId }, '只发一次')], { businessKeyPrefix: `ambiguous:${kind}` });
    const row = await waitFor(async () => {
      const r = await edge.db.outboundMessage.findUnique({ where: { businessKey: key! } });
      return r?.status === 'SENT' ? r : undefined;
    }, { message: 'the retried send', timeoutMs: 20_000 });
    const delivered = control.messagesTo(user!.openId);
    expect(delivered).toHaveLength(1);
    expect(row).toMatchObject({ messageId: delivered[0]!.messageId, uuid: delivered[0]!.uuid });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.lastError).toBeNull();
  });

  it('fails a permanent error once and for good, and retries 5xx until it goes through', async () => {
    const control = edge.emulator.app.emulator;
    const [gone, flaky] = seedUsers(2, `err${kind}`);
    control.addUser({ ...gone!, available: false });
    control.addUser(flaky!);
    const [goneKey] = await enqueueOutgoing(edge, [textTo({ to: 'open_id', id: gone!.openId }, 'x')], { businessKeyPrefix: `perm:${kind}` });
    const goneRow = await waitFor(async () => {
      const r = await edge.db.outboundMessage.findUnique({ where: { businessKey: goneKey! } });
      return r?.status === 'FAILED' ? r : undefined;
    }, { message: 'the permanent failure' });
    expect(goneRow.lastError).toContain('230013');
    // Failed for good at once: the job sits among the failed, not among the delayed retries.
    await waitFor(async () => (await edge.queues.queue(QUEUES.outboundInteractive).getFailed()).some((j) => (j.data as { businessKey?: string }).businessKey === goneKey), {
      message: 'the job to fail',
    });

    control.faults.set('im.message.create', { serverErrors: 2, serverErrorStatus: 502 });
    const [flakyKey] = await enqueueOutgoing(edge, [textTo({ to: 'open_id', id: flaky!.openId }, 'y')], { businessKeyPrefix: `flaky:${kind}` });
    const flakyRow = await waitFor(async () => {
      const r = await edge.db.outboundMessage.findUnique({ where: { businessKey: flakyKey! } });
      return r?.status === 'SENT' ? r : undefined;
    }, { message: 'the send after two 502s', timeoutMs: 20_000 });
    // Two 502s, then the send (one more if a slow machine made an attempt time out).
    expect(flakyRow.attempts).toBeGreaterThanOrEqual(3);
    expect(control.messagesTo(flaky!.openId)).toHaveLength(1);
    expect(control.messagesTo(gone!.openId)).toHaveLength(0);
  });
});
