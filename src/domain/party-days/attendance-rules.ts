// The pure rules of a scheduled party day: when check-in is open, when the day is over, which members
// count as absent without excuse (each becomes a proposed B1 deduction), and reading a typed start time.
//
// Why pure: the window and the absence rule decide who loses points; they are tested without a clock or
// a database, and the service only feeds them the injected `now` and the rows.
import { DomainError } from '../errors.js';

export interface CheckInWindow {
  /** Minutes before the start that check-in opens. */
  readonly beforeMinutes: number;
  /** Minutes after the start that check-in closes; absences are counted from then. */
  readonly afterMinutes: number;
}

export const DEFAULT_CHECK_IN_WINDOW: CheckInWindow = Object.freeze({ beforeMinutes: 30, afterMinutes: 60 });

const MINUTE_MS = 60_000;

export function checkInBounds(startsAt: Date, window: CheckInWindow): { opens: Date; closes: Date } {
  return {
    opens: new Date(startsAt.getTime() - window.beforeMinutes * MINUTE_MS),
    closes: new Date(startsAt.getTime() + window.afterMinutes * MINUTE_MS),
  };
}

export type CheckInDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'too-early' | 'too-late'; readonly opens: Date; readonly closes: Date };

/** Open from `opens` to `closes`, both inclusive. */
export function decideCheckIn(now: Date, startsAt: Date, window: CheckInWindow): CheckInDecision {
  const { opens, closes } = checkInBounds(startsAt, window);
  if (now < opens) return { ok: false, reason: 'too-early', opens, closes };
  if (now > closes) return { ok: false, reason: 'too-late', opens, closes };
  return { ok: true };
}

/** Absences can be counted once nobody can check in any more. */
export function isAttendanceFinal(now: Date, startsAt: Date, window: CheckInWindow): boolean {
  return now > checkInBounds(startsAt, window).closes;
}

export type Rsvp = 'NO_RESPONSE' | 'ATTENDING' | 'LEAVE_REQUESTED' | 'LEAVE_APPROVED' | 'LEAVE_REJECTED';

export interface AttendanceFacts {
  readonly attendanceId: number;
  readonly memberId: number;
  readonly rsvp: Rsvp;
  readonly checkedIn: boolean;
  /** The member was on leave (离岗) on the day: excused like a leave request. */
  readonly memberOnLeave: boolean;
  /** Already proposed, confirmed or waived: never proposed twice. */
  readonly decided: boolean;
}

/**
 * B1 (rules §3): an unexcused absence is no check-in without a leave request that stands. A request the
 * secretary has not rejected excuses; a rejected one, or saying "attending" and not coming, does not.
 */
export function unexcusedAbsences(attendances: readonly AttendanceFacts[]): AttendanceFacts[] {
  return attendances.filter(
    (a) => !a.decided && !a.checkedIn && !a.memberOnLeave && a.rsvp !== 'LEAVE_REQUESTED' && a.rsvp !== 'LEAVE_APPROVED',
  );
}

/** `19:30`, `7:05`, `19：30` (full-width colon), `1930` → minutes after midnight; INVALID_INPUT otherwise. */
export function parseStartTime(text: string): { hour: number; minute: number } {
  const t = text.normalize('NFKC').trim();
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(t);
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  if (!match || hour > 23 || minute > 59) {
    throw new DomainError('INVALID_INPUT', 'start time must be HH:mm', { field: 'time' });
  }
  return { hour, minute };
}

/** Lines typed one per line (goals, steps, materials): trimmed, blanks dropped, at most `max` lines. */
export function splitLines(text: string, max: number): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length > max) throw new DomainError('INVALID_INPUT', `at most ${max} lines`, { max });
  return lines;
}
