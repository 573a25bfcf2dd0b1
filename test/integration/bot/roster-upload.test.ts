// The roster sent to the bot in chat: an admin's file is downloaded by a job, imported by the same service
// as the CLI and answered with the same report; a non-admin's file is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrisma } from '../../../src/db/prisma.js';
import { formatImportReport } from '../../../src/domain/roster/format-import-report.js';
import { importRoster } from '../../../src/domain/roster/roster-import-service.js';
import { startBot, type BotHarness, type Person } from '../../helpers/bot-harness.js';
import { createTestDatabase, dropDatabase } from '../../helpers/databases.js';
import { useIsolated } from '../../helpers/isolated.js';
import { emulatorClient, rosterTables } from '../roster/roster-test-support.js';
import { writtenRows } from './bot-test-support.js';

const env = useIsolated();
let bot: BotHarness;
let admin: Person;
let secretary: Person;

const ROSTER = [
  'name,employee_no,mobile,email,branch,role,open_id',
  '钱新人,E9001,13900139001,qianxinren@oilfield.example,第九党支部,secretary,ou_roster_upload_1',
  '孙新人,E9002,13900139002,sunxinren@oilfield.example,第九党支部,member,ou_roster_upload_2',
].join('\n');

beforeAll(async () => {
  bot = await startBot(env);
  admin = await bot.person('郑管理员', 'ADMIN');
  secretary = await bot.person('冯书记', 'SECRETARY');
});
afterAll(async () => bot?.close());

/** What the CLI's service reports for this file on a database like ours before the upload. */
async function cliReport(fileName: string, bytes: Buffer): Promise<string> {
  const { name, url } = await createTestDatabase(inject('templateDatabase'));
  const db = createPrisma(url, { poolSize: 2 });
  try {
    await db.committee.create({ data: { code: 'test', name: '测试党委' } });
    const report = await importRoster({ db, feishu: emulatorClient(bot.edge.emulator.baseUrl), file: { name: fileName, bytes }, options: { source: 'cli' } });
    return formatImportReport(report);
  } finally {
    await db.$disconnect();
    await dropDatabase(name);
  }
}

describe('roster upload in chat', () => {
  it('refuses a secretary’s file and changes nothing', async () => {
    const before = await rosterTables(bot.edge.db);
    const [reply, ...rest] = await bot.sendFile(secretary, 'roster.csv', Buffer.from(ROSTER));
    expect(rest).toEqual([]);
    expect(reply!.text).toContain('只有党委管理员可以导入名册');
    expect(await rosterTables(bot.edge.db)).toEqual(before);
  });

  it('imports an admin’s file and answers with the CLI’s report', async () => {
    const bytes = Buffer.from(ROSTER);
    const expected = await cliReport('roster.csv', bytes);
    const replies = await bot.sendFile(admin, 'roster.csv', bytes);
    // The acknowledgement and the report travel on different queues: either may arrive first.
    expect(replies.filter((m) => m.text.includes('名册文件已收到'))).toHaveLength(1);
    expect(replies).toHaveLength(2);
    const report = replies.find((m) => m.text.startsWith('名册导入结果'))!;
    expect(report.text).toBe(`名册导入结果\n${expected}`);
    expect(report.text).toContain('名册已导入');
    expect(await bot.edge.db.member.count({ where: { employeeNo: { in: ['E9001', 'E9002'] } } })).toBe(2);
    expect(await bot.edge.db.auditLog.count({ where: { action: 'roster.import' } })).toBe(1);
  });

  it('reports every bad row with its number and writes nothing', async () => {
    const rows = await writtenRows(bot);
    const bad = `${ROSTER}\n,E9003,,,第九党支部,member,\n赵错误,E9004,123,bad-mail,第九党支部,boss,`;
    const replies = await bot.sendFile(admin, 'bad.csv', Buffer.from(bad));
    const report = replies.find((m) => m.text.startsWith('名册导入结果'))!;
    expect(report.text).toContain('名册未导入');
    expect(report.text).toContain('第 4 行');
    expect(report.text).toContain('第 5 行');
    expect(await writtenRows(bot)).toEqual(rows);
  });

  it('answers a file that is not a roster', async () => {
    const [reply] = await bot.sendFile(admin, 'photo.pdf', Buffer.from('%PDF'));
    expect(reply!.text).toContain('CSV 或 XLSX');
  });
});
