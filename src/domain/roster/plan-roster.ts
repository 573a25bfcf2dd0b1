// The difference between a valid file and the database: branches and members to create, field-by-field
// updates keyed by employee number, deactivations, and which open_ids are still missing. Pure.
import type { ChangedField, FieldChange, ImportReport, ResolvedMember, UnresolvedMember, UnresolvedReason } from './import-report.js';
import type { RosterRole } from './roster-fields.js';
import type { RosterRow } from './roster-row-schema.js';
import type { ExistingMember, RosterSnapshot } from './roster-snapshot.js';

export interface Resolution {
  openId: string;
  via: 'mobile' | 'email';
}

export interface MemberValues {
  name: string;
  mobile: string | null;
  email: string | null;
  branch: string;
  role: RosterRole;
  openId: string | null;
}

export interface MemberUpdate {
  memberId: number;
  row: number;
  employeeNo: string;
  name: string;
  /** Only the fields that change; `status: ACTIVE` brings a deactivated member back. */
  set: Partial<MemberValues> & { status?: 'ACTIVE' };
  changes: FieldChange[];
}

export interface RosterPlan {
  branchesToCreate: string[];
  creates: Array<{ row: number; employeeNo: string; values: MemberValues }>;
  updates: MemberUpdate[];
  unchanged: number;
  deactivations: Array<{ memberId: number; employeeNo: string; name: string; branch: string }>;
  resolved: ResolvedMember[];
  unresolved: UnresolvedMember[];
}

export interface PlanInput {
  rows: readonly RosterRow[];
  snapshot: RosterSnapshot;
  deactivateMissing: boolean;
  /** open_ids found by batch_get_id, by employee number. */
  resolved: ReadonlyMap<string, Resolution>;
  /** Why the others were not found, by employee number; rows without an entry were not looked up (offline). */
  notResolved: ReadonlyMap<string, UnresolvedReason>;
}

/** Rows that have no open_id in the file and none in the database: the ones to look up. */
export function rowsNeedingOpenId(rows: readonly RosterRow[], snapshot: RosterSnapshot): RosterRow[] {
  const existing = new Map(snapshot.members.map((m) => [m.employeeNo, m]));
  return rows.filter((r) => r.openId === null && !existing.get(r.employeeNo)?.openId);
}

/** Resolved ids that someone else keeps (in the database or in the file) are not used: two people, one account. */
function acceptResolutions(input: PlanInput, existing: ReadonlyMap<string, ExistingMember>) {
  const inFile = new Map(input.rows.map((r) => [r.employeeNo, r]));
  const owner = new Map<string, string>();
  for (const m of input.snapshot.members) {
    const row = inFile.get(m.employeeNo);
    if (m.openId && (!row || row.openId === null)) owner.set(m.openId, m.employeeNo);
  }
  for (const r of input.rows) if (r.openId) owner.set(r.openId, r.employeeNo);

  const openIds = new Map<string, string>();
  const resolved: ResolvedMember[] = [];
  const unresolved: UnresolvedMember[] = [];
  for (const r of input.rows) {
    if (r.openId !== null || existing.get(r.employeeNo)?.openId) continue;
    const found = input.resolved.get(r.employeeNo);
    const holder = found ? owner.get(found.openId) : undefined;
    if (found && (holder === undefined || holder === r.employeeNo)) {
      owner.set(found.openId, r.employeeNo);
      openIds.set(r.employeeNo, found.openId);
      resolved.push({ row: r.row, employeeNo: r.employeeNo, via: found.via });
    } else if (found && holder !== undefined) {
      unresolved.push({ row: r.row, employeeNo: r.employeeNo, name: r.name, reason: 'taken', otherEmployeeNo: holder });
    } else {
      unresolved.push({ row: r.row, employeeNo: r.employeeNo, name: r.name, reason: input.notResolved.get(r.employeeNo) ?? 'offline' });
    }
  }
  return { openIds, resolved, unresolved };
}

function diff(m: ExistingMember, next: MemberValues): Pick<MemberUpdate, 'set' | 'changes'> {
  const set: MemberUpdate['set'] = {};
  const changes: FieldChange[] = [];
  const compare = <K extends keyof MemberValues>(key: K, field: ChangedField, before: MemberValues[K]) => {
    if (before === next[key]) return;
    set[key] = next[key];
    changes.push({ field, from: before, to: next[key] });
  };
  compare('name', 'name', m.name);
  compare('mobile', 'mobile', m.mobile);
  compare('email', 'email', m.email);
  compare('branch', 'branch', m.branchName);
  compare('role', 'role', m.role);
  // A blank open_id in the file keeps the one on record: it was resolved earlier or given by hand.
  if (next.openId !== null) compare('openId', 'open_id', m.openId);
  if (m.status === 'INACTIVE') {
    set.status = 'ACTIVE';
    changes.push({ field: 'status', from: 'INACTIVE', to: 'ACTIVE' });
  }
  return { set, changes };
}

/** Whether writing the plan would change anything at all (a re-import of the same file does not). */
export function planHasChanges(plan: RosterPlan): boolean {
  return plan.branchesToCreate.length + plan.creates.length + plan.updates.length + plan.deactivations.length > 0;
}

export function planRoster(input: PlanInput): RosterPlan {
  const { rows, snapshot } = input;
  const existing = new Map(snapshot.members.map((m) => [m.employeeNo, m]));
  const { openIds, resolved, unresolved } = acceptResolutions(input, existing);

  const known = new Set(snapshot.branches.map((b) => b.name));
  const branchesToCreate = [...new Set(rows.map((r) => r.branch))].filter((name) => !known.has(name));

  const plan: RosterPlan = { branchesToCreate, creates: [], updates: [], unchanged: 0, deactivations: [], resolved, unresolved };
  for (const r of rows) {
    const values: MemberValues = {
      name: r.name,
      mobile: r.mobile,
      email: r.email,
      branch: r.branch,
      role: r.role,
      openId: r.openId ?? openIds.get(r.employeeNo) ?? null,
    };
    const m = existing.get(r.employeeNo);
    if (!m) {
      plan.creates.push({ row: r.row, employeeNo: r.employeeNo, values });
      continue;
    }
    const { set, changes } = diff(m, values);
    if (changes.length === 0) plan.unchanged += 1;
    else plan.updates.push({ memberId: m.id, row: r.row, employeeNo: r.employeeNo, name: r.name, set, changes });
  }

  if (input.deactivateMissing) {
    const ours = new Set(snapshot.branches.filter((b) => b.committeeId === snapshot.committee.id).map((b) => b.id));
    const inFile = new Set(rows.map((r) => r.employeeNo));
    plan.deactivations = snapshot.members
      .filter((m) => ours.has(m.branchId) && m.status !== 'INACTIVE' && !inFile.has(m.employeeNo))
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo))
      .map((m) => ({ memberId: m.id, employeeNo: m.employeeNo, name: m.name, branch: m.branchName }));
  }
  return plan;
}

/** The report's lists filled from a plan: what was (or, in a dry run, would be) written. */
export function reportWithPlan(report: ImportReport, plan: RosterPlan, outcome: ImportReport['outcome']): ImportReport {
  return {
    ...report,
    outcome,
    branchesCreated: plan.branchesToCreate,
    created: plan.creates.map((c) => ({ row: c.row, employeeNo: c.employeeNo, name: c.values.name, branch: c.values.branch, role: c.values.role })),
    updated: plan.updates.map((u) => ({ row: u.row, employeeNo: u.employeeNo, name: u.name, changes: u.changes })),
    unchanged: plan.unchanged,
    deactivated: plan.deactivations.map(({ employeeNo, name, branch }) => ({ employeeNo, name, branch })),
    resolved: plan.resolved,
    unresolved: plan.unresolved,
  };
}
