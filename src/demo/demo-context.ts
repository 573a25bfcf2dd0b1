// What every per-branch demo generator needs: the branch, its members, who reviews whom, the time window, the
// rules per year, plus small helpers for random dates and times inside the window.
import { addDays, daysBetween, localInstant } from './demo-dates.js';
import type { RulesForYear } from './demo-rules.js';
import type { DemoRng } from './demo-rng.js';
import type { DemoBranch, DemoMember, LocalDate } from './demo-types.js';

export interface BranchContext {
  readonly seed: number;
  readonly branch: DemoBranch;
  readonly members: readonly DemoMember[];
  readonly secretaryNo: string;
  readonly adminNo: string;
  /** First and last day of the generated year, inclusive. */
  readonly from: LocalDate;
  readonly asOf: LocalDate;
  readonly rulesFor: RulesForYear;
}

/** Nobody reviews their own record: a secretary's claims, pledges and deductions go to the admin. */
export function reviewerFor(ctx: BranchContext, memberNo: string): string {
  return memberNo === ctx.secretaryNo ? ctx.adminNo : ctx.secretaryNo;
}

export function randomDate(rng: DemoRng, from: LocalDate, to: LocalDate): LocalDate {
  const span = daysBetween(from, to);
  return addDays(from, span <= 0 ? 0 : rng.int(0, span));
}

/** A working-hours instant on `date` (local time between the two hours). */
export function randomInstant(rng: DemoRng, date: LocalDate, fromHour = 8, toHour = 20): Date {
  return localInstant(date, rng.int(fromHour, toHour - 1), rng.int(0, 59));
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}

export function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** The moment the demo is taken: 09:00 on asOf; anything scheduled after it has not happened yet. */
export function cutoff(ctx: BranchContext): Date {
  return localInstant(ctx.asOf, 9);
}

export function wellName(rng: DemoRng): string {
  return `${rng.pick(['北', '南', '东', '西', '中'])}${rng.int(1, 30)}-${rng.int(1, 60)}`;
}
