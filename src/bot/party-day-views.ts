// What the party-day cards show about a day, read once: its times in the party's zone, the check-in
// window from the settings, and the theme of the plan it was adapted from.
import { checkInBounds } from '../domain/party-days/attendance-rules.js';
import type { PartyDayView } from '../domain/party-days/party-days-service.js';
import type { Actor } from './actor.js';
import type { DayFacts } from './cards/party-day-cards.js';
import { formatInstant } from './format-time.js';
import type { BotServices } from './services.js';

export async function dayFacts(services: BotServices, day: PartyDayView): Promise<DayFacts> {
  const window = await services.domain.partyDays.checkInWindow();
  const { opens, closes } = checkInBounds(day.startsAt, window);
  const plan = day.planId === null ? null : await services.db.partyDayPlan.findUnique({ where: { id: day.planId }, select: { theme: true } });
  const at = (d: Date) => formatInstant(d, services.timeZone);
  return { day, when: at(day.startsAt), opens: at(opens), closes: at(closes), ...(plan ? { theme: plan.theme } : {}) };
}

/** The member's own view of a day: the notice card's inputs. */
export async function myDayView(services: BotServices, actor: Actor, partyDayId: number) {
  const day = await services.domain.partyDays.get(actor, partyDayId);
  const mine = await services.domain.partyDays.myAttendance(actor, partyDayId);
  const f = await dayFacts(services, day);
  return { f, mine: { rsvp: mine.rsvp, ...(mine.checkedInAt ? { checkedInAt: formatInstant(mine.checkedInAt, services.timeZone) } : {}) } };
}

export function manages(actor: Actor, branchId: number): boolean {
  return actor.role === 'ADMIN' || (actor.role === 'SECRETARY' && actor.branchId === branchId);
}
