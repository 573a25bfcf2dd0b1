// The maintenance sweep: a claim stranded before its enqueue and an outbox row never queued are
// picked up and sent once; dedupe rows and receipts past retention go, younger ones stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textTo } from '../../../src/bot/reply.js';
import { textMessage } from '../../../src/emulator/event-builders.js';
import { parseEnvelope } from '../../../src/feishu/parse-envelope.js';
import { QUEUES } from '../../../src/jobs/contracts.js';
import { claimEvent } from '../../../src/pipeline/claim-event.js';
import { isHandledEvent } from '../../../src/pipeline/event-payload.js';
import { dedupeRetentionMs, scheduleMaintenance, sweep } from '../../../src/pipeline/maintenance.js';
import { itemsFor, writeOutbox } from '../../../src/pipeline/outbox.js';
import { seedUsers } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { addMember, BACKENDS, startEdge, type Edge } from './harness.js';

const env = useIsolated();
const DAY = 24 * 3600 * 1000;

describe.each(BACKENDS)('maintenance sweep, queues on %s', (kind) => {
  let edge: Edge;
  beforeAll(async () => {
    edge = await startEdge(env, kind);
  });
  afterAll(async () => edge?.close());
  const run = () => sweep({ db: edge.db, queues: edge.queues, retentionMs: dedupeRetentionMs(edge.config) });

  it('re-enqueues an event claimed by a web process that died before enqueueing it', async () => {
    const member = await addMember(edge, '吴九');
    const payload = textMessage(edge.eventCtx, { sender: member, text: '帮助' });
    edge.emulator.app.emulator.registerInboundEvent(payload);
    const parsed = parseEnvelope(payload);
    if (!parsed.ok || parsed.kind !== 'event' || !isHandledEvent(parsed.event)) throw new Error('not an event');
    expect(await claimEvent(edge.db, parsed.event)).toBe('new');
    const root = `message:${(payload.event.message as { message_id: string }).message_id}`;
    await edge.db.$executeRaw`UPDATE processed_events SET received_at = now() - interval '5 minutes' WHERE root_key = ${root}`;

    expect((await run()).eventsRequeued).toBeGreaterThanOrEqual(1);
    await waitFor(() => edge.emulator.app.emulator.messagesTo(member.openId).length > 0, { message: 'the late reply' });
    expect(await edge.db.processedEvent.findUnique({ where: { key: root } })).toMatchObject({ status: 'HANDLED' });
    // A second sweep finds nothing left to do for it.
    await run();
    expect(edge.emulator.app.emulator.messagesTo(member.openId)).toHaveLength(1);
  });

  it('queues outbox rows whose enqueue never happened', async () => {
    const [user] = seedUsers(1, `relay${kind}`);
    edge.emulator.app.emulator.addUser(user!);
    const items = itemsFor([textTo({ to: 'open_id', id: user!.openId }, '迟到的通知')], `relay:${kind}`);
    await writeOutbox(edge.db, items, 'bulk');
    await edge.db.$executeRaw`UPDATE outbound_messages SET updated_at = now() - interval '5 minutes' WHERE business_key = ${items[0]!.businessKey}`;

    expect((await run()).outboxRequeued).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await edge.db.outboundMessage.findUnique({ where: { businessKey: items[0]!.businessKey } }))?.status === 'SENT', {
      message: 'the relayed send',
    });
    expect(edge.emulator.app.emulator.messagesTo(user!.openId)).toHaveLength(1);
  });

  it('deletes dedupe rows and callback receipts past retention, keeps younger ones and action keys', async () => {
    const tag = `ret${kind}`;
    const retention = dedupeRetentionMs(edge.config);
    expect(retention).toBeGreaterThanOrEqual(7 * DAY);
    const old = new Date(Date.now() - retention - DAY);
    const young = new Date(Date.now() - retention + DAY);
    await edge.db.processedEvent.createMany({
      data: [
        { key: `event:${tag}-old`, rootKey: `event:${tag}-old`, eventType: 'x', status: 'HANDLED', receivedAt: old },
        { key: `event:${tag}-young`, rootKey: `event:${tag}-young`, eventType: 'x', status: 'HANDLED', receivedAt: young },
      ],
    });
    await edge.db.cardActionReceipt.createMany({
      data: [
        { key: `event:${tag}-old`, result: {}, createdAt: old },
        { key: `event:${tag}-young`, result: {}, createdAt: young },
        { key: `once:${tag}-approve`, result: {}, createdAt: old },
      ],
    });
    await run();
    const events = await edge.db.processedEvent.findMany({ where: { key: { startsWith: `event:${tag}` } } });
    expect(events.map((e) => e.key)).toEqual([`event:${tag}-young`]);
    const receipts = await edge.db.cardActionReceipt.findMany({ where: { key: { contains: tag } }, orderBy: { key: 'asc' } });
    expect(receipts.map((r) => r.key)).toEqual([`event:${tag}-young`, `once:${tag}-approve`]);
  });

  it('keeps one sweep schedule however many workers declare it', async () => {
    await Promise.all([1, 2, 3].map(() => scheduleMaintenance(edge.queues)));
    expect(await edge.queues.queue(QUEUES.maintenance).getJobSchedulersCount()).toBe(1);
  });
});
