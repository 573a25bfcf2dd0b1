// importRoster(): reads, validates, resolves and writes a roster file in one transaction, returning the report
// that the CLI prints and the chat upload sends back. Nothing is written while any row is invalid.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { RetryOptions } from '../../outbound/retry.js';
import { findConflicts } from './check-roster.js';
import { emptyReport, reportCounts, type ImportReport, type RosterError } from './import-report.js';
import { planHasChanges, planRoster, reportWithPlan, rowsNeedingOpenId, type RosterPlan } from './plan-roster.js';
import { parseRoster, sortErrors } from './parse-roster.js';
import type { RosterFile } from './read-roster-file.js';
import { DomainError } from '../errors.js';
import { applyPlan, findCommittee, isActiveAdmin, loadSnapshot, lockRosterImports, recordImportAudit } from './roster-repository.js';
import type { RosterRow } from './roster-row-schema.js';
import type { RosterSnapshot } from './roster-snapshot.js';
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

type Committee = RosterSnapshot['committee'];
type Checked = { ok: true; committee: Committee; rows: RosterRow[]; snapshot: RosterSnapshot } | { ok: false; errors: RosterError[] };

/** Thrown inside the transaction when the database changed since validation; rolls everything back. */
class ConflictsAppeared extends Error {
  constructor(readonly errors: RosterError[]) {
    super('roster conflicts appeared during the import');
  }
}

/**
 * Imports a roster file. With `actorMemberId` (the chat upload) the actor must be an active committee admin, or a
 * DomainError ACTOR_NOT_ALLOWED is thrown before the file is read; the CLI runs as the system.
 */
export async function importRoster(input: ImportRosterInput): Promise<ImportReport> {
  const options = input.options ?? {};
  if (options.actorMemberId != null && !(await isActiveAdmin(input.db, options.actorMemberId))) {
    throw new DomainError('ACTOR_NOT_ALLOWED', 'only an active committee admin may import the roster', { action: 'roster.import' });
  }
  const report = emptyReport(input.file.name, {
    dryRun: Boolean(options.dryRun),
    deactivateMissing: Boolean(options.deactivateMissing),
    offline: Boolean(options.offline),
  });
  const checked = await checkFile(input, report);
  if (!checked.ok) return { ...report, errors: checked.errors };

  const resolution = await resolveMissing(input, rowsNeedingOpenId(checked.rows, checked.snapshot), report);
  const planFor = (snapshot: RosterSnapshot): RosterPlan =>
    planRoster({
      rows: checked.rows,
      snapshot,
      deactivateMissing: report.options.deactivateMissing,
      resolved: resolution.resolved,
      notResolved: resolution.notResolved,
    });
  if (report.options.dryRun) return reportWithPlan(report, planFor(checked.snapshot), 'dry_run');
  try {
    return await writeRoster(input, report, checked, planFor);
  } catch (e) {
    if (e instanceof ConflictsAppeared) return { ...report, errors: sortErrors(e.errors) };
    throw e;
  }
}

/** The file on its own, then against the database; notes format, row count, committee and warnings in `report`. */
async function checkFile(input: ImportRosterInput, report: ImportReport): Promise<Checked> {
  const parsed = await parseRoster(input.file);
  report.file.format = parsed.format;
  report.file.dataRows = parsed.dataRows;
  report.warnings.push(...parsed.warnings);
  const committee = await findCommittee(input.db, input.options?.committee);
  if ('code' in committee) return { ok: false, errors: [committee, ...parsed.errors] };
  report.committee = committee.name;
  if (parsed.rows.length === 0) return { ok: false, errors: parsed.errors };
  const snapshot = await loadSnapshot(input.db, committee, parsed.rows, report.options.deactivateMissing);
  const errors = sortErrors([...parsed.errors, ...findConflicts(parsed.rows, snapshot)]);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, committee, rows: parsed.rows, snapshot };
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

/** One transaction, serialised with other imports, planned again against the locked database. */
async function writeRoster(
  input: ImportRosterInput,
  report: ImportReport,
  checked: Extract<Checked, { ok: true }>,
  planFor: (snapshot: RosterSnapshot) => RosterPlan,
): Promise<ImportReport> {
  const { committee, rows } = checked;
  return input.db.$transaction(
    async (tx) => {
      await lockRosterImports(tx);
      const current = await loadSnapshot(tx, committee, rows, report.options.deactivateMissing);
      const late = findConflicts(rows, current);
      if (late.length > 0) throw new ConflictsAppeared(late);
      const plan = planFor(current);
      if (!planHasChanges(plan)) return reportWithPlan(report, plan, 'unchanged');
      await applyPlan(tx, committee.id, plan);
      const done = reportWithPlan(report, plan, 'applied');
      const actorId = input.options?.actorMemberId ?? null;
      await recordImportAudit(tx, {
        actorId,
        committeeId: committee.id,
        // Counts and a file hash only: names, numbers and ids of people stay out of the audit trail's summary.
        after: {
          actor: actorId ? 'admin' : 'system:roster-import',
          source: input.options?.source ?? 'cli',
          format: report.file.format,
          sha256: createHash('sha256').update(input.file.bytes).digest('hex'),
          deactivateMissing: report.options.deactivateMissing,
          counts: reportCounts(done),
        },
      });
      return done;
    },
    // One transaction for the whole file: a 2,200-row first import needs more than Prisma's 5 s default.
    { maxWait: 10_000, timeout: 120_000 },
  );
}
