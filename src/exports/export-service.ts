// Builds the Excel exports (导出): one sheet by name (HTTP) or the whole set (the chat's 导出), for a
// branch or for every branch, with the permissions of product.md §9 checked here, before anything is read.
//
// Who may export what: the system (ADMIN_TOKEN over HTTP) and admins everything; a secretary their own
// branch only, and never the audit log; members nothing.
import { DomainError } from '../domain/errors.js';
import { assertManagesBranch, assertReadsCommittee, isMemberActor, type ServiceActor } from '../domain/access/actor.js';
import { localDateOf } from '../domain/periods/zoned-time.js';
import type { DomainServices } from '../domain/services.js';
import type { DbClient } from '../domain/shared/db.js';
import { t } from '../bot/messages/index.js';
import { EXPORT_NAMES, loadSheet, type ExportName, type SheetScope } from './export-sheets.js';
import { addSheet, newWorkbook, toBuffer } from './workbook.js';

export interface ExportRequest {
  readonly year: number;
  /** One branch; omitted: every branch (admins and the system only). */
  readonly branchId?: number;
  /** One sheet; omitted: every sheet the actor may read. */
  readonly name?: ExportName;
}

export interface ExportDeps {
  readonly db: DbClient;
  readonly domain: DomainServices;
  readonly timeZone: string;
  readonly now: () => Date;
}

export interface BuiltExport {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly sheets: readonly ExportName[];
}

export function isExportName(name: string): name is ExportName {
  return (EXPORT_NAMES as readonly string[]).includes(name);
}

export async function buildExport(deps: ExportDeps, actor: ServiceActor, request: ExportRequest): Promise<BuiltExport> {
  if (!Number.isInteger(request.year) || request.year < 2000 || request.year > 2100) {
    throw new DomainError('INVALID_INPUT', 'year must be 2000–2100', { field: 'year' });
  }
  if (request.branchId === undefined) assertReadsCommittee(actor, 'export every branch');
  else if (isMemberActor(actor)) assertManagesBranch(actor, request.branchId, 'export a branch');
  const mayReadAudit = !isMemberActor(actor) || actor.role === 'ADMIN';
  if (request.name === 'audit' && !mayReadAudit) assertReadsCommittee(actor, 'export the audit log');
  const names = request.name ? [request.name] : EXPORT_NAMES.filter((n) => n !== 'audit' || mayReadAudit);

  const branches = await deps.db.branch.findMany({
    where: request.branchId === undefined ? {} : { id: request.branchId },
    select: { id: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
  if (request.branchId !== undefined && branches.length === 0) throw new DomainError('NOT_FOUND', 'no such branch', { branchId: request.branchId });
  const scope: SheetScope = {
    db: deps.db, domain: deps.domain, actor, year: request.year, branches, timeZone: deps.timeZone, today: localDateOf(deps.now(), deps.timeZone),
  };
  const workbook = newWorkbook();
  for (const name of names) {
    const sheet = await loadSheet(name, scope, request.branchId === undefined);
    addSheet(workbook, t.exports.sheets[name], sheet.columns, sheet.rows);
  }
  const scopeName = request.branchId === undefined ? t.exports.all : (branches[0]?.name ?? '');
  return { bytes: await toBuffer(workbook), fileName: t.exports.fileName(request.year, scopeName), sheets: names };
}
