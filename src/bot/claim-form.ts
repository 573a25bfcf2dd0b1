// Builds the record form for a member: the rules in force today as select options, the points table with
// the room the member has left under every cap (priced by the domain's estimate, so the caps are the ones
// approval will apply), and the values already known (from an inline record or the claim being edited).
import type { ClaimEstimate } from '../domain/claims/claims-service.js';
import { readSetting } from '../domain/settings/settings-repository.js';
import type { Actor } from './actor.js';
import { claimFormCard, type ClaimFormValues, type RateLine } from './cards/claim-cards.js';
import type { ActionValue, Card } from './cards/elements.js';
import { catalogOf, pointsText } from './claim-views.js';
import { todayIn } from './forms.js';
import { t } from './messages/index.js';
import type { BotServices } from './services.js';

const c = t.claims;

export interface ClaimFormRequest {
  values?: Partial<ClaimFormValues>;
  notes?: string[];
  submitValue: ActionValue;
  title?: string;
  submitLabel?: string;
}

function usedOf(estimate: ClaimEstimate, kind: 'activityMonthly' | 'roleYearly' | 'vanguardYearly'): string {
  const cap = estimate.caps.find((n) => n.kind === kind);
  return pointsText(cap?.used ?? 0);
}

export async function claimForm(services: BotServices, actor: Actor, request: ClaimFormRequest): Promise<Card> {
  const today = todayIn(services.timeZone, services.now());
  const rules = (await services.domain.rules.forDate(today)).definition;
  // One unit of an activity, priced today: its cap notes say how much room each cap has left.
  const probe = (activityCode: string, unitSize: number) =>
    services.domain.claims.estimate(actor, { activityCode, quantity: unitSize, activityDate: today, description: activityCode });
  const rates: RateLine[] = [];
  let total = '0';
  for (const role of rules.vanguard.roles) {
    const first = await probe(role.activities[0]!.code, role.activities[0]!.unitSize);
    total = usedOf(first, 'vanguardYearly');
    const activities: string[] = [];
    for (const a of role.activities) {
      const rate = c.points.rate(String(a.pointsPerUnit), a.unitLabel, String(a.unitSize));
      if (a.monthlyCap === undefined) {
        activities.push(`${a.name}：${rate}`);
        continue;
      }
      const monthly = await probe(a.code, a.unitSize);
      activities.push(`${a.name}：${rate}（${c.points.monthlyCap(String(a.monthlyCap), usedOf(monthly, 'activityMonthly'))}）`);
    }
    rates.push({ roleName: role.name, roleCap: c.points.roleCaps(String(role.yearlyCap), usedOf(first, 'roleYearly')), activities });
  }
  return claimFormCard({
    title: request.title ?? c.form.title,
    notes: request.notes ?? [],
    rates,
    totalCap: c.points.totalCap(String(rules.vanguard.yearlyTotalCap), total),
    roles: rules.vanguard.roles.map((r) => ({ label: r.name, value: r.code })),
    // Activity names are unique across the catalog; the role select (optional) sits above.
    activities: catalogOf(rules).map(({ activity }) => ({ label: activity.name, value: activity.code })),
    values: { date: today, ...request.values },
    submitLabel: request.submitLabel ?? c.form.submit,
    submitValue: request.submitValue,
    photoMinutes: await readSetting(services.db, 'evidence.attachWindowMinutes'),
  });
}
