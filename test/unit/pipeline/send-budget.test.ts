// The shared send budget on the in-memory store with a fake clock: Feishu's windows, the
// per-receiver limit, the reserve fan-out leaves to replies, refunds, and the end-of-window guard.
import { describe, expect, it } from 'vitest';
import type { SendRateLimits } from '../../../src/config.js';
import { createSendBudget, type SendRequest } from '../../../src/pipeline/send-budget.js';

const LIMITS: SendRateLimits = { perSecond: 50, perMinute: 1000, perReceiver: 5, interactiveReserve: 2 };
const START = Date.UTC(2026, 10, 28, 2, 0, 0); // a whole minute

function budget(limits: Partial<SendRateLimits> = {}) {
  let now = START;
  const b = createSendBudget({ ...LIMITS, ...limits }, { kind: 'memory' }, { now: () => now, guardMs: 100 });
  return { b, at: (ms: number) => (now = START + ms) };
}

const to = (n: number, extra: Partial<SendRequest> = {}): SendRequest => ({ api: 'create', receiver: `open_id:ou_${n}`, lane: 'interactive', ...extra });

async function takeMany(b: ReturnType<typeof budget>['b'], requests: SendRequest[]) {
  const out = [];
  for (const r of requests) out.push(await b.take(r));
  return out;
}

describe('createSendBudget', () => {
  it('allows 50 sends per second per API, then says how long until the next second', async () => {
    const { b, at } = budget();
    at(200);
    const results = await takeMany(b, Array.from({ length: 51 }, (_, i) => to(i)));
    expect(results.slice(0, 50).every((r) => r.ok)).toBe(true);
    const last = results[50]!;
    expect(last).toMatchObject({ ok: false, scope: 'app_second' });
    if (!last.ok) expect(last.waitMs).toBeGreaterThanOrEqual(800);
    // Another API has its own budget; the next second has room again.
    expect(await b.take(to(99, { api: 'reply' }))).toEqual({ ok: true });
    at(1200);
    expect(await b.take(to(51))).toEqual({ ok: true });
  });

  it('allows 5 per second to one receiver', async () => {
    const { b, at } = budget();
    at(10);
    const results = await takeMany(b, Array.from({ length: 6 }, () => to(1)));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    expect(results[5]).toMatchObject({ scope: 'receiver' });
  });

  it('keeps the reserve for replies: fan-out stops at 48 per second, replies still get through', async () => {
    const { b, at } = budget();
    at(0);
    const bulk = await takeMany(b, Array.from({ length: 49 }, (_, i) => to(i, { lane: 'bulk' })));
    expect(bulk.filter((r) => r.ok)).toHaveLength(48);
    expect(bulk[48]).toMatchObject({ ok: false, scope: 'bulk_second' });
    expect((await takeMany(b, [to(200), to(201)])).every((r) => r.ok)).toBe(true);
    expect(await b.take(to(202))).toMatchObject({ ok: false, scope: 'app_second' });
  });

  it('stops at 1000 per minute and waits for the next minute', async () => {
    const { b, at } = budget({ perSecond: 400, interactiveReserve: 0 });
    let ok = 0;
    for (let second = 0; second < 3; second++) {
      at(second * 1000);
      for (let i = 0; i < 400; i++) if ((await b.take(to(second * 1000 + i))).ok) ok += 1;
    }
    expect(ok).toBe(1000);
    at(3000);
    const next = await b.take(to(5000));
    expect(next).toMatchObject({ ok: false, scope: 'app_minute' });
    if (!next.ok) expect(next.waitMs).toBeGreaterThanOrEqual(57_000);
  });

  it('gives back what a refused send took from the budgets before the one that refused it', async () => {
    const { b, at } = budget({ perSecond: 2, perReceiver: 3, interactiveReserve: 0 });
    at(0);
    expect((await takeMany(b, [to(1), to(1)])).every((r) => r.ok)).toBe(true);
    expect(await b.take(to(1))).toMatchObject({ ok: false, scope: 'app_second' });
    // Had the refused send kept its receiver slot, this third send to ou_1 would be refused.
    expect(await b.take(to(1, { api: 'reply' }))).toEqual({ ok: true });
  });

  it('takes nothing in the last 100 ms of a second: such a send would land in Feishu’s next window', async () => {
    const { b, at } = budget();
    at(950);
    const late = await b.take(to(1));
    expect(late).toMatchObject({ ok: false });
    if (!late.ok) expect(late.waitMs).toBeGreaterThanOrEqual(50);
    at(1000);
    expect(await b.take(to(1))).toEqual({ ok: true });
  });
});
