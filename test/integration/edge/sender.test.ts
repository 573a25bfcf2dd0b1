// The queued sender against the emulator with the real SDK client: a fan-out at Feishu's rate
// limit loses and duplicates nothing, 429s are absorbed without using attempts, an ambiguous
// timeout is retried under the same uuid, permanent errors fail once, replies overtake fan-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textTo } from '../../../src/bot/reply.js';
import { textMessage } from '../../../src/emulator/event-builders.js';
import { QUEUES } from '../../../src/jobs/contracts.js';
import { enqueueOutgoing } from '../../../src/pipeline/outbox.js';
import { seedUsers } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { addMember, BACKENDS, startEdge, type Edge } from './harness.js';

const env = useIsolated();

async function fanOut(edge: Edge, tag: string, n: number): Promise<{ openIds: string[]; keys: string[] }> {
  const users = seedUsers(n, tag);
  for (const u of users) edge.emulator.app.emulator.addUser(u);
  const messages = users.map((u) => textTo({ to: 'open_id', id: u.openId }, `本月积分提醒 ${u.name}`));
  const keys = await enqueueOutgoing(edge, messages, { businessKeyPrefix: `campaign:${tag}`, priority: 'bulk' });
  return { openIds: users.map((u) => u.openId), keys };
}

const sentCount = (edge: Edge, keys: string[]) => edge.db.outboundMessage.count({ where: { businessKey: { in: keys }, status: 'SENT' } });

async function expectEachOnce(edge: Edge, openIds: string[], keys: string[]): Promise<void> {
  const control = edge.emulator.app.emulator;
  expect(openIds.map((id) => control.messagesTo(id).length)).toEqual(openIds.map(() => 1));
  const rows = await edge.db.outboundMessage.findMany({ where: { businessKey: { in: keys } } });
  expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1 && r.messageId)).toBe(true);
  const failed = await edge.queues.queue(QUEUES.outboundBulk).getJobCounts('failed');
  expect(failed.failed).toBe(0);
}

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
    expect(row).toMatchObject({ attempts: 2, messageId: delivered[0]!.messageId, uuid: delivered[0]!.uuid });
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
    expect(goneRow).toMatchObject({ attempts: 1 });
    expect(goneRow.lastError).toContain('230013');

    control.faults.set('im.message.create', { serverErrors: 2, serverErrorStatus: 502 });
    const [flakyKey] = await enqueueOutgoing(edge, [textTo({ to: 'open_id', id: flaky!.openId }, 'y')], { businessKeyPrefix: `flaky:${kind}` });
    const flakyRow = await waitFor(async () => {
      const r = await edge.db.outboundMessage.findUnique({ where: { businessKey: flakyKey! } });
      return r?.status === 'SENT' ? r : undefined;
    }, { message: 'the send after two 502s', timeoutMs: 20_000 });
    expect(flakyRow.attempts).toBe(3);
    expect(control.messagesTo(flaky!.openId)).toHaveLength(1);
    expect(control.messagesTo(gone!.openId)).toHaveLength(0);
  });

  it('answers a member during a 300-recipient fan-out without queuing the reply behind it', async () => {
    const member = await addMember(edge, '陈八');
    const { keys } = await fanOut(edge, `prio${kind}`, 300);
    await waitFor(async () => (await sentCount(edge, keys)) >= 20, { message: 'the fan-out to be under way' });
    const event = textMessage(edge.eventCtx, { sender: member, text: '帮助' });
    expect((await edge.injector.deliver(event)).delivered).toBe(true);
    await waitFor(() => edge.emulator.app.emulator.messagesTo(member.openId).length > 0, { message: 'the reply', timeoutMs: 20_000 });
    // The reply went out while most of the fan-out was still waiting for its turn.
    expect(await sentCount(edge, keys)).toBeLessThan(200);
    await waitFor(async () => (await sentCount(edge, keys)) === 300, { message: 'the rest of the fan-out', timeoutMs: 45_000 });
  });
});

describe.each(BACKENDS)('sender above Feishu’s limit, queues on %s', (kind) => {
  let edge: Edge;
  beforeAll(async () => {
    // Our budget twice Feishu's (another app sharing the quota, a plan with lower limits): 429s must come.
    edge = await startEdge(env, kind, { env: { FEISHU_RATE_PER_SECOND: '100' } });
  });
  afterAll(async () => edge?.close());

  it('absorbs every 429 by putting the job back: 200 messages, none lost, duplicated or failed, no attempt used', async () => {
    const { openIds, keys } = await fanOut(edge, `over${kind}`, 200);
    await waitFor(async () => (await sentCount(edge, keys)) === 200, { message: '200 sends', timeoutMs: 45_000 });
    expect(edge.emulator.app.emulator.rateLimitHits().length).toBeGreaterThan(0);
    await expectEachOnce(edge, openIds, keys);
  });
});
