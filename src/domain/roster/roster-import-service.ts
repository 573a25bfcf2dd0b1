// importRoster(): reads, validates, resolves and writes a roster file in one transaction, returning the report
// that the CLI prints and the chat upload sends back. Nothing is written while any row is invalid.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { RetryOptions } from '../../outbound/retry.js';
import { findConflicts } from './check-roster.js';
import { reportCounts, type ImportReport, type RosterError } from './import-report.js';
import { planHasChanges, planRoster, rowsNeedingOpenId, type RosterPlan } from './plan-roster.js';
import { parseRoster, sortErrors } from './parse-roster.js';
import type { RosterFile } from './read-roster-file.js';
import { applyPlan, findCommittee, loadSnapshot, lockRosterImports, recordImportAudit } from './roster-repository.js';
import type { RosterRow } from './roster-row-schema.js';
import { resolveOpenIds, type OpenIdDirectory, type ResolveResult } from './resolve-open-ids.js';

export interface ImportRosterOptions {
  /** Report what would change and write nothing (open_ids are still looked up: that only reads). */
  dryRun?: boolean;
  /** Deactivate the committee's members who are not in the file. Never implied. */
  deactivateMissing?: boolean;
  /** Do not call Feishu at all; rows without an open_id are reported unresolved. */
  offline?: boolean;
  /** Committee name or code; needed only when the database holds several. */
  committee?: string;
  /** The admin who sent the file in chat; without one the audit names `system:roster-import`. */
  actorMemberId?: number | null;
  source?: 'cli' | 'chat';
  /** Waits between batch_get_id retries (tests pass a fake clock). */
  retry?: RetryOptions;
}

export interface ImportRosterInput {
  db: PrismaClient;
  /** Null when Feishu is not configured: open_ids are then only taken from the file. */
  feishu: OpenIdDirectory | null;
  file: RosterFile;
  options?: ImportRosterOptions;
}

/** Thrown inside the transaction when the database changed since validation; rolls everything back. */
class ConflictsAppeared extends Error {
  constructor(readonly errors: RosterError[]) {
    super('roster conflicts appeared during the import');
  }
}

export async function importRoster(input: ImportRosterInput): Promise<ImportReport> {
  const { db, file } = input;
  const options = input.options ?? {};
  const report: ImportReport = {
    file: { name: file.name, format: null, dataRows: 0 },
    committee: null,
    options: { dryRun: Boolean(options.dryRun), deactivateMissing: Boolean(options.deactivateMissing), offline: Boolean(options.offline) },
    outcome: 'invalid',
    errors: [],
    warnings: [],
    branchesCreated: [],
    created: [],
    updated: [],
    unchanged: 0,
    deactivated: [],
    resolved: [],
    unresolved: [],
  };

  const parsed = await parseRoster(file);
  report.file.format = parsed.format;
  report.file.dataRows = parsed.dataRows;
  report.warnings.push(...parsed.warnings);
  const { rows } = parsed;
  const committee = await findCommittee(db, options.committee);
  if ('code' in committee) return { ...report, errors: [committee, ...parsed.errors] };
  report.committee = committee.name;
  if (rows.length === 0) return { ...report, errors: parsed.errors };
  const snapshot = await loadSnapshot(db, committee, rows, report.options.deactivateMissing);
  const errors = sortErrors([...parsed.errors, ...findConflicts(rows, snapshot)]);
  if (errors.length > 0) return { ...report, errors };

  const resolution = await resolveMissing(input, rowsNeedingOpenId(rows, snapshot), report);
  const planFor = (s: typeof snapshot): RosterPlan =>
    planRoster({ rows, snapshot: s, deactivateMissing: report.options.deactivateMissing, resolved: resolution.resolved, notResolved: resolution.notResolved });

  if (report.options.dryRun) return { ...withPlan(report, planFor(snapshot)), outcome: 'dry_run' };
  try {
    const plan = await db.$transaction(
      async (tx) => {
        await lockRosterImports(tx);
        // Validated outside the lock: plan again against what the database holds now.
        const current = await loadSnapshot(tx, committee, rows, report.options.deactivateMissing);
        const late = findConflicts(rows, current);
        if (late.length > 0) throw new ConflictsAppeared(late);
        const plan = planFor(current);
        if (!planHasChanges(plan)) return { plan, applied: false };
        await applyPlan(tx, committee.id, plan);
        const done = withPlan(report, plan);
        await recordImportAudit(tx, {
          actorId: options.actorMemberId ?? null,
          committeeId: committee.id,
          after: {
            actor: options.actorMemberId ? 'admin' : 'system:roster-import',
            source: options.source ?? 'cli',
            format: report.file.format,
            sha256: createHash('sha256').update(file.bytes).digest('hex'),
            deactivateMissing: report.options.deactivateMissing,
            counts: reportCounts(done),
          },
        });
        return { plan, applied: true };
      },
      // One transaction for the whole file: a 2,200-row first import needs more than Prisma's 5 s default.
      { maxWait: 10_000, timeout: 120_000 },
    );
    return { ...withPlan(report, plan.plan), outcome: plan.applied ? 'applied' : 'unchanged' };
  } catch (e) {
    if (e instanceof ConflictsAppeared) return { ...report, errors: sortErrors(e.errors) };
    throw e;
  }
}

async function resolveMissing(input: ImportRosterInput, need: RosterRow[], report: ImportReport): Promise<ResolveResult> {
  const empty: ResolveResult = { resolved: new Map(), notResolved: new Map() };
  if (need.length === 0) return empty;
  if (report.options.offline || !input.feishu) {
    report.warnings.push({ code: 'resolution_skipped', detail: { reason: report.options.offline ? 'offline' : 'no_feishu_config' } });
    return empty;
  }
  const result = await resolveOpenIds(input.feishu, need, input.options?.retry);
  if (result.failure) report.warnings.push({ code: 'resolution_failed', detail: { reason: result.failure } });
  return result;
}

function withPlan(report: ImportReport, plan: RosterPlan): ImportReport {
  return {
    ...report,
    branchesCreated: plan.branchesToCreate,
    created: plan.creates.map((c) => ({ row: c.row, employeeNo: c.employeeNo, name: c.values.name, branch: c.values.branch, role: c.values.role })),
    updated: plan.updates.map((u) => ({ row: u.row, employeeNo: u.employeeNo, name: u.name, changes: u.changes })),
    unchanged: plan.unchanged,
    deactivated: plan.deactivations.map(({ employeeNo, name, branch }) => ({ employeeNo, name, branch })),
    resolved: plan.resolved,
    unresolved: plan.unresolved,
  };
}
