// Operability: Bull Board at /admin/queues only with ADMIN_TOKEN (bearer, or Basic for a
// browser), and /metrics with queue depths, sends, failures, Feishu 429s and campaign progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestCampaign } from '../../../src/pushes/push-jobs.js';
import { outboundProcessor } from '../../../workers/processors/outbound.js';
import { createPushProcessor } from '../../../workers/processors/pushes.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';
import { startEdge, type Edge } from '../edge/harness.js';
import { received, seedRoster, type Roster } from './push-harness.js';

const env = useIsolated();
let edge: Edge;
let roster: Roster;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

beforeAll(async () => {
  // Feishu allows this app 8 sends a second: the 48/s fan-out meets 429s and must wait them out.
  edge = await startEdge(env, 'redis', {
    processors: [outboundProcessor, createPushProcessor({ schedules: [] })],
    emulator: { limits: { appPerSecond: 8 } },
  });
  roster = await seedRoster(env.db, edge.emulator, 40, 'ops');
});
afterAll(async () => edge?.close());

describe('/admin/queues and /metrics', () => {
  it('shows Bull Board only to whoever holds ADMIN_TOKEN', async () => {
    const token = edge.config.adminToken;
    const anonymous = await edge.app.inject({ method: 'GET', url: '/admin/queues' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Basic');
    expect((await edge.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: 'Bearer not-the-token-at-all' } })).statusCode).toBe(401);
    expect((await edge.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: basic('admin', 'wrong') } })).statusCode).toBe(401);

    const page = await edge.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: basic('admin', token) } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html');
    const api = await edge.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode).toBe(200);
    const names = (api.json() as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['push-campaign', 'push-schedule', 'feishu-outbound-bulk', 'feishu-outbound-interactive']));
  });

  it('serves the board on the PostgreSQL queue backend too', async () => {
    const pgEdge = await startEdge(env, 'postgres', { processors: [] });
    try {
      const api = await pgEdge.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: `Bearer ${pgEdge.config.adminToken}` } });
      expect(api.statusCode).toBe(200);
      expect((api.json() as { queues: { name: string }[] }).queues.map((q) => q.name)).toContain('push-campaign');
      const metrics = await pgEdge.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toContain('vanguard_queue_jobs{queue="push-schedule",state="waiting"} 0');
    } finally {
      await pgEdge.close();
    }
  });

  it('reports queue depths, sends, 429s and campaign progress, and the campaign still reaches everyone once', { timeout: 90_000 }, async () => {
    await requestCampaign(edge.queues, { kind: 'pledge-window', period: '2027', trigger: 'MANUAL' });
    await waitFor(async () => (await env.db.pushCampaign.findFirst({ where: { periodKey: '2027' } }))?.status === 'COMPLETED', {
      message: 'the campaign',
      timeoutMs: 60_000,
    });
    expect(roster.members.map((m) => received(edge.emulator, m.openId, '2027 年定诺开始了').length)).toEqual(roster.members.map(() => 1));
    expect(edge.emulator.app.emulator.rateLimitHits().length).toBeGreaterThan(0);

    const metrics = await edge.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/vanguard_queue_jobs\{queue="feishu-outbound-bulk",state="completed"\} [1-9]/);
    expect(metrics.body).toContain('vanguard_queue_jobs{queue="push-campaign",state="waiting"} 0');
    expect(metrics.body).toContain('vanguard_outbound_messages{lane="bulk",status="sent"} 40');
    expect(metrics.body).toMatch(/vanguard_feishu_rate_limited [1-9]/);
    expect(metrics.body).toContain('vanguard_push_campaign_deliveries{kind="pledge-window",period="2027",status="sent"} 40');
    expect(metrics.body).toContain('vanguard_push_campaign_deliveries{kind="pledge-window",period="2027",status="pending"} 0');
    expect(metrics.body).not.toContain(roster.members[1]!.openId);
  });
});
