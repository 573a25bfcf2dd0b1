// Open_id resolution at scale against the emulator's rate limits (on a fake clock: no real waiting), and the
// audit row of an import an admin sent from chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/domain/errors.js';
import { importRoster } from '../../../src/domain/roster/roster-import-service.js';
import { seedUsers, startEmulator, type RunningEmulator } from '../../helpers/feishu-emulator.js';
import { useIsolated } from '../../helpers/isolated.js';
import { csvFile, csvText, people } from '../../unit/roster/roster-fixtures.js';
import { createCommittee, emulatorClient } from './roster-test-support.js';

const iso = useIsolated();
let emulator: RunningEmulator;
let clock = Date.UTC(2026, 0, 5, 1, 0, 0);

beforeAll(async () => {
  // One batch_get_id per second: the second batch of a 60-person file is throttled with HTTP 429 + 99991400.
  emulator = await startEmulator({ users: seedUsers(60, 'p'), limits: { appPerSecond: 1 }, now: () => clock });
  await createCommittee(iso.db);
});
afterAll(async () => {
  await emulator?.close();
});

describe('importRoster: resolution under rate limits', () => {
  it('resolves 60 people in batches of at most 50, waiting out the limit as the reset header says', async () => {
    const rows = people(60, () => ({ open_id: '' }));
    const waits: number[] = [];
    const report = await importRoster({
      db: iso.db,
      feishu: emulatorClient(emulator.baseUrl),
      file: csvFile(csvText(rows)),
      options: { retry: { sleep: async (ms) => void (waits.push(ms), (clock += ms)) } },
    });
    expect(report.outcome).toBe('applied');
    expect(report.unresolved).toEqual([]);
    expect(report.resolved).toHaveLength(60);
    const calls = emulator.app.emulator.calls('contact.batch_get_id');
    expect(calls.map((c) => c.status)).toEqual([200, 429, 200]);
    expect(emulator.app.emulator.rateLimitHits().map((h) => h.endpoint)).toEqual(['contact.batch_get_id']);
    expect(waits).toHaveLength(1);
    const members = await iso.db.member.findMany({ orderBy: { employeeNo: 'asc' } });
    expect(members.map((m) => m.openId)).toEqual(seedUsers(60, 'p').map((u) => u.openId));
  });

  it('refuses a chat upload from anyone but an active admin, before reading the file', async () => {
    const member = await iso.db.member.findFirstOrThrow({ where: { employeeNo: 'E0003' } });
    const attempt = importRoster({ db: iso.db, feishu: null, file: csvFile('garbage'), options: { actorMemberId: member.id, source: 'chat' } });
    await expect(attempt).rejects.toSatisfy((e) => isDomainError(e, 'ACTOR_NOT_ALLOWED'));
    expect(await iso.db.auditLog.count()).toBe(1);
  });

  it('records the admin who sent the file from chat as the audit actor', async () => {
    const admin = await iso.db.member.update({ where: { employeeNo: 'E0000' }, data: { role: 'ADMIN' } });
    const rows = people(61, () => ({ open_id: '' })).map((r, i) => (i === 0 ? { ...r, role: 'admin' } : r));
    const report = await importRoster({
      db: iso.db,
      feishu: null,
      file: csvFile(csvText(rows), '名册.csv'),
      options: { actorMemberId: admin.id, source: 'chat' },
    });
    expect(report.outcome).toBe('applied');
    expect(report.warnings).toContainEqual({ code: 'resolution_skipped', detail: { reason: 'no_feishu_config' } });
    const audit = await iso.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.after).toMatchObject({ actor: 'admin', source: 'chat', counts: { created: 1, updated: 0, unresolved: 1 } });
  });
});
