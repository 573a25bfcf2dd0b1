// Exactly once across deliveries: concurrent duplicates, late re-deliveries (replayed and
// re-signed), and one message under several event ids all give one reply from a real command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMessage, textMessage } from '../../../src/emulator/event-builders.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { commands } from '../../../src/bot/commands/index.js';
import { parseEnvelope } from '../../../src/feishu/parse-envelope.js';
import { QUEUES } from '../../../src/jobs/contracts.js';
import { claimEvent } from '../../../src/pipeline/claim-event.js';
import { isHandledEvent } from '../../../src/pipeline/event-payload.js';
import { processInboundJob } from '../../../src/pipeline/process-event.js';
import { addMember, BACKENDS, startEdge, unfinishedJobs, type Edge } from './harness.js';

const env = useIsolated();

describe.each(BACKENDS)('exactly once, queues on %s', (kind) => {
  let edge: Edge;
  beforeAll(async () => {
    edge = await startEdge(env, kind);
  });
  afterAll(async () => edge?.close());

  const quiet = async (what: string) => waitFor(async () => (await unfinishedJobs(edge.queues)) === 0, { message: what });
  const rootRow = (key: string) => edge.db.processedEvent.findUnique({ where: { key } });
  /** Jobs run so far: one per event and one per reply is the chain working, more is a leak. */
  const jobsRun = async () => ({
    inbound: (await edge.queues.queue(QUEUES.inbound).getJobCounts('completed')).completed ?? 0,
    sends: (await edge.queues.queue(QUEUES.outboundInteractive).getJobCounts('completed')).completed ?? 0,
    replyCalls: edge.emulator.app.emulator.calls('im.message.reply').length,
  });
  const delta = (after: Record<string, number>, before: Record<string, number>) =>
    Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - before[k]!]));

  it('answers five concurrent deliveries and two late re-deliveries of one event with one reply', async () => {
    const member = await addMember(edge, '张三');
    const event = textMessage(edge.eventCtx, { sender: member, text: '帮助' });
    const messageId = (event.event.message as { message_id: string }).message_id;
    edge.emulator.app.emulator.registerInboundEvent(event);
    const signed = edge.injector.build(event);
    const eventsUrl = `${edge.url}/feishu/events`;
    const before = await jobsRun();

    const first = await Promise.all(Array.from({ length: 5 }, (_, i) => edge.injector.post(eventsUrl, signed, i + 1)));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await waitFor(() => edge.emulator.app.emulator.messagesTo(member.openId).length > 0, { message: 'the reply' });
    await quiet('the chain to finish');

    // Feishu delivers at least once: the very same bytes again, and a copy signed anew.
    expect((await edge.injector.post(eventsUrl, signed, 6)).status).toBe(200);
    expect((await edge.injector.deliver(event)).attempts.map((a) => a.status)).toEqual([200]);
    await quiet('nothing more to run');

    const replies = edge.emulator.app.emulator.messagesTo(member.openId);
    expect(replies).toHaveLength(1);
    // One event job, one send job, one call to Feishu: no layer leaned on the one behind it.
    expect(delta(await jobsRun(), before)).toEqual({ inbound: 1, sends: 1, replyCalls: 1 });
    expect(replies[0]).toMatchObject({ source: 'reply', parentId: messageId, msgType: 'interactive' });
    expect(replies[0]!.content).toContain('我能做什么');
    expect(await rootRow(`message:${messageId}`)).toMatchObject({ status: 'HANDLED', payload: null });
    expect(await edge.db.outboundMessage.count({ where: { businessKey: { startsWith: `message:${messageId}:` } } })).toBe(1);
  });

  it('answers one message pushed under three event ids once', async () => {
    const member = await addMember(edge, '李四');
    const original = textMessage(edge.eventCtx, { sender: member, text: '/help' });
    const messageId = (original.event.message as { message_id: string }).message_id;
    const before = await jobsRun();
    expect((await edge.injector.deliver(original)).delivered).toBe(true);
    await waitFor(() => edge.emulator.app.emulator.messagesTo(member.openId).length > 0, { message: 'the reply' });

    const repushes = [1, 2].map(() => textMessage(edge.eventCtx, { sender: member, text: '/help', messageId }));
    const reports = await Promise.all(repushes.map((e) => edge.injector.deliver(e)));
    expect(reports.map((r) => r.attempts.map((a) => a.status))).toEqual([[200], [200]]);
    await quiet('nothing more to run');

    expect(edge.emulator.app.emulator.messagesTo(member.openId)).toHaveLength(1);
    expect(delta(await jobsRun(), before)).toEqual({ inbound: 1, sends: 1, replyCalls: 1 });
    // Every event id is remembered, all pointing at the message.
    const rows = await edge.db.processedEvent.findMany({ where: { rootKey: `message:${messageId}` } });
    expect(rows).toHaveLength(4);
  });

  it('answers in a group only when the bot itself is mentioned (bot/v3/info)', async () => {
    const member = await addMember(edge, '王五');
    const chatId = `oc_group_${kind}`;
    const control = edge.emulator.app.emulator;
    control.addChat({ chatId, name: '第一党支部', members: [member.openId] });
    const bot = { openId: control.app.botOpenId, name: control.app.botName };
    const someone = { openId: 'ou_someone_else', name: '赵六' };

    const toSomeone = groupMessage(edge.eventCtx, { sender: member, chatId, text: '帮助', mentions: [someone] });
    const toBot = groupMessage(edge.eventCtx, { sender: member, chatId, text: '帮助', mentions: [bot] });
    for (const e of [toSomeone, toBot]) expect((await edge.injector.deliver(e)).delivered).toBe(true);
    await waitFor(() => control.messagesInChat(chatId).length > 0, { message: 'the group reply' });
    await quiet('nothing more to run');

    const replies = control.messagesInChat(chatId);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.parentId).toBe((toBot.event.message as { message_id: string }).message_id);
    const ignored = await rootRow(`message:${(toSomeone.event.message as { message_id: string }).message_id}`);
    expect(ignored?.status).toBe('HANDLED');
  });

  it('lets two workers that run the same event at once (a stalled job) write one set of replies', async () => {
    const member = await addMember(edge, '孙十');
    const payload = textMessage(edge.eventCtx, { sender: member, text: '帮助' });
    const parsed = parseEnvelope(payload);
    if (!parsed.ok || parsed.kind !== 'event' || !isHandledEvent(parsed.event)) throw new Error('not an event');
    expect(await claimEvent(edge.db, parsed.event)).toBe('new');
    const key = `message:${(payload.event.message as { message_id: string }).message_id}`;
    // Enqueue nothing: the two "workers" are these calls; the replies are all they may leave behind.
    const deps = { db: edge.db, queues: edge.queues, botOpenId: edge.edge.botOpenId, bot: { commands }, timeZone: 'Asia/Shanghai' };
    const outcomes = await Promise.all([processInboundJob(deps, { key }), processInboundJob(deps, { key })]);
    expect(outcomes.sort()).toEqual(['already-handled', 'handled']);
    expect(await edge.db.outboundMessage.count({ where: { businessKey: { startsWith: `${key}:` } } })).toBe(1);
  });
});
