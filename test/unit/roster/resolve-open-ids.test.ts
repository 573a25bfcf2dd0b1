// Resolving open_ids: batches of at most 50 mobiles and 50 e-mails, rate limits waited out, failures reported.
import { describe, expect, it } from 'vitest';
import { BATCH_GET_ID_MAX, resolveOpenIds, type OpenIdDirectory } from '../../../src/domain/roster/resolve-open-ids.js';
import type { RosterRow } from '../../../src/domain/roster/roster-row-schema.js';
import { FeishuApiError } from '../../../src/outbound/errors.js';

const row = (i: number, o: Partial<RosterRow> = {}): RosterRow => ({
  row: i + 2,
  name: `党员${i}`,
  employeeNo: `E${i}`,
  mobile: `138${String(i).padStart(8, '0')}`,
  email: null,
  branch: '一支部',
  role: 'MEMBER',
  openId: null,
  ...o,
});

type Call = { mobiles: string[]; emails: string[] };

/** A directory that knows `known` (mobile or e-mail → open_id) and may fail the first calls. */
function directory(known: Record<string, string>, failures: FeishuApiError[] = []): OpenIdDirectory & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async batchGetId(input) {
      calls.push({ mobiles: input.mobiles ?? [], emails: input.emails ?? [] });
      const failure = failures.shift();
      if (failure) throw failure;
      return [
        ...(input.emails ?? []).map((email) => ({ email, ...(known[email] ? { userId: known[email] } : {}) })),
        ...(input.mobiles ?? []).map((mobile) => ({ mobile, ...(known[mobile] ? { userId: known[mobile] } : {}) })),
      ];
    },
  };
}

const rateLimited = () => new FeishuApiError('rate_limited', 'limited', { operation: 'contact.batch_get_id', retryAfterMs: 1000 });

describe('resolveOpenIds', () => {
  it('sends at most 50 mobiles and 50 e-mails per call', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(i, i < 30 ? { email: `p${i}@x.example` } : {}));
    const dir = directory(Object.fromEntries(rows.map((r) => [r.mobile as string, `ou_${r.employeeNo}`])));
    const result = await resolveOpenIds(dir, rows);
    expect(dir.calls.map((c) => [c.mobiles.length, c.emails.length])).toEqual([[50, 30], [50, 0], [20, 0]]);
    expect(dir.calls.every((c) => c.mobiles.length <= BATCH_GET_ID_MAX && c.emails.length <= BATCH_GET_ID_MAX)).toBe(true);
    expect(result.resolved.size).toBe(120);
    expect(result.resolved.get('E7')).toEqual({ openId: 'ou_E7', via: 'mobile' });
  });

  it('waits out a rate limit as retryDecision says, without giving up', async () => {
    const waits: number[] = [];
    const dir = directory({ '13800000000': 'ou_a' }, [rateLimited(), rateLimited(), rateLimited(), rateLimited()]);
    const result = await resolveOpenIds(dir, [row(0)], { sleep: async (ms) => void waits.push(ms), random: () => 0 });
    expect(waits).toEqual([1000, 1000, 1000, 1000]);
    expect(dir.calls).toHaveLength(5);
    expect(result.resolved.get('E0')?.openId).toBe('ou_a');
    expect(result.failure).toBeUndefined();
  });

  it('stops at a permanent failure and marks the rows it could not ask about', async () => {
    const permanent = new FeishuApiError('permanent', 'no scope', { operation: 'contact.batch_get_id', code: 99991672 });
    const rows = Array.from({ length: 60 }, (_, i) => row(i));
    const dir = directory({}, [permanent]);
    const result = await resolveOpenIds(dir, rows);
    expect(dir.calls).toHaveLength(1);
    expect(result.failure).toBe('permanent');
    expect(new Set(result.notResolved.values())).toEqual(new Set(['failed']));
  });

  it('falls back to e-mail, and refuses a mobile and e-mail that name two people', async () => {
    const rows = [row(0, { mobile: null, email: 'a@x.example' }), row(1, { email: 'b@x.example' }), row(2)];
    const dir = directory({ 'a@x.example': 'ou_a', 'b@x.example': 'ou_b', '13800000001': 'ou_other' });
    const result = await resolveOpenIds(dir, rows);
    expect(result.resolved.get('E0')).toEqual({ openId: 'ou_a', via: 'email' });
    expect(result.notResolved.get('E1')).toBe('ambiguous');
    expect(result.notResolved.get('E2')).toBe('not_found');
  });
});
