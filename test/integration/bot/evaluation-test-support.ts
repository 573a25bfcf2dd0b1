// Shared by the evaluation, stars and export tests: ledger data through the domain services, the rules
// engine's own composite for a member, and workbooks read back with exceljs.
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '../../../src/domain/access/actor.js';
import { evaluateMember, type MemberEvaluation } from '../../../src/domain/evaluation/composite.js';
import { yearPeriod } from '../../../src/domain/periods/period-key.js';
import type { BotHarness, Person } from '../../helpers/bot-harness.js';
import { todayShanghai } from './bot-test-support.js';

export const thisYear = () => Number(todayShanghai().slice(0, 4));

/** Full vanguard points (10 on each role) through reasoned admin adjustments: checklist 100. */
export async function fullVanguard(bot: BotHarness, admin: Person, member: Person): Promise<void> {
  for (const itemCode of ['V1', 'V2', 'V3', 'V4'] as const) {
    await bot.domain.ledger.adjust(admin, { memberId: member.memberId, itemCode, points: 1000, occurredOn: todayShanghai(), reason: '测试补录', requestId: `t-${member.memberId}-${itemCode}` });
  }
}

export async function deductAbsence(bot: BotHarness, secretary: Person, member: Person): Promise<void> {
  await bot.domain.deductions.deduct(secretary, { memberId: member.memberId, deductionCode: 'B1-ABSENCE', occurredOn: todayShanghai(), reason: '无故缺席', idempotencyKey: `t-absence-${member.memberId}` });
}

/** What the rules engine says for these scores and this member's ledger, independently of the bot. */
export async function engineEvaluation(bot: BotHarness, member: Person, democratic: number, mass: number): Promise<MemberEvaluation & { checklist: number }> {
  const year = thisYear();
  const score = await bot.domain.scores.memberScore(SYSTEM_ACTOR, member.memberId, String(year));
  const rules = await bot.domain.rules.forPeriod(yearPeriod(year));
  const checklist = score.score.standing.checklistScore;
  return { ...evaluateMember({ democratic: democratic * 100, mass: mass * 100, checklist }, score.score.standing.vetoed, rules.definition), checklist };
}

export async function readWorkbook(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of plain values, header first. */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Fills a template's score cells for the given employee numbers (columns: 工号 姓名 支部 民主 群众 政治 技能 业绩). */
export async function fillTemplate(bytes: Buffer, scores: Record<string, readonly (number | string | null)[]>, extraRows: readonly (readonly (number | string | null)[])[] = []): Promise<Buffer> {
  const workbook = await readWorkbook(bytes);
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = scores[String(row.getCell(1).value)];
    values?.forEach((v, i) => (row.getCell(4 + i).value = v));
  });
  for (const extra of extraRows) sheet.addRow([...extra]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
