// Scheduled party days over the database: a secretary (or admin) schedules one for a branch, members
// answer (attending / leave request) and check in within the window, and after the window the unexcused
// absences become PROPOSED deductions that the secretary confirms (a real B1 deduction through the
// deductions service) or waives (nothing on the ledger).
//
// The check-in window comes from the settings `partyDay.checkInBeforeMinutes` / `…AfterMinutes` (30 / 60)
// when a member checks in; the `party_days.check_in_window_minutes` column (one width for both sides) is
// not read, to avoid a migration for a before/after pair.
//
// Why compare-and-set on `absenceOutcome`: two secretaries on one card, or a double tap, decide an
// absence once; the deduction's idempotency key is the attendance, so a retry never deducts twice.
import { assertManagesBranch, requirePerson, type ServiceActor } from '../access/actor.js';
import { writeAudit } from '../audit/audit-repository.js';
import { createDeductionsService } from '../deductions/deductions-service.js';
import type { DeductionView } from '../deductions/deductions-repository.js';
import { DomainError } from '../errors.js';
import { isLocalDate, type LocalDate } from '../periods/local-date.js';
import { localDateOf, zonedInstant } from '../periods/zoned-time.js';
import type { RulesService } from '../rules/rules-service.js';
import { readSetting } from '../settings/settings-repository.js';
import { requireIdempotencyKey, requireText } from '../shared/input.js';
import { transact, type ServiceDeps } from '../shared/db.js';
import { decideCheckIn, isAttendanceFinal, parseStartTime, unexcusedAbsences, type CheckInWindow, type Rsvp } from './attendance-rules.js';

export interface PartyDayView {
  readonly id: number;
  readonly branchId: number;
  readonly planId: number | null;
  readonly title: string;
  readonly startsAt: Date;
  readonly date: LocalDate;
  readonly place: string;
  readonly notes: string | null;
  readonly status: 'SCHEDULED' | 'CANCELLED' | 'COMPLETED';
}

export interface AbsenceView {
  readonly attendanceId: number;
  readonly memberId: number;
  readonly name: string;
  readonly rsvp: Rsvp;
  readonly outcome: 'PENDING' | 'CONFIRMED_DEDUCTION' | 'WAIVED';
}

export interface ScheduleInput {
  readonly branchId: number;
  readonly planId?: number;
  readonly title: string;
  readonly date: LocalDate;
  readonly time: string;
  readonly place: string;
  readonly notes: string;
  readonly idempotencyKey: string;
}

export interface PartyDaysService {
  checkInWindow(): Promise<CheckInWindow>;
  /** Also invites every active member of the branch (one attendance row each); `invited` only when created. */
  schedule(actor: ServiceActor, input: ScheduleInput): Promise<{ partyDay: PartyDayView; created: boolean; invited: number[] }>;
  get(actor: ServiceActor, partyDayId: number): Promise<PartyDayView>;
  /** The branch's days, newest first. */
  listForBranch(actor: ServiceActor, branchId: number, limit: number): Promise<PartyDayView[]>;
  myAttendance(actor: ServiceActor, partyDayId: number): Promise<{ rsvp: Rsvp; checkedInAt: Date | null }>;
  rsvp(actor: ServiceActor, partyDayId: number, answer: 'ATTENDING' | 'LEAVE_REQUESTED', leaveReason?: string): Promise<{ changed: boolean }>;
  rejectLeave(actor: ServiceActor, attendanceId: number): Promise<{ memberId: number }>;
  /** Within the window: records the first check-in (a second is a no-op); outside: INVALID_INPUT with the window. */
  checkIn(actor: ServiceActor, partyDayId: number): Promise<{ checkedInAt: Date; first: boolean }>;
  /** After the window: marks the unexcused absences PENDING (once) and returns every absence of the day. */
  proposeAbsences(actor: ServiceActor, partyDayId: number): Promise<AbsenceView[]>;
  decideAbsence(
    actor: ServiceActor,
    input: { attendanceId: number; confirm: boolean; reason: string; idempotencyKey?: string },
  ): Promise<{ absence: AbsenceView; deduction?: DeductionView }>;
}

type Row = { id: number; branchId: number; planId: number | null; title: string; startsAt: Date; place: string; notes: string | null; status: PartyDayView['status'] };

export function createPartyDaysService(deps: ServiceDeps & { readonly rules?: RulesService }): PartyDaysService {
  const { db } = deps;
  const view = (r: Row): PartyDayView => ({ ...r, date: localDateOf(r.startsAt, deps.timeZone) });

  async function find(partyDayId: number): Promise<Row> {
    const row = await db.partyDay.findUnique({ where: { id: partyDayId } });
    if (!row) throw new DomainError('NOT_FOUND', 'no such party day', { partyDayId });
    return row;
  }
  async function window(): Promise<CheckInWindow> {
    const [beforeMinutes, afterMinutes] = await Promise.all([readSetting(db, 'partyDay.checkInBeforeMinutes'), readSetting(db, 'partyDay.checkInAfterMinutes')]);
    return { beforeMinutes, afterMinutes };
  }
  async function ownAttendance(actor: ServiceActor, partyDayId: number) {
    const person = requirePerson(actor, 'answer a party day');
    const row = await db.partyDayAttendance.findUnique({ where: { partyDayId_memberId: { partyDayId, memberId: person.memberId } } });
    if (!row) throw new DomainError('NOT_FOUND', 'not invited to this party day', { partyDayId });
    return { person, row };
  }
  async function absences(partyDayId: number): Promise<AbsenceView[]> {
    const rows = await db.partyDayAttendance.findMany({
      where: { partyDayId, absenceOutcome: { not: null } }, include: { member: { select: { name: true } } }, orderBy: { id: 'asc' },
    });
    return rows.map((r) => ({ attendanceId: r.id, memberId: r.memberId, name: r.member.name, rsvp: r.rsvp, outcome: r.absenceOutcome! }));
  }

  return {
    checkInWindow: window,

    async schedule(actor, input) {
      const person = assertManagesBranch(actor, input.branchId, 'schedule a party day');
      const key = requireIdempotencyKey(input.idempotencyKey);
      const title = requireText(input.title, 'title', 60);
      const place = requireText(input.place, 'place', 100);
      const notes = input.notes.trim() === '' ? null : requireText(input.notes, 'notes', 500);
      if (!isLocalDate(input.date)) throw new DomainError('INVALID_DATE', 'date must be YYYY-MM-DD', { field: 'date' });
      const { hour, minute } = parseStartTime(input.time);
      const startsAt = zonedInstant(input.date, hour, minute, deps.timeZone);
      const now = deps.clock.now();
      if (startsAt <= now) throw new DomainError('INVALID_DATE', 'a party day is scheduled ahead', { field: 'date' });
      return transact(db, async (tx) => {
        const existing = await tx.partyDay.findUnique({ where: { idempotencyKey: key } });
        if (existing) return { partyDay: view(existing), created: false, invited: [] };
        const row = await tx.partyDay.create({
          data: { branchId: input.branchId, planId: input.planId ?? null, title, startsAt, place, notes, createdById: person.memberId, idempotencyKey: key, createdAt: now },
        });
        const members = await tx.member.findMany({ where: { branchId: input.branchId, status: { not: 'INACTIVE' } }, select: { id: true }, orderBy: { id: 'asc' } });
        await tx.partyDayAttendance.createMany({ data: members.map((m) => ({ partyDayId: row.id, memberId: m.id, createdAt: now })), skipDuplicates: true });
        await writeAudit(tx, { actorId: person.memberId, action: 'party-day.schedule', targetType: 'party_day', targetId: row.id, branchId: row.branchId, after: { title, startsAt: startsAt.toISOString(), place }, at: now });
        return { partyDay: view(row), created: true, invited: members.map((m) => m.id) };
      });
    },

    async get(actor, partyDayId) {
      const row = await find(partyDayId);
      const person = requirePerson(actor, 'read a party day');
      if (person.role !== 'ADMIN' && person.branchId !== row.branchId) throw new DomainError('NOT_FOUND', 'no such party day', { partyDayId });
      return view(row);
    },

    async listForBranch(actor, branchId, limit) {
      const person = requirePerson(actor, 'list party days');
      if (person.role !== 'ADMIN' && person.branchId !== branchId) throw new DomainError('ACTOR_NOT_ALLOWED', 'another branch', { branchId });
      const rows = await db.partyDay.findMany({ where: { branchId, status: { not: 'CANCELLED' } }, orderBy: { startsAt: 'desc' }, take: limit });
      return rows.map(view);
    },

    async myAttendance(actor, partyDayId) {
      const { row } = await ownAttendance(actor, partyDayId);
      return { rsvp: row.rsvp, checkedInAt: row.checkedInAt };
    },

    async rsvp(actor, partyDayId, answer, leaveReason) {
      const { row } = await ownAttendance(actor, partyDayId);
      const day = await find(partyDayId);
      const now = deps.clock.now();
      if (isAttendanceFinal(now, day.startsAt, await window())) throw new DomainError('ALREADY_HANDLED', 'the party day is over', { partyDayId });
      const reason = answer === 'LEAVE_REQUESTED' ? requireText(leaveReason, 'leaveReason', 200) : null;
      if (row.rsvp === answer && row.leaveReason === reason) return { changed: false };
      // A rejected leave stays rejected: asking again does not excuse the absence.
      if (row.rsvp === 'LEAVE_REJECTED' && answer === 'LEAVE_REQUESTED') throw new DomainError('ALREADY_HANDLED', 'leave was rejected', { partyDayId });
      await db.partyDayAttendance.update({ where: { id: row.id }, data: { rsvp: answer, leaveReason: reason, respondedAt: now } });
      return { changed: true };
    },

    async rejectLeave(actor, attendanceId) {
      const row = await db.partyDayAttendance.findUnique({ where: { id: attendanceId }, include: { partyDay: true } });
      if (!row) throw new DomainError('NOT_FOUND', 'no such attendance', { attendanceId });
      const person = assertManagesBranch(actor, row.partyDay.branchId, 'reject a leave request');
      const now = deps.clock.now();
      const { count } = await db.partyDayAttendance.updateMany({ where: { id: row.id, rsvp: 'LEAVE_REQUESTED' }, data: { rsvp: 'LEAVE_REJECTED' } });
      if (count !== 1) throw new DomainError('ALREADY_HANDLED', 'the leave request is no longer open', { attendanceId });
      await writeAudit(db, { actorId: person.memberId, action: 'party-day.leave.reject', targetType: 'party_day_attendance', targetId: row.id, branchId: row.partyDay.branchId, at: now });
      return { memberId: row.memberId };
    },

    async checkIn(actor, partyDayId) {
      const { row } = await ownAttendance(actor, partyDayId);
      if (row.checkedInAt) return { checkedInAt: row.checkedInAt, first: false };
      const day = await find(partyDayId);
      const now = deps.clock.now();
      const decision = decideCheckIn(now, day.startsAt, await window());
      if (!decision.ok) {
        throw new DomainError('INVALID_INPUT', 'check-in is closed', { reason: decision.reason, opens: decision.opens.toISOString(), closes: decision.closes.toISOString() });
      }
      const { count } = await db.partyDayAttendance.updateMany({ where: { id: row.id, checkedInAt: null }, data: { checkedInAt: now } });
      return { checkedInAt: now, first: count === 1 };
    },

    async proposeAbsences(actor, partyDayId) {
      const day = await find(partyDayId);
      const person = assertManagesBranch(actor, day.branchId, 'count absences');
      const now = deps.clock.now();
      if (!isAttendanceFinal(now, day.startsAt, await window())) throw new DomainError('INVALID_TRANSITION', 'check-in is still open', { partyDayId });
      await transact(db, async (tx) => {
        await tx.$queryRaw`SELECT id FROM party_days WHERE id = ${day.id} FOR NO KEY UPDATE`;
        const rows = await tx.partyDayAttendance.findMany({ where: { partyDayId }, include: { member: { select: { status: true } } } });
        const absent = unexcusedAbsences(rows.map((r) => ({
          attendanceId: r.id, memberId: r.memberId, rsvp: r.rsvp, checkedIn: r.checkedInAt !== null,
          memberOnLeave: r.member.status === 'ON_LEAVE', decided: r.absenceOutcome !== null,
        })));
        if (absent.length > 0) {
          await tx.partyDayAttendance.updateMany({ where: { id: { in: absent.map((a) => a.attendanceId) }, absenceOutcome: null }, data: { absenceOutcome: 'PENDING' } });
        }
        if (day.status === 'SCHEDULED') {
          await tx.partyDay.update({ where: { id: day.id }, data: { status: 'COMPLETED' } });
          await writeAudit(tx, { actorId: person.memberId, action: 'party-day.absences.propose', targetType: 'party_day', targetId: day.id, branchId: day.branchId, after: { proposed: absent.length }, at: now });
        }
      });
      return absences(partyDayId);
    },

    async decideAbsence(actor, input) {
      const row = await db.partyDayAttendance.findUnique({ where: { id: input.attendanceId }, include: { partyDay: true, member: { select: { name: true } } } });
      if (!row || row.absenceOutcome === null) throw new DomainError('NOT_FOUND', 'no such proposed absence', { attendanceId: input.attendanceId });
      const person = assertManagesBranch(actor, row.partyDay.branchId, 'decide an absence');
      if (row.absenceOutcome !== 'PENDING') throw new DomainError('ALREADY_HANDLED', 'this absence has been decided', { attendanceId: row.id });
      return transact(db, async (tx) => {
        const now = deps.clock.now();
        const outcome = input.confirm ? 'CONFIRMED_DEDUCTION' : 'WAIVED';
        let deduction: DeductionView | undefined;
        if (input.confirm) {
          // Through the deductions service (same transaction): its permission check, ledger entry and audit.
          // Keyed by the attendance, and rolled back with everything else if the absence was decided meanwhile.
          deduction = (await createDeductionsService({ ...deps, db: tx }).deduct(actor, {
            memberId: row.memberId, deductionCode: 'B1-ABSENCE', occurrences: 1, occurredOn: localDateOf(row.partyDay.startsAt, deps.timeZone),
            reason: input.reason, idempotencyKey: `party-day-absence:${row.id}`,
          })).deduction;
        }
        // SQL requires a deduction exactly when the outcome is CONFIRMED_DEDUCTION: one update sets both.
        const { count } = await tx.partyDayAttendance.updateMany({
          where: { id: row.id, absenceOutcome: 'PENDING' },
          data: { absenceOutcome: outcome, absenceDecidedById: person.memberId, absenceDecidedAt: now, ...(deduction ? { deductionId: deduction.id } : {}) },
        });
        if (count !== 1) throw new DomainError('ALREADY_HANDLED', 'this absence has been decided', { attendanceId: row.id });
        if (!deduction) {
          await writeAudit(tx, { actorId: person.memberId, action: 'party-day.absence.waive', targetType: 'party_day_attendance', targetId: row.id, branchId: row.partyDay.branchId, at: now });
        }
        const absence: AbsenceView = { attendanceId: row.id, memberId: row.memberId, name: row.member.name, rsvp: row.rsvp, outcome };
        return { absence, ...(deduction ? { deduction } : {}) };
      });
    },
  };
}
