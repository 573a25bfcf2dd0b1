// The pure party-day rules: the check-in window (inclusive at both ends), when absences may be counted,
// which absences are unexcused (B1), and the typed start time.
import { describe, expect, it } from 'vitest';
import {
  checkInBounds, decideCheckIn, DEFAULT_CHECK_IN_WINDOW, isAttendanceFinal, parseStartTime, splitLines, unexcusedAbsences, type AttendanceFacts,
} from '../../../../src/domain/party-days/attendance-rules.js';
import { isDomainError } from '../../../../src/domain/errors.js';

const start = new Date('2026-12-01T11:30:00Z'); // 19:30 in Shanghai
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

describe('the check-in window', () => {
  it('opens 30 minutes before and closes 60 after by default, both ends included', () => {
    expect(checkInBounds(start, DEFAULT_CHECK_IN_WINDOW)).toEqual({ opens: minutes(-30), closes: minutes(60) });
    expect(decideCheckIn(minutes(-30), start, DEFAULT_CHECK_IN_WINDOW)).toEqual({ ok: true });
    expect(decideCheckIn(minutes(0), start, DEFAULT_CHECK_IN_WINDOW)).toEqual({ ok: true });
    expect(decideCheckIn(minutes(60), start, DEFAULT_CHECK_IN_WINDOW)).toEqual({ ok: true });
  });

  it('refuses before and after, naming the side and the window', () => {
    const early = decideCheckIn(new Date(minutes(-30).getTime() - 1), start, DEFAULT_CHECK_IN_WINDOW);
    expect(early).toEqual({ ok: false, reason: 'too-early', opens: minutes(-30), closes: minutes(60) });
    const late = decideCheckIn(new Date(minutes(60).getTime() + 1), start, DEFAULT_CHECK_IN_WINDOW);
    expect(late).toMatchObject({ ok: false, reason: 'too-late' });
  });

  it('follows a configured window', () => {
    const window = { beforeMinutes: 10, afterMinutes: 15 };
    expect(decideCheckIn(minutes(-11), start, window)).toMatchObject({ ok: false, reason: 'too-early' });
    expect(decideCheckIn(minutes(14), start, window)).toEqual({ ok: true });
    expect(isAttendanceFinal(minutes(15), start, window)).toBe(false);
    expect(isAttendanceFinal(minutes(16), start, window)).toBe(true);
  });
});

describe('unexcused absences (B1)', () => {
  const base: AttendanceFacts = { attendanceId: 1, memberId: 1, rsvp: 'NO_RESPONSE', checkedIn: false, memberOnLeave: false, decided: false };
  const facts = (over: Partial<AttendanceFacts>, id: number): AttendanceFacts => ({ ...base, ...over, attendanceId: id, memberId: id });

  it('proposes no-shows, including those who said they would come or whose leave was rejected', () => {
    const rows = [
      facts({}, 1),
      facts({ rsvp: 'ATTENDING' }, 2),
      facts({ rsvp: 'LEAVE_REJECTED' }, 3),
      facts({ rsvp: 'ATTENDING', checkedIn: true }, 4),
      facts({ rsvp: 'LEAVE_REQUESTED' }, 5),
      facts({ rsvp: 'LEAVE_APPROVED' }, 6),
      facts({ memberOnLeave: true }, 7),
      facts({ decided: true }, 8),
    ];
    expect(unexcusedAbsences(rows).map((r) => r.attendanceId)).toEqual([1, 2, 3]);
  });

  it('proposes nobody when everyone came', () => {
    expect(unexcusedAbsences([facts({ checkedIn: true }, 1), facts({ checkedIn: true, rsvp: 'LEAVE_REJECTED' }, 2)])).toEqual([]);
  });
});

describe('reading what a secretary typed', () => {
  it('reads start times in the usual shapes', () => {
    expect(parseStartTime('19:30')).toEqual({ hour: 19, minute: 30 });
    expect(parseStartTime('7:05')).toEqual({ hour: 7, minute: 5 });
    expect(parseStartTime('１９：３０')).toEqual({ hour: 19, minute: 30 });
    expect(parseStartTime('0930')).toEqual({ hour: 9, minute: 30 });
  });

  it('refuses impossible times with INVALID_INPUT on the time field', () => {
    for (const bad of ['25:00', '19:60', 'tonight', '', '19:3']) {
      try {
        parseStartTime(bad);
        expect.unreachable(bad);
      } catch (err) {
        expect(isDomainError(err, 'INVALID_INPUT') && err.details.field).toBe('time');
      }
    }
  });

  it('splits lines, dropping blanks, and bounds their number', () => {
    expect(splitLines(' a \n\n b\r\nc ', 5)).toEqual(['a', 'b', 'c']);
    expect(() => splitLines('a\nb\nc', 2)).toThrow();
  });
});
