// Feishu saying "too fast" (429 per app, 230020 per receiver) when our own budget did not — a
// tenant plan with lower limits, another app sharing the quota: every such send is put back
// without using an attempt, and nothing is lost, duplicated or failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textTo } from '../../../src/bot/reply.js';
import { enqueueOutgoing } from '../../../src/pipeline/outbox.js';
import { seedUsers } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { expectEachOnce, fanOut, sentCount } from './fan-out.js';
import { BACKENDS, startEdge, type Edge } from './harness.js';

const env = useIsolated();

describe.each(BACKENDS)('sender above Feishu’s limits, queues on %s', (kind) => {
  let edge: Edge;
  beforeAll(async () => {
    // Feishu allows 8/s per app and 5/s per receiver here; our budget believes 50 and 50. The
    // sender's first burst alone (its concurrency) exceeds both, however slow the machine.
    edge = await startEdge(env, kind, { emulator: { limits: { appPerSecond: 8 } }, env: { FEISHU_RATE_PER_RECEIVER: '50' } });
  });
  afterAll(async () => edge?.close());

  it('absorbs the 429s of a fan-out: 60 messages, none lost, duplicated or failed, no attempt used', async () => {
    const { openIds, keys } = await fanOut(edge, `over${kind}`, 60);
    await waitFor(async () => (await sentCount(edge, keys)) === 60, { message: '60 sends', timeoutMs: 45_000 });
    expect(edge.emulator.app.emulator.rateLimitHits().filter((h) => h.scope === 'app_second').length).toBeGreaterThan(0);
    await expectEachOnce(edge, openIds, keys);
  });

  it('absorbs 230020 for one busy receiver: 15 messages to one person, each once', async () => {
    const control = edge.emulator.app.emulator;
    const [user] = seedUsers(1, `busy${kind}`);
    control.addUser(user!);
    const messages = Array.from({ length: 15 }, (_, i) => textTo({ to: 'open_id', id: user!.openId }, `第 ${i + 1} 条`));
    const keys = await enqueueOutgoing(edge, messages, { businessKeyPrefix: `busy:${kind}`, priority: 'bulk' });
    await waitFor(async () => (await sentCount(edge, keys)) === 15, { message: '15 sends', timeoutMs: 45_000 });
    expect(control.rateLimitHits().filter((h) => h.scope === 'receiver').length).toBeGreaterThan(0);
    const texts = control.messagesTo(user!.openId).map((m) => (m.parsed as { text: string }).text).sort();
    expect(texts).toEqual(messages.map((m) => (m.content as { text: string }).text).sort());
    const rows = await edge.db.outboundMessage.findMany({ where: { businessKey: { in: keys } } });
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });
});
