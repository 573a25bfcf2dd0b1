// The 志愿 and 请假 forms: record volunteer service (once per form) and start leave until a date.
import { z } from 'zod';
import { leaveStartedCard, volunteerSavedCard } from '../cards/service-cards.js';
import { formDate, formNumber, readForm, requiredText, submissionKey } from '../forms.js';
import { t } from '../messages/index.js';
import type { ActionDefinition } from './action.js';

const volunteerForm = z.object({ hours: formNumber, activity: requiredText(200), date: formDate });

export const volunteerSubmitAction: ActionDefinition = {
  action: 'volunteer.submit',
  run: async ({ actor, input, services }) => {
    const f = readForm(input, volunteerForm);
    const { record, created } = await services.domain.volunteer.record(actor, { hours: f.hours, activity: f.activity, serviceDate: f.date, idempotencyKey: submissionKey(input) });
    const year = Number(record.serviceDate.slice(0, 4));
    const records = await services.domain.volunteer.listMine(actor, year);
    return {
      toast: { type: created ? 'success' : 'info', content: created ? t.service.volunteer.savedTitle : t.common.toast.alreadyDone },
      card: volunteerSavedCard({ year, records, saved: record }),
    };
  },
};

export const leaveSubmitAction: ActionDefinition = {
  action: 'leave.submit',
  run: async ({ actor, input, services }) => {
    const { until } = readForm(input, z.object({ until: formDate }));
    const state = await services.domain.leave.startLeave(actor, until);
    return { toast: { type: 'success', content: t.service.leave.startedTitle }, card: leaveStartedCard(state.leaveUntil ?? until) };
  },
};

export const serviceActions: readonly ActionDefinition[] = [volunteerSubmitAction, leaveSubmitAction];
