// Reads behind the pledge cards: the member's own pledge by id, the pledge window today, and the
// branch's public pledges with names — each through the pledges service, which checks who may read.
import { DomainError } from '../domain/errors.js';
import { isPledgePublic } from '../domain/pledges/pledge-status.js';
import { isPledgeWindowOpen, pledgeWindowOf } from '../domain/pledges/pledge-window.js';
import type { PledgeView } from '../domain/pledges/pledges-repository.js';
import type { Actor } from './actor.js';
import { namesOf } from './people.js';
import type { BotServices } from './services.js';
import { todayIn } from './forms.js';

export function currentYear(services: BotServices): number {
  return Number(todayIn(services.timeZone, services.now()).slice(0, 4));
}

/** A 4-digit year argument (`评诺 2025`), else this year. */
export function yearArg(services: BotServices, args: readonly string[]): number {
  const typed = args.find((a) => /^\d{4}$/.test(a));
  const year = typed ? Number(typed) : currentYear(services);
  return year >= 2000 && year <= currentYear(services) + 1 ? year : currentYear(services);
}

export async function pledgeWindowToday(services: BotServices) {
  const today = todayIn(services.timeZone, services.now());
  const year = Number(today.slice(0, 4));
  const rules = await services.domain.rules.forDate(today);
  const window = rules.definition.pledgeWindow;
  return { today, year, open: isPledgeWindowOpen(today, year, window), ...pledgeWindowOf(year, window) };
}

/** One of the actor's own pledges; NOT_FOUND for anyone else's (a forged button). */
export async function myPledge(services: BotServices, actor: Actor, pledgeId: number): Promise<PledgeView> {
  const row = await services.db.pledge.findUnique({ where: { id: pledgeId }, select: { year: true, memberId: true } });
  const found = row && row.memberId === actor.memberId ? (await services.domain.pledges.listMine(actor, row.year)).find((p) => p.id === pledgeId) : undefined;
  if (!found) throw new DomainError('NOT_FOUND', 'no such pledge of the actor', { pledgeId });
  return found;
}

/** The branch's public pledges of the year with names, for 评诺 and the review (secretaries and admins). */
export async function branchPledges(services: BotServices, actor: Actor, year: number) {
  const pledges = (await services.domain.pledges.listBranch(actor, actor.branchId, year)).filter((p) => isPledgePublic(p.status));
  const names = await namesOf(services.db, pledges.map((p) => p.memberId));
  return pledges.map((pledge) => ({ pledge, memberName: names.get(pledge.memberId) ?? '' }));
}
