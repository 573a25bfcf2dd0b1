// Prometheus metrics at /metrics, read at scrape time from the shared stores (so any web process
// reports for every worker): queue depths, sends and failures per lane, Feishu 429s, campaign progress.
// Counts only — no names, ids or message text.
import type { FastifyInstance } from 'fastify';
import { Gauge, Registry } from 'prom-client';
import { FEISHU_RATE_LIMITED_KEY } from '../pipeline/rate-limit-events.js';
import { KNOWN_QUEUES } from './known-queues.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;
const RECENT_CAMPAIGNS_MS = 7 * 24 * 3600 * 1000;

export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const registry = new Registry();
  new Gauge({
    name: 'vanguard_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const name of KNOWN_QUEUES) {
        const counts = await app.queues.queue(name).getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      }
    },
  });
  new Gauge({
    name: 'vanguard_outbound_messages',
    help: 'Messages in the outbox by lane and status (SENT = sends, FAILED = failures)',
    labelNames: ['lane', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await app.db.outboundMessage.groupBy({ by: ['lane', 'status'], _count: { _all: true } });
      for (const g of groups) this.set({ lane: g.lane.toLowerCase(), status: g.status.toLowerCase() }, g._count._all);
    },
  });
  new Gauge({
    name: 'vanguard_feishu_rate_limited',
    help: 'Rate-limit answers (HTTP 429, 99991400, 230020) from Feishu, all senders together',
    registers: [registry],
    async collect() {
      const row = await app.db.setting.findUnique({ where: { key: FEISHU_RATE_LIMITED_KEY } });
      this.set(Number(row?.value ?? 0));
    },
  });
  new Gauge({
    name: 'vanguard_push_campaign_deliveries',
    help: 'Deliveries of running and recent push campaigns by status',
    labelNames: ['kind', 'period', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      const campaigns = await app.db.pushCampaign.findMany({
        where: { OR: [{ status: { in: ['PENDING', 'RUNNING'] } }, { finishedAt: { gt: new Date(Date.now() - RECENT_CAMPAIGNS_MS) } }] },
      });
      for (const c of campaigns) {
        const labels = { kind: c.kind.toLowerCase().replace(/_/g, '-'), period: c.periodKey };
        const pending = Math.max(0, c.totalCount - c.sentCount - c.failedCount - c.skippedCount);
        this.set({ ...labels, status: 'pending' }, pending);
        this.set({ ...labels, status: 'sent' }, c.sentCount);
        this.set({ ...labels, status: 'failed' }, c.failedCount);
        this.set({ ...labels, status: 'skipped' }, c.skippedCount);
      }
    },
  });

  app.get('/metrics', async (_request, reply) => {
    const body = await registry.metrics();
    return reply.header('content-type', registry.contentType).send(body);
  });
}
