// The sender's decisions with fakes around it: which failures put a job back without using an
// attempt, which fail it for good, and that a recorded send is never repeated.
import { DelayedError, UnrecoverableError } from 'bullmq';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../src/db/prisma.js';
import type { OutboundMessage } from '../../../src/generated/prisma/client.js';
import { FeishuApiError } from '../../../src/outbound/errors.js';
import type { BudgetDecision } from '../../../src/pipeline/send-budget.js';
import { sendOutboundJob, type SenderDeps, type SendJob } from '../../../src/pipeline/send-outbound.js';

function row(extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    id: 1, businessKey: 'k:0', uuid: 'u'.repeat(48), operation: 'SEND', receiveIdType: 'open_id', receiveId: 'ou_1',
    targetMessageId: null, cardToken: null, msgType: 'text', content: { text: 'hi' }, topic: null, lane: 'INTERACTIVE',
    status: 'PENDING', attempts: 0, lastError: null, messageId: null, sentAt: null, createdAt: new Date(), updatedAt: new Date(),
    ...extra,
  };
}

function setup(options: { row?: OutboundMessage; budget?: BudgetDecision[]; send?: () => Promise<unknown>; attemptsMade?: number } = {}) {
  const stored = options.row ?? row();
  const db = {
    outboundMessage: {
      findUnique: async () => stored,
      update: async ({ data }: { data: Record<string, unknown> }) => {
        for (const [k, v] of Object.entries(data)) {
          (stored as Record<string, unknown>)[k] = typeof v === 'object' && v && 'increment' in v ? (stored[k as 'attempts'] as number) + (v.increment as number) : v;
        }
        return stored;
      },
    },
  } as unknown as Db;
  const decisions = [...(options.budget ?? [])];
  const send = vi.fn(options.send ?? (async () => ({ messageId: 'om_sent' })));
  const sleeps: number[] = [];
  const deps: SenderDeps = {
    db,
    feishu: { send, reply: vi.fn(), patchCard: vi.fn(), updateCardDelayed: vi.fn() } as unknown as SenderDeps['feishu'],
    budget: { take: async () => decisions.shift() ?? { ok: true } },
    sleep: async (ms) => void sleeps.push(ms),
  };
  const moveToDelayed = vi.fn(async () => {});
  const job: SendJob = { data: { businessKey: stored.businessKey }, attemptsMade: options.attemptsMade ?? 0, opts: { attempts: 8 }, moveToDelayed };
  return { stored, deps, job, send, sleeps, moveToDelayed, run: () => sendOutboundJob(deps, job, 'token', 'interactive') };
}

describe('sendOutboundJob', () => {
  it('sends with the row’s uuid and records the message id', async () => {
    const s = setup();
    expect(await s.run()).toBe('sent');
    expect(s.send).toHaveBeenCalledWith({ receiveIdType: 'open_id', receiveId: 'ou_1', msgType: 'text', content: { text: 'hi' }, uuid: 'u'.repeat(48) });
    expect(s.stored).toMatchObject({ status: 'SENT', messageId: 'om_sent', attempts: 1 });
  });

  it('never sends a row that is already sent', async () => {
    const s = setup({ row: row({ status: 'SENT' }) });
    expect(await s.run()).toBe('already-sent');
    expect(s.send).not.toHaveBeenCalled();
  });

  it('waits in-process for the next second, but puts the job back for a longer wait', async () => {
    const short = setup({ budget: [{ ok: false, waitMs: 300, scope: 'app_second' }] });
    expect(await short.run()).toBe('sent');
    expect(short.sleeps).toEqual([300]);

    const long = setup({ budget: [{ ok: false, waitMs: 40_000, scope: 'app_minute' }] });
    await expect(long.run()).rejects.toBeInstanceOf(DelayedError);
    expect(long.moveToDelayed).toHaveBeenCalledWith(expect.any(Number), 'token');
    expect(long.send).not.toHaveBeenCalled();
    expect(long.stored).toMatchObject({ status: 'PENDING', attempts: 0 });
  });

  it('puts the job back after Feishu’s 429 for the reset it names, without counting an attempt', async () => {
    const s = setup({ send: async () => { throw new FeishuApiError('rate_limited', '429', { operation: 'x', httpStatus: 429, code: 99991400, retryAfterMs: 2000 }); } });
    const before = Date.now();
    await expect(s.run()).rejects.toBeInstanceOf(DelayedError);
    const [[until]] = s.moveToDelayed.mock.calls as unknown as [[number]];
    expect(until - before).toBeGreaterThanOrEqual(2000);
    expect(s.stored).toMatchObject({ status: 'PENDING', attempts: 0 });
  });

  it('fails a permanent error for good, and a retryable one only on the last attempt', async () => {
    const permanent = setup({ send: async () => { throw new FeishuApiError('permanent', 'code 230013', { operation: 'x', code: 230013 }); } });
    await expect(permanent.run()).rejects.toBeInstanceOf(UnrecoverableError);
    expect(permanent.stored).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'code 230013' });

    const flaky = () => { throw new FeishuApiError('retryable', 'HTTP 502', { operation: 'x', httpStatus: 502 }); };
    const early = setup({ send: async () => flaky(), attemptsMade: 2 });
    await expect(early.run()).rejects.toBeInstanceOf(FeishuApiError);
    expect(early.stored).toMatchObject({ status: 'PENDING', attempts: 1 });
    const last = setup({ send: async () => flaky(), attemptsMade: 7 });
    await expect(last.run()).rejects.toBeInstanceOf(FeishuApiError);
    expect(last.stored).toMatchObject({ status: 'FAILED' });
  });
});
