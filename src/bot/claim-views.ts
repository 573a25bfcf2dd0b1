// What every claim card shows, worked out once: the role and activity names from the claim's rules
// version, the quantity with its unit, and the points "if approved" with the cap that holds them back.
import type { ClaimEstimate } from '../domain/claims/claims-service.js';
import type { ClaimView } from '../domain/claims/claims-repository.js';
import type { CapNote } from '../domain/ledger/ledger-entry.js';
import { fromHundredths, type Hundredths } from '../domain/points.js';
import { findActivity } from '../domain/rules/rules-lookup.js';
import type { ActivityType, RulesDefinition, VanguardRole } from '../domain/rules/rules-schema.js';
import { requestedPoints } from '../domain/scoring/claim-points.js';
import { t } from './messages/index.js';
import type { BotServices } from './services.js';

const c = t.claims;

/** Points as people read them: 1.5, 3, 0.25 (no trailing zeros). */
export function pointsText(value: Hundredths): string {
  return String(fromHundredths(value));
}

export function quantityText(quantity: number, unit: string): string {
  return `${quantity} ${unit}`;
}

/** One cap explained: "“发现并处置隐患”每月最多 5 分，2026-11 已得 4.5 分". */
export function capNoteText(note: CapNote, rules: RulesDefinition): string {
  const role = rules.vanguard.roles.find((r) => r.code === note.itemCode);
  const activity = role?.activities.find((a) => a.code === note.activityCode);
  const subject = note.kind === 'activityMonthly' ? (activity?.name ?? note.activityCode ?? '') : (role?.name ?? '');
  const [year = note.period, month] = note.period.split('-');
  return c.points.capNote[note.kind](subject, c.points.period(year, month), pointsText(note.limit), pointsText(note.used));
}

/** "1.5 分", or "1 分（按标准 1.5 分，受上限限制）" when a cap cuts the claim. */
export function estimateText(estimate: Pick<ClaimEstimate, 'credited' | 'requested'>): string {
  return estimate.credited < estimate.requested
    ? c.points.capped(pointsText(estimate.credited), pointsText(estimate.requested))
    : c.points.value(pointsText(estimate.credited));
}

export interface ClaimFacts {
  roleName: string;
  activityName: string;
  unit: string;
  date: string;
  quantity: string;
  description: string;
  /** What the member was shown (or, for a new claim, the fresh estimate), with any cap. */
  points: string;
  /** Once credited, the points are no longer "if approved". */
  pointsLabel?: string;
}

export interface CatalogEntry {
  role: VanguardRole;
  activity: ActivityType;
}

export function catalogOf(rules: RulesDefinition): CatalogEntry[] {
  return rules.vanguard.roles.flatMap((role) => role.activities.map((activity) => ({ role, activity })));
}

/** The facts of a stored claim; the points are the estimate stored with it against the rule table's price. */
export async function claimFacts(services: BotServices, claim: ClaimView, estimate?: Pick<ClaimEstimate, 'credited' | 'requested'>): Promise<ClaimFacts> {
  const rules = (await services.domain.rules.forDate(claim.activityDate)).definition;
  const { role, activity } = findActivity(rules, claim.activityCode);
  const requested = requestedPoints(activity, claim.quantity);
  const shown = estimate ?? { credited: claim.estimatedPoints ?? requested, requested };
  return {
    roleName: role.name,
    activityName: activity.name,
    unit: activity.unitLabel,
    date: claim.activityDate,
    quantity: quantityText(claim.quantity, activity.unitLabel),
    description: claim.description,
    points: estimateText(shown),
  };
}

/** The binding cap of an estimate or approval, explained; undefined when nothing was cut. */
export async function bindingCapText(services: BotServices, date: string, outcome: { binding?: CapNote }): Promise<string | undefined> {
  if (!outcome.binding) return undefined;
  const rules = (await services.domain.rules.forDate(date)).definition;
  return capNoteText(outcome.binding, rules);
}

/** The facts of a claim not yet stored (an inline preview, a duplicate question), priced by `estimate`. */
export async function draftFacts(
  services: BotServices,
  draft: { activityCode: string; activityDate: string; quantity: number; description: string },
  estimate: Pick<ClaimEstimate, 'credited' | 'requested'>,
): Promise<ClaimFacts> {
  const rules = (await services.domain.rules.forDate(draft.activityDate)).definition;
  const { role, activity } = findActivity(rules, draft.activityCode);
  return {
    roleName: role.name,
    activityName: activity.name,
    unit: activity.unitLabel,
    date: draft.activityDate,
    quantity: quantityText(draft.quantity, activity.unitLabel),
    description: draft.description,
    points: estimateText(estimate),
  };
}
