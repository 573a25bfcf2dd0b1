// A member talking to the bot during a large campaign is answered at once: replies go out on
// the interactive lane with a reserve of the budget, never behind the campaign's backlog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textMessage } from '../../../src/emulator/event-builders.js';
import { requestCampaign } from '../../../src/pushes/push-jobs.js';
import { inboundProcessor } from '../../../workers/processors/inbound.js';
import { outboundProcessor } from '../../../workers/processors/outbound.js';
import { createPushProcessor } from '../../../workers/processors/pushes.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { BACKENDS, startEdge, type Edge } from '../edge/harness.js';
import { seedRoster, type Roster } from './push-harness.js';

const env = useIsolated();
const PERIOD = { postgres: '2026-09', redis: '2026-10' } as const;

describe.each(BACKENDS)('replies during a campaign, queues on %s', (backend) => {
  let edge: Edge;
  let roster: Roster;
  beforeAll(async () => {
    edge = await startEdge(env, backend, { processors: [inboundProcessor, outboundProcessor, createPushProcessor({ schedules: [] })] });
    roster = await seedRoster(env.db, edge.emulator, 400, `prio${backend}`);
  });
  afterAll(async () => edge?.close());

  it('answers 帮助 while hundreds of reminders are still waiting', { timeout: 120_000 }, async () => {
    const period = PERIOD[backend];
    const pending = async () => {
      const campaign = await env.db.pushCampaign.findFirst({ where: { periodKey: period } });
      if (!campaign) return Infinity;
      return env.db.outboundMessage.count({ where: { businessKey: { startsWith: `push:monthly-reminder:${period}:` }, status: 'PENDING' } });
    };
    await requestCampaign(edge.queues, { kind: 'monthly-reminder', period, trigger: 'MANUAL' });
    await waitFor(async () => (await env.db.outboundMessage.count({ where: { businessKey: { startsWith: `push:monthly-reminder:${period}:` }, status: 'SENT' } })) >= 50, {
      message: 'the campaign under way',
      timeoutMs: 60_000,
    });

    const asker = roster.members[roster.members.length - 1]!;
    const before = edge.emulator.app.emulator.messagesTo(asker.openId).length;
    const report = await edge.injector.deliver(textMessage(edge.eventCtx, { sender: { openId: asker.openId, name: asker.name }, text: '帮助' }));
    expect(report.delivered).toBe(true);
    await waitFor(() => edge.emulator.app.emulator.messagesTo(asker.openId).slice(before).some((m) => m.content.includes('我能做什么')), {
      message: 'the reply',
      timeoutMs: 30_000,
      intervalMs: 5,
    });
    // The reply is out while most of the campaign is still queued.
    expect(await pending()).toBeGreaterThan(100);
  });
});
