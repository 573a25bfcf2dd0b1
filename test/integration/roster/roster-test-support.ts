// Shared by the roster integration tests: a committee to import into, a Feishu client on the emulator, and a
// full picture of the roster tables to prove that an import changed nothing.
import type { Db } from '../../../src/db/prisma.js';
import { FeishuClient } from '../../../src/outbound/feishu-client.js';
import { TEST_APP } from '../../helpers/feishu-emulator.js';

export async function createCommittee(db: Db, name = '油田作业区党委', code = 'COMMITTEE'): Promise<number> {
  const committee = await db.committee.create({ data: { code, name } });
  return committee.id;
}

export function emulatorClient(baseUrl: string): FeishuClient {
  return new FeishuClient({ appId: TEST_APP.appId, appSecret: TEST_APP.appSecret, domain: baseUrl, timeoutMs: 5_000 });
}

/** Every row of the tables an import may touch, with timestamps: equal pictures mean nothing was written. */
export async function rosterTables(db: Db) {
  const [members, branches, committees, auditLogs] = await Promise.all([
    db.member.findMany({ orderBy: { id: 'asc' } }),
    db.branch.findMany({ orderBy: { id: 'asc' } }),
    db.committee.findMany({ orderBy: { id: 'asc' } }),
    db.auditLog.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { members, branches, committees, auditLogs };
}

export async function rosterCounts(db: Db) {
  const [members, branches, auditLogs] = await Promise.all([db.member.count(), db.branch.count(), db.auditLog.count()]);
  return { members, branches, auditLogs };
}
