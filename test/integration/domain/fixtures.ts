// Shared setup for the domain services' integration tests: a small organisation (two branches, their
// secretaries, an admin, plain members), the default rules for 2026 and 2027, a settable clock, and the
// actors and row counts the tests assert with.
import type { Db } from '../../../src/db/prisma.js';
import type { MemberActor } from '../../../src/domain/access/actor.js';
import { createDomainServices, type DomainServices } from '../../../src/domain/services.js';
import type { Clock } from '../../../src/domain/shared/db.js';

export interface Person extends MemberActor {
  readonly name: string;
}

export interface Org {
  readonly branchA: number;
  readonly branchB: number;
  readonly admin: Person;
  readonly secretaryA: Person;
  readonly secretaryB: Person;
  readonly memberA1: Person;
  readonly memberA2: Person;
  readonly memberB1: Person;
}

/** A clock the test moves by hand; starts at 2026-06-15 10:00 in Shanghai. */
export function settableClock(iso = '2026-06-15T02:00:00Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now.getTime()), set: (next) => void (now = new Date(next)) };
}

let sequence = 0;
/** A fresh idempotency key per call, as a form submission would carry. */
export function key(prefix = 'k'): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

async function person(db: Db, branchId: number, role: Person['role'], name: string): Promise<Person> {
  sequence += 1;
  const row = await db.member.create({ data: { employeeNo: `E${sequence}-${name}`, name, branchId, role } });
  return { memberId: row.id, branchId, role, name };
}

/** Adds a plain member to a branch (tests that need fresh subjects). */
export function addMember(db: Db, branchId: number, name = 'member'): Promise<Person> {
  return person(db, branchId, 'MEMBER', name);
}

export async function createOrg(db: Db): Promise<Org> {
  const committee = await db.committee.create({ data: { code: `C${++sequence}`, name: '党委' } });
  const a = await db.branch.create({ data: { committeeId: committee.id, code: `A${sequence}`, name: `第一支部${sequence}` } });
  const b = await db.branch.create({ data: { committeeId: committee.id, code: `B${sequence}`, name: `第二支部${sequence}` } });
  return {
    branchA: a.id,
    branchB: b.id,
    admin: await person(db, a.id, 'ADMIN', 'admin'),
    secretaryA: await person(db, a.id, 'SECRETARY', 'secA'),
    secretaryB: await person(db, b.id, 'SECRETARY', 'secB'),
    memberA1: await person(db, a.id, 'MEMBER', 'a1'),
    memberA2: await person(db, a.id, 'MEMBER', 'a2'),
    memberB1: await person(db, b.id, 'MEMBER', 'b1'),
  };
}

/** Services over `db` with the default rules of 2026 and 2027 stored. */
export async function servicesWithRules(db: Db, clock: Clock): Promise<DomainServices> {
  const services = createDomainServices({ db, clock, timeZone: 'Asia/Shanghai', rulesCacheTtlMs: 0 });
  await services.rules.ensureRulesVersion(2026);
  await services.rules.ensureRulesVersion(2027);
  return services;
}

/** Row counts of every table a service writes, to prove a refused call wrote nothing. */
export async function writeCounts(db: Db): Promise<Record<string, number | string>> {
  const [ledger, audit, claims, deductions, objections, vetoes, pledges, progress, evaluations, years, stars, volunteer, evidence] = await Promise.all([
    db.ledgerEntry.count(), db.auditLog.count(), db.claim.count(), db.deduction.count(), db.objection.count(), db.vetoProposal.count(),
    db.pledge.count(), db.pledgeProgress.count(), db.annualEvaluation.count(), db.evaluationYear.count(), db.star.count(),
    db.volunteerRecord.count(), db.claimEvidence.count(),
  ]);
  // Status changes write no new rows: fingerprint the mutable columns too.
  const [state] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT md5(coalesce((SELECT string_agg(id || status::text || coalesce(reviewer_id, 0) || revision, ',' ORDER BY id) FROM claims), '')
      || coalesce((SELECT string_agg(id || status::text || fulfilment::text, ',' ORDER BY id) FROM pledges), '')
      || coalesce((SELECT string_agg(id || status::text, ',' ORDER BY id) FROM veto_proposals), '')
      || coalesce((SELECT string_agg(id || status::text, ',' ORDER BY id) FROM objections), '')
      || coalesce((SELECT string_agg(id || status::text || coalesce(leave_until::text, ''), ',' ORDER BY id) FROM members), '')
      || coalesce((SELECT string_agg(year || status::text, ',' ORDER BY year) FROM evaluation_years), '')
      || coalesce((SELECT string_agg(id || coalesce(democratic_score::text, '') || coalesce(mass_score::text, ''), ',' ORDER BY id) FROM annual_evaluations), '')) AS fingerprint`;
  return { ledger, audit, claims, deductions, objections, vetoes, pledges, progress, evaluations, years, stars, volunteer, evidence, state: state?.fingerprint ?? '' };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be refused');
}
