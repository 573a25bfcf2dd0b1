// Library actions: page through series and plans, open a plan, and — from the plan — schedule it for the
// branch (the notice goes to every member of the branch through the bulk lane, one per member, keyed by
// the party day and the member). Admins add series and plans from the library cards.
import { z } from 'zod';
import { isDomainError } from '../../domain/errors.js';
import { splitLines } from '../../domain/party-days/attendance-rules.js';
import { libraryCard, LIBRARY_PAGE_SIZE, planCard, seriesCard } from '../cards/party-day-library-cards.js';
import { partyDayNoticeCard } from '../cards/party-day-cards.js';
import { card, markdown, md } from '../cards/elements.js';
import { formDate, formKey, formText, readForm, requiredText, submissionKey, todayIn } from '../forms.js';
import { t } from '../messages/index.js';
import { dayFacts, manages } from '../party-day-views.js';
import { cardTo, type OutgoingMessage } from '../reply.js';
import type { BotServices } from '../services.js';
import { UserFacingError } from '../user-error.js';
import type { Actor } from '../actor.js';
import type { ActionDefinition, CardActionInput } from './action.js';

const offset = z.coerce.number().int().min(0).max(100_000).default(0);
const p = t.partyDays;

async function showLibrary(services: BotServices, actor: Actor, input: CardActionInput, at: number) {
  const page = await services.domain.partyDayLibrary.listSeries(actor, { offset: at, limit: LIBRARY_PAGE_SIZE });
  return libraryCard({ page, offset: at, isAdmin: actor.role === 'ADMIN', formKey: formKey(input.key, 'pd.series.add') });
}

async function showSeries(services: BotServices, actor: Actor, input: CardActionInput, seriesId: number, at: number) {
  const { series, ...page } = await services.domain.partyDayLibrary.listPlans(actor, seriesId, { offset: at, limit: LIBRARY_PAGE_SIZE });
  return seriesCard({ series, page, offset: at, isAdmin: actor.role === 'ADMIN', formKey: formKey(input.key, 'pd.plan.add') });
}

const libraryAction: ActionDefinition = {
  action: 'pd.lib',
  run: async ({ actor, input, services }) => ({ card: await showLibrary(services, actor, input, z.object({ o: offset }).parse(input.value).o) }),
};

const seriesAction: ActionDefinition = {
  action: 'pd.series',
  run: async ({ actor, input, services }) => {
    const v = z.object({ s: z.coerce.number().int().positive(), o: offset }).parse(input.value);
    return { card: await showSeries(services, actor, input, v.s, v.o) };
  },
};

const planAction: ActionDefinition = {
  action: 'pd.plan',
  run: async ({ actor, input, services }) => {
    const plan = await services.domain.partyDayLibrary.plan(actor, z.object({ p: z.coerce.number().int().positive() }).parse(input.value).p);
    return { card: planCard({ plan, canSchedule: manages(actor, actor.branchId), formKey: formKey(input.key, 'pd.schedule'), today: todayIn(services.timeZone, services.now()) }) };
  },
};

const seriesForm = z.object({ name: requiredText(40), category: z.enum(['SERVING_PRODUCTION', 'THEMED_EDUCATION', 'IDEOLOGICAL_EDUCATION', 'SERVING_MASSES']), description: formText(500).default('') });

const addSeriesAction: ActionDefinition = {
  action: 'pd.series.add',
  run: async ({ actor, input, services }) => {
    const f = readForm(input, seriesForm);
    const { series } = await services.domain.partyDayLibrary.addSeries(actor, { ...f, idempotencyKey: submissionKey(input) });
    return { toast: { type: 'success', content: p.library.seriesAdded(series.name) }, card: await showSeries(services, actor, input, series.id, 0) };
  },
};

const planForm = z.object({ title: requiredText(60), theme: requiredText(200), goals: requiredText(1000), steps: requiredText(2000), materials: formText(1000).default('') });

const addPlanAction: ActionDefinition = {
  action: 'pd.plan.add',
  run: async ({ actor, input, services }) => {
    const seriesId = z.object({ s: z.coerce.number().int().positive() }).parse(input.value).s;
    const f = readForm(input, planForm);
    const { plan } = await services.domain.partyDayLibrary.addPlan(actor, {
      seriesId, title: f.title, theme: f.theme, goals: splitLines(f.goals, 20), steps: splitLines(f.steps, 30), materials: splitLines(f.materials, 20), idempotencyKey: submissionKey(input),
    });
    return { toast: { type: 'success', content: p.library.planAdded(plan.title) }, card: await showSeries(services, actor, input, seriesId, 0) };
  },
};

const scheduleForm = z.object({ date: formDate, time: requiredText(8), place: requiredText(100), notes: formText(500).default('') });

const scheduleAction: ActionDefinition = {
  action: 'pd.schedule',
  run: async ({ actor, input, services }) => {
    const planId = z.object({ p: z.coerce.number().int().positive() }).parse(input.value).p;
    const f = readForm(input, scheduleForm);
    const plan = await services.domain.partyDayLibrary.plan(actor, planId);
    const { partyDay, created, invited } = await services.domain.partyDays
      .schedule(actor, { branchId: actor.branchId, planId, title: plan.title, date: f.date, time: f.time, place: f.place, notes: f.notes, idempotencyKey: submissionKey(input) })
      .catch((err: unknown) => {
        if (isDomainError(err, 'INVALID_INPUT') && err.details.field === 'time') throw new UserFacingError(p.schedule.badTime);
        if (isDomainError(err, 'INVALID_DATE')) throw new UserFacingError(p.schedule.inPast);
        throw err;
      });
    const facts = await dayFacts(services, partyDay);
    const people = await services.db.member.findMany({ where: { id: { in: invited }, openId: { not: null } }, select: { id: true, openId: true }, orderBy: { id: 'asc' } });
    const notice = partyDayNoticeCard(facts, { rsvp: 'NO_RESPONSE' });
    const also: OutgoingMessage[] = people.map((m) => ({
      ...cardTo({ to: 'open_id', id: m.openId! }, notice), lane: 'bulk' as const, businessKey: `party-day:${partyDay.id}:notice:${m.id}`,
    }));
    const invitedCount = created ? people.length : await services.db.partyDayAttendance.count({ where: { partyDayId: partyDay.id } });
    const done = card({ title: p.schedule.doneTitle, color: 'green', elements: [markdown(`**${md.user(plan.title)}**　${facts.when}　${md.user(partyDay.place)}`), markdown(p.schedule.done(invitedCount))] });
    return { toast: { type: created ? 'success' : 'info', content: created ? p.schedule.doneTitle : t.common.toast.alreadyDone }, card: done, also };
  },
};

export const partyDayLibraryActions: readonly ActionDefinition[] = [libraryAction, seriesAction, planAction, addSeriesAction, addPlanAction, scheduleAction];
