// A member's answers to a party day (attend, leave request, check-in within the window), the secretary's
// rejection of a leave request, and the absence card: count the absences once check-in has closed, then
// confirm (a B1 deduction, the member is told and may object) or waive each one.
import { z } from 'zod';
import { DomainError, isDomainError } from '../../domain/errors.js';
import { absencesCard, leaveFormCard, partyDayNoticeCard, secretaryLeaveCard } from '../cards/party-day-cards.js';
import { deductionNoticeCard } from '../cards/deduction-cards.js';
import { deductionFacts } from '../deduction-facts.js';
import { formatInstant } from '../format-time.js';
import { formKey, readForm, requiredText, submissionKey } from '../forms.js';
import { t } from '../messages/index.js';
import { dayFacts, myDayView } from '../party-day-views.js';
import { recipientOf, reviewersOf } from '../people.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import { UserFacingError } from '../user-error.js';
import type { ActionDefinition } from './action.js';

const p = t.partyDays;
const dayValue = z.object({ d: z.coerce.number().int().positive() });

/** "The day is over" and "leave was rejected" arrive as ALREADY_HANDLED; say which. */
function explainRsvpError(err: unknown, rejectedBefore: boolean): never {
  if (isDomainError(err, 'ALREADY_HANDLED')) throw new UserFacingError(rejectedBefore ? p.rsvp.leaveWasRejected : p.rsvp.over);
  throw err;
}

const openAction: ActionDefinition = {
  action: 'pd.open',
  run: async ({ actor, input, services }) => {
    const { f, mine } = await myDayView(services, actor, dayValue.parse(input.value).d);
    return { card: partyDayNoticeCard(f, mine) };
  },
};

const rsvpAction: ActionDefinition = {
  action: 'pd.rsvp',
  run: async ({ actor, input, services }) => {
    const id = dayValue.parse(input.value).d;
    await services.domain.partyDays.rsvp(actor, id, 'ATTENDING').catch((err: unknown) => explainRsvpError(err, false));
    const { f, mine } = await myDayView(services, actor, id);
    return { toast: { type: 'success', content: p.rsvp.attending }, card: partyDayNoticeCard(f, mine) };
  },
};

const leaveOpenAction: ActionDefinition = {
  action: 'pd.leave.open',
  run: async ({ actor, input, services }) => {
    const { f } = await myDayView(services, actor, dayValue.parse(input.value).d);
    return { card: leaveFormCard(f, formKey(input.key, 'pd.leave')) };
  },
};

const leaveAction: ActionDefinition = {
  action: 'pd.leave',
  run: async ({ actor, input, services }) => {
    const id = dayValue.parse(input.value).d;
    const { reason } = readForm(input, z.object({ reason: requiredText(200) }));
    const before = await services.domain.partyDays.myAttendance(actor, id);
    const { changed } = await services.domain.partyDays
      .rsvp(actor, id, 'LEAVE_REQUESTED', reason)
      .catch((err: unknown) => explainRsvpError(err, before.rsvp === 'LEAVE_REJECTED'));
    const { f, mine } = await myDayView(services, actor, id);
    const attendance = await services.db.partyDayAttendance.findUniqueOrThrow({ where: { partyDayId_memberId: { partyDayId: id, memberId: actor.memberId } } });
    const secretaries = changed ? await reviewersOf(services.db, actor.memberId) : [];
    const also = secretaries.map((s) => ({
      ...cardTo({ to: 'open_id', id: s.openId }, secretaryLeaveCard({ name: actor.name, reason, attendanceId: attendance.id, f })),
      businessKey: `${submissionKey(input)}:leave:${s.memberId}`,
    }));
    return { toast: { type: 'success', content: p.rsvp.leaveSent }, card: partyDayNoticeCard(f, mine), also };
  },
};

const leaveRejectAction: ActionDefinition = {
  action: 'pd.leave.reject',
  run: async ({ actor, input, services }) => {
    const attendanceId = z.object({ t: z.coerce.number().int().positive() }).parse(input.value).t;
    const { memberId } = await services.domain.partyDays.rejectLeave(actor, attendanceId);
    const row = await services.db.partyDayAttendance.findUniqueOrThrow({ where: { id: attendanceId }, include: { partyDay: true, member: { select: { name: true } } } });
    const f = await dayFacts(services, await services.domain.partyDays.get(actor, row.partyDayId));
    const member = await recipientOf(services.db, memberId);
    const also = member ? [cardTo({ to: 'open_id', id: member.openId }, partyDayNoticeCard(f, { rsvp: 'LEAVE_REJECTED' }))] : [];
    return {
      toast: { type: 'success', content: p.rsvp.rejected(row.member.name) },
      card: secretaryLeaveCard({ name: row.member.name, reason: row.leaveReason ?? '', attendanceId, f, rejected: true }),
      also,
    };
  },
};

const checkInAction: ActionDefinition = {
  action: 'pd.checkin',
  run: async ({ actor, input, services }) => {
    const id = dayValue.parse(input.value).d;
    const at = (iso: unknown) => (typeof iso === 'string' ? formatInstant(new Date(iso), services.timeZone) : '');
    const result = await services.domain.partyDays.checkIn(actor, id).catch((err: unknown) => {
      if (isDomainError(err, 'INVALID_INPUT') && (err.details.reason === 'too-early' || err.details.reason === 'too-late')) {
        const say = err.details.reason === 'too-early' ? p.checkIn.tooEarly : p.checkIn.tooLate;
        throw new UserFacingError(say(at(err.details.opens), at(err.details.closes)));
      }
      throw err;
    });
    const { f, mine } = await myDayView(services, actor, id);
    const when = formatInstant(result.checkedInAt, services.timeZone);
    return { toast: { type: result.first ? 'success' : 'info', content: result.first ? p.checkIn.done(when) : p.checkIn.already(when) }, card: partyDayNoticeCard(f, mine) };
  },
};

const absencesAction: ActionDefinition = {
  action: 'pd.absences',
  run: async ({ actor, input, services }) => {
    const id = dayValue.parse(input.value).d;
    const f = await dayFacts(services, await services.domain.partyDays.get(actor, id));
    const absences = await services.domain.partyDays.proposeAbsences(actor, id).catch((err: unknown) => {
      if (isDomainError(err, 'INVALID_TRANSITION')) throw new UserFacingError(p.absences.stillOpen(f.closes));
      throw err;
    });
    return { card: absencesCard(f, absences) };
  },
};

const absenceAction: ActionDefinition = {
  action: 'pd.absence',
  run: async ({ actor, input, services }) => {
    const v = z.object({ t: z.coerce.number().int().positive(), c: z.coerce.number().int().min(0).max(1) }).parse(input.value);
    const row = await services.db.partyDayAttendance.findUnique({ where: { id: v.t }, select: { partyDayId: true } });
    if (!row) throw new DomainError('NOT_FOUND', 'no such attendance', { attendanceId: v.t });
    const f = await dayFacts(services, await services.domain.partyDays.get(actor, row.partyDayId));
    const reason = p.absences.reason(f.day.title, f.day.date);
    const { absence, deduction } = await services.domain.partyDays.decideAbsence(actor, { attendanceId: v.t, confirm: v.c === 1, reason });
    const also: OutgoingMessage[] = [];
    if (deduction) {
      const member = await recipientOf(services.db, deduction.memberId);
      const facts = await deductionFacts(services, deduction);
      if (member) also.push(cardTo({ to: 'open_id', id: member.openId }, deductionNoticeCard({ ...facts, deductionId: deduction.id, open: true })));
    }
    const absences = await services.domain.partyDays.proposeAbsences(actor, row.partyDayId);
    const content = deduction ? p.absences.confirmed(absence.name) : p.absences.waived(absence.name);
    return { toast: { type: 'success', content }, card: absencesCard(f, absences), also };
  },
};

export const partyDayAttendanceActions: readonly ActionDefinition[] = [
  openAction, rsvpAction, leaveOpenAction, leaveAction, leaveRejectAction, checkInAction, absencesAction, absenceAction,
];
