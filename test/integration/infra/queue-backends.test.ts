import { afterEach, describe, expect, it } from 'vitest';
import { createQueueBackend, type QueueBackend } from '../../../src/jobs/queue-backend.js';
import { useIsolated } from '../../helpers/isolated.js';
import { waitFor } from '../../helpers/wait-for.js';

const env = useIsolated();
const open: QueueBackend[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

function backend(kind: 'redis' | 'postgres', role: 'producer' | 'worker'): QueueBackend {
  const b = createQueueBackend({
    databaseUrl: env.databaseUrl,
    redisUrl: kind === 'redis' ? env.redisUrl : undefined,
    role,
    prefix: env.redisPrefix,
  });
  open.push(b);
  return b;
}

describe.each(['postgres', 'redis'] as const)('BullMQ on %s', (kind) => {
  it('runs a job added by a producer on a separate worker backend, once, with its data', async () => {
    const producer = backend(kind, 'producer');
    const consumer = backend(kind, 'worker');
    expect(producer.kind).toBe(kind);
    const seen: { id: string | undefined; data: unknown }[] = [];
    const queue = `probe-${kind}`;
    consumer.worker<{ n: number }>(queue, async (job) => {
      seen.push({ id: job.id, data: job.data });
      return job.data.n * 2;
    });
    await producer.queue<{ n: number }>(queue).add('double', { n: 21 }, { jobId: 'probe-1' });
    // Same business key again: BullMQ keeps one job.
    await producer.queue<{ n: number }>(queue).add('double', { n: 21 }, { jobId: 'probe-1' });
    await waitFor(() => seen.length === 1, { message: 'the job to run' });
    const job = await waitFor(async () => {
      // One snapshot: its finishedOn and returnvalue are read together.
      const j = await producer.queue(queue).getJob('probe-1');
      return j?.finishedOn ? j : undefined;
    });
    expect(job.returnvalue).toBe(42);
    expect(seen).toEqual([{ id: 'probe-1', data: { n: 21 } }]);
  });

  it('retries a failing job and then completes it', async () => {
    const producer = backend(kind, 'producer');
    const consumer = backend(kind, 'worker');
    const queue = `retry-${kind}`;
    let attempts = 0;
    consumer.worker(queue, async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('transient');
      return 'done';
    });
    await producer.queue(queue).add('flaky', {}, { jobId: 'flaky-1', attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await waitFor(async () => (await producer.queue(queue).getJob('flaky-1'))?.returnvalue === 'done', { message: 'retries' });
    expect(attempts).toBe(3);
  });

  it('answers ping once connected', async () => {
    const producer = backend(kind, 'producer');
    await waitFor(() => producer.ping().then(() => true), { message: 'ping' });
  });
});
