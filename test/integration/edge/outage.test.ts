// Ack fast, lose nothing: with the queue store or the database cut off from the web app, the
// webhook answers 5xx (so Feishu retries); once the store is back, the retried event is handled once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/emulator/event-builders.js';
import { jobIdFor, QUEUES } from '../../../src/jobs/contracts.js';
import { PG_ADMIN_URL } from '../../helpers/test-env.js';
import { useIsolated } from '../../helpers/isolated.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';
import { waitFor } from '../../helpers/wait-for.js';
import { addMember, BACKENDS, startEdge, unfinishedJobs, type Edge } from './harness.js';

const env = useIsolated();
// Feishu's retries, compressed to fit a test: each attempt after the one before, until a 200.
const RETRIES = { retryScheduleMs: [250, 500, 1000, 2000, 4000, 8000], timeScale: 1 };

async function deliverThroughOutage(edge: Edge, proxy: TcpProxy) {
  const member = await addMember(edge, '周七');
  const event = textMessage(edge.eventCtx, { sender: member, text: '帮助' });
  const messageId = (event.event.message as { message_id: string }).message_id;
  edge.emulator.app.emulator.registerInboundEvent(event);

  await proxy.stop();
  const first = await edge.injector.post(`${edge.url}/feishu/events`, edge.injector.build(event), 1);
  expect(first.status).toBe(503);
  // Not made durable, so not acknowledged: no job exists for it.
  expect(await edge.queues.queue(QUEUES.inbound).getJob(jobIdFor('in', `message:${messageId}`))).toBeUndefined();

  await proxy.start();
  const retried = await edge.injector.deliver(event);
  expect(retried.delivered).toBe(true);
  await waitFor(() => edge.emulator.app.emulator.messagesTo(member.openId).length > 0, { message: 'the reply', timeoutMs: 20_000 });
  await waitFor(async () => (await unfinishedJobs(edge.queues)) === 0, { message: 'the chain to finish' });
  expect(edge.emulator.app.emulator.messagesTo(member.openId)).toHaveLength(1);
  expect(await edge.db.processedEvent.findUnique({ where: { key: `message:${messageId}` } })).toMatchObject({ status: 'HANDLED' });
  return { messageId };
}

describe('Redis cut off from the web app (queues on redis)', () => {
  const proxy = new TcpProxy('127.0.0.1', 6379);
  let edge: Edge;
  beforeAll(async () => {
    await proxy.start();
    edge = await startEdge(env, 'redis', { appRedisUrl: `redis://127.0.0.1:${proxy.port}`, injector: RETRIES });
    await waitFor(async () => (await edge.app.inject('/readyz')).statusCode === 200, { message: 'the web app to reach Redis' });
  });
  afterAll(async () => {
    await edge?.close();
    await proxy.stop();
  });

  it('answers 503 while Redis is down, keeping the claim; the retry after it is back is handled once', async () => {
    const { messageId } = await deliverThroughOutage(edge, proxy);
    // The claim was written before the enqueue failed; the retry found it RECEIVED and enqueued it.
    const row = await edge.db.processedEvent.findUnique({ where: { key: `message:${messageId}` } });
    expect(row?.enqueuedAt).not.toBeNull();
  });
});

describe.each(BACKENDS)('PostgreSQL cut off from the web app (queues on %s)', (kind) => {
  const pgPort = Number(new URL(PG_ADMIN_URL).port || 5432);
  const proxy = new TcpProxy(new URL(PG_ADMIN_URL).hostname, pgPort);
  let edge: Edge;
  beforeAll(async () => {
    await proxy.start();
    const url = new URL(env.databaseUrl);
    url.port = String(proxy.port);
    edge = await startEdge(env, kind, { appDatabaseUrl: url.toString(), injector: RETRIES });
  });
  afterAll(async () => {
    await edge?.close();
    await proxy.stop();
  });

  it('answers 503 while PostgreSQL is down; the retry after it is back is handled once', async () => {
    const before = await edge.db.processedEvent.count();
    await deliverThroughOutage(edge, proxy);
    // Nothing was claimed during the outage: exactly the message and event keys of the retry.
    expect(await edge.db.processedEvent.count()).toBe(before + 2);
  });
});
