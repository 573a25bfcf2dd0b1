// Leave (请假/休假 until a date, 销假 to end it): pauses a member's reminders; the member still uses the bot.
//
// Why the member row: reminders read `status` and `leaveUntil` when they fan out, and the table checks
// that ON_LEAVE always has a date. A member manages their own leave; deactivated members cannot.
import { DomainError } from '../errors.js';
import { requirePerson, type ServiceActor } from '../access/actor.js';
import { addDays, isLocalDate, type LocalDate } from '../periods/local-date.js';
import { fromDbDate, toDbDate, type ServiceDeps } from '../shared/db.js';
import { today } from '../shared/input.js';

export interface LeaveState {
  readonly memberId: number;
  readonly status: 'ACTIVE' | 'ON_LEAVE';
  readonly leaveUntil: LocalDate | null;
}

export interface LeaveService {
  /** Leave up to and including `until` (today … one year ahead). */
  startLeave(actor: ServiceActor, until: LocalDate): Promise<LeaveState>;
  endLeave(actor: ServiceActor): Promise<LeaveState>;
}

export function createLeaveService(deps: ServiceDeps): LeaveService {
  const { db } = deps;

  async function update(memberId: number, data: { status: 'ACTIVE' | 'ON_LEAVE'; leaveUntil: Date | null }): Promise<LeaveState> {
    // Deactivated members are out of the programme; the status filter keeps them so.
    const { count } = await db.member.updateMany({ where: { id: memberId, status: { not: 'INACTIVE' } }, data });
    if (count !== 1) throw new DomainError('ACTOR_NOT_ALLOWED', 'inactive members cannot take leave', { action: 'leave' });
    return { memberId, status: data.status, leaveUntil: data.leaveUntil === null ? null : fromDbDate(data.leaveUntil) };
  }

  return {
    async startLeave(actor, until) {
      const person = requirePerson(actor, 'take leave');
      const now = today(deps.clock, deps.timeZone);
      if (!isLocalDate(until) || until < now || until > addDays(now, 366)) {
        throw new DomainError('INVALID_DATE', 'leave ends between today and a year from now', { field: 'until' });
      }
      return update(person.memberId, { status: 'ON_LEAVE', leaveUntil: toDbDate(until) });
    },
    async endLeave(actor) {
      const person = requirePerson(actor, 'end leave');
      return update(person.memberId, { status: 'ACTIVE', leaveUntil: null });
    },
  };
}
