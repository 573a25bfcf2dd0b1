// The rows of each export sheet, read from the database and, for scores, from the same domain services
// the bot's cards use — so an exported number is exactly the rules engine's number for the same data.
import { t } from '../bot/messages/index.js';
import { formatInstant } from '../bot/format-time.js';
import type { ServiceActor } from '../domain/access/actor.js';
import type { DomainServices } from '../domain/services.js';
import { formatPeriodKey, monthPeriod, quarterPeriod, yearPeriod, type Period } from '../domain/periods/period-key.js';
import { startOfLocalDate } from '../domain/periods/zoned-time.js';
import { fromDbDate, toDbDate, toHundredthsFromDb, type DbClient } from '../domain/shared/db.js';
import type { LedgerEntry } from '../domain/ledger/ledger-entry.js';
import { toDomainEntry } from '../domain/ledger/ledger-mapper.js';
import { entriesOfMembers } from '../domain/ledger/ledger-repository.js';
import { labelsOf } from '../domain/ledger/ledger-writer.js';
import { branchMembers } from '../domain/members/member-repository.js';
import { rankMembers } from '../domain/scoring/rank.js';
import { scorePeriod } from '../domain/scoring/score-period.js';
import { DATE_FORMAT, POINTS_FORMAT, excelDate, points, type Cell, type Column } from './workbook.js';

export const EXPORT_NAMES = ['ledger', 'rankings', 'evaluation', 'pledges', 'volunteer', 'audit'] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];

export interface SheetScope {
  readonly db: DbClient;
  readonly domain: DomainServices;
  /** Already authorised by the export service. */
  readonly actor: ServiceActor;
  readonly year: number;
  /** The branches in the export, in board order. */
  readonly branches: readonly { readonly id: number; readonly name: string }[];
  readonly timeZone: string;
  /** Today's Shanghai date: rankings stop at the current month of the current year. */
  readonly today: string;
}

export interface SheetData {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

const h = t.exports.headers;
const cols = (headers: readonly string[], widths: readonly number[], formats: Readonly<Record<number, string>> = {}): Column[] =>
  headers.map((header, i) => ({ header, width: widths[i] ?? 12, ...(formats[i] ? { numFmt: formats[i] } : {}) }));

const yearRange = (year: number) => ({ gte: toDbDate(`${year}-01-01`), lte: toDbDate(`${year}-12-31`) });
const member = { select: { employeeNo: true, name: true } } as const;

async function ledgerSheet(s: SheetScope): Promise<SheetData> {
  const names = new Map(s.branches.map((b) => [b.id, b.name]));
  const rows = await s.db.ledgerEntry.findMany({
    where: { occurredOn: yearRange(s.year), branchId: { in: [...names.keys()] } },
    include: { member },
    orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }],
  });
  return {
    columns: cols(h.ledger, [12, 16, 12, 10, 10, 8, 10, 30], { 0: DATE_FORMAT, 6: POINTS_FORMAT }),
    rows: rows.map((r) => [
      excelDate(fromDbDate(r.occurredOn)), names.get(r.branchId) ?? '', r.member.employeeNo, r.member.name,
      t.exports.items[r.itemCode] ?? r.itemCode, t.exports.causes[r.cause] ?? r.cause, points(toHundredthsFromDb(r.points)),
      [r.activityCode, r.deductionCode, r.reason].filter(Boolean).join(' · '),
    ]),
  };
}

/** Months up to the current one (the whole year for past years), then the quarters begun, then the year. */
export function exportPeriods(year: number, today: string): Period[] {
  const lastMonth = Number(today.slice(0, 4)) > year ? 12 : Number(today.slice(0, 4)) < year ? 0 : Number(today.slice(5, 7));
  const months = Array.from({ length: lastMonth }, (_, i) => monthPeriod(year, i + 1));
  const quarters = Array.from({ length: Math.ceil(lastMonth / 3) }, (_, i) => quarterPeriod(year, i + 1));
  return [...months, ...quarters, ...(lastMonth > 0 ? [yearPeriod(year)] : [])];
}

/**
 * Every period's branch board, as the bot's `排行` ranks it (checklist standing, competition ranking), from
 * one ledger read per branch: `scorePeriod` picks each period's entries itself, so 17 periods cost one query.
 */
async function rankingsSheet(s: SheetScope): Promise<SheetData> {
  const labelOf = labelsOf(await s.domain.rules.versions());
  const branches = [];
  for (const branch of s.branches) {
    const members = await branchMembers(s.db, branch.id);
    const employeeNos = new Map((await s.db.member.findMany({ where: { branchId: branch.id }, select: { id: true, employeeNo: true } })).map((m) => [m.id, m.employeeNo]));
    const byMember = new Map<number, LedgerEntry[]>();
    for (const row of await entriesOfMembers(s.db, members.map((m) => m.memberId), `${s.year}-01-01`, `${s.year}-12-31`)) {
      const list = byMember.get(row.memberId);
      if (list) list.push(toDomainEntry(row, labelOf));
      else byMember.set(row.memberId, [toDomainEntry(row, labelOf)]);
    }
    branches.push({ branch, members, employeeNos, byMember });
  }
  const rows: Cell[][] = [];
  for (const period of exportPeriods(s.year, s.today)) {
    const key = formatPeriodKey(period);
    const rules = (await s.domain.rules.forPeriod(period)).definition;
    for (const { branch, members, employeeNos, byMember } of branches) {
      const scores = new Map(members.map((m) => [String(m.memberId), { member: m, score: scorePeriod(byMember.get(m.memberId) ?? [], rules, period, { memberId: String(m.memberId) }) }]));
      for (const r of rankMembers([...scores.values()].map((x) => ({ memberId: x.score.memberId, score: x.score.standing.checklistScore })))) {
        const { member, score } = scores.get(r.memberId)!;
        rows.push([key, branch.name, r.rank, employeeNos.get(member.memberId) ?? '', member.name, points(score.standing.checklistScore), points(score.movement.total)]);
      }
    }
  }
  return { columns: cols(h.rankings, [10, 16, 8, 12, 10, 12, 12], { 5: POINTS_FORMAT, 6: POINTS_FORMAT }), rows };
}

async function evaluationSheet(s: SheetScope): Promise<SheetData> {
  const employeeNos = new Map((await s.db.member.findMany({ where: { branchId: { in: s.branches.map((b) => b.id) } }, select: { id: true, employeeNo: true } })).map((m) => [m.id, m.employeeNo]));
  const rows: Cell[][] = [];
  for (const branch of s.branches) {
    const view = await s.domain.evaluation.branchEvaluation(s.actor, branch.id, s.year);
    for (const r of view.rows) {
      rows.push([
        branch.name, employeeNos.get(r.memberId) ?? '', r.name, points(r.democratic), points(r.checklist), points(r.mass), points(r.composite),
        r.grade ? (t.evaluation.grades[r.grade] ?? r.grade) : '', r.vetoed ? t.exports.yes : '', t.evaluation.status[view.status] ?? view.status,
      ]);
    }
  }
  return { columns: cols(h.evaluation, [16, 12, 10, 14, 14, 14, 12, 10, 6, 18], { 3: POINTS_FORMAT, 4: POINTS_FORMAT, 5: POINTS_FORMAT, 6: POINTS_FORMAT }), rows };
}

async function pledgesSheet(s: SheetScope): Promise<SheetData> {
  const names = new Map(s.branches.map((b) => [b.id, b.name]));
  const rows = await s.db.pledge.findMany({ where: { year: s.year, branchId: { in: [...names.keys()] }, status: { not: 'DRAFT' } }, include: { member }, orderBy: [{ branchId: 'asc' }, { memberId: 'asc' }, { id: 'asc' }] });
  return {
    columns: cols(h.pledges, [16, 12, 10, 40, 18, 30, 12, 10, 10], { 6: DATE_FORMAT }),
    rows: rows.map((p) => [
      names.get(p.branchId) ?? '', p.member.employeeNo, p.member.name, p.content, t.pledges.serves[p.serves] ?? p.serves, p.target,
      excelDate(fromDbDate(p.dueOn)), t.exports.pledgeStatus[p.status] ?? p.status, t.exports.fulfilment[p.fulfilment] ?? '',
    ]),
  };
}

async function volunteerSheet(s: SheetScope): Promise<SheetData> {
  const names = new Map(s.branches.map((b) => [b.id, b.name]));
  const rows = await s.db.volunteerRecord.findMany({ where: { serviceDate: yearRange(s.year), branchId: { in: [...names.keys()] } }, include: { member }, orderBy: [{ serviceDate: 'asc' }, { id: 'asc' }] });
  return {
    columns: cols(h.volunteer, [12, 16, 12, 10, 30, 12], { 0: DATE_FORMAT, 5: POINTS_FORMAT }),
    rows: rows.map((v) => [excelDate(fromDbDate(v.serviceDate)), names.get(v.branchId) ?? '', v.member.employeeNo, v.member.name, v.activity, Number(v.hours.toString())]),
  };
}

async function auditSheet(s: SheetScope, allBranches: boolean): Promise<SheetData> {
  const names = new Map(s.branches.map((b) => [b.id, b.name]));
  const at = { gte: startOfLocalDate(`${s.year}-01-01`, s.timeZone), lt: startOfLocalDate(`${s.year + 1}-01-01`, s.timeZone) };
  // The committee-wide export also holds the records of no branch (finalisation, rules, roster).
  const rows = await s.db.auditLog.findMany({
    where: { at, ...(allBranches ? {} : { branchId: { in: [...names.keys()] } }) },
    include: { actor: { select: { name: true } } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  return {
    columns: cols(h.audit, [18, 10, 16, 22, 16, 40, 40]),
    rows: rows.map((a) => [
      formatInstant(a.at, s.timeZone), a.actor?.name ?? t.exports.system, t.admin.audit.actions[a.action] ?? a.action, `${a.targetType} #${a.targetId}`,
      a.branchId === null ? '' : (names.get(a.branchId) ?? ''), json(a.before), json(a.after),
    ]),
  };
}

export function loadSheet(name: ExportName, scope: SheetScope, allBranches: boolean): Promise<SheetData> {
  switch (name) {
    case 'ledger': return ledgerSheet(scope);
    case 'rankings': return rankingsSheet(scope);
    case 'evaluation': return evaluationSheet(scope);
    case 'pledges': return pledgesSheet(scope);
    case 'volunteer': return volunteerSheet(scope);
    case 'audit': return auditSheet(scope, allBranches);
  }
}
