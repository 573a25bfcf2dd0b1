// Writes and lists audit log rows (who, what, when, before/after) for privileged actions.
//
// Why a repository the services call inside their own transaction: the audit row and the effect commit
// or roll back together, so the log can neither miss an action nor record one that did not happen.
import type { DbClient } from '../shared/db.js';
import { toJson } from '../shared/db.js';

export interface AuditInput {
  /** Null for the system (scheduled jobs, seeding). */
  readonly actorId: number | null;
  /** Dotted verb, stable for filtering: `claim.approve`, `deduction.create`, `veto.confirm` … */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | number;
  readonly branchId: number | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: Date;
}

export async function writeAudit(db: DbClient, input: AuditInput): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: String(input.targetId),
      branchId: input.branchId,
      before: input.before === undefined ? undefined : toJson(input.before),
      after: input.after === undefined ? undefined : toJson(input.after),
      at: input.at,
    },
  });
}

export interface AuditRow {
  readonly id: number;
  readonly actorId: number | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly branchId: number | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly at: Date;
}

/** Most recent first; `branchId` limits to one branch's records; `offset` skips that many (paging). */
export async function listAudit(db: DbClient, options: { limit: number; offset?: number; branchId?: number }): Promise<AuditRow[]> {
  return db.auditLog.findMany({
    where: options.branchId === undefined ? {} : { branchId: options.branchId },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: options.limit,
    ...(options.offset ? { skip: options.offset } : {}),
  });
}
