// The facts of a deduction as every card shows them: the member, the item and rule names from the rules
// version it was made under, the points, the date, the reason and the objection deadline.
import type { DeductionView } from '../domain/deductions/deductions-repository.js';
import { formatPoints } from '../domain/points.js';
import type { DeductionFacts } from './cards/deduction-cards.js';
import { formatInstant } from './format-time.js';
import { namesOf } from './people.js';
import type { BotServices } from './services.js';

export async function deductionFacts(services: BotServices, deduction: Pick<DeductionView, 'memberId' | 'ruleCode' | 'itemCode' | 'points' | 'occurredOn' | 'reason' | 'objectionDeadline'>): Promise<DeductionFacts> {
  const rules = (await services.domain.rules.forDate(deduction.occurredOn)).definition;
  const rule = rules.deductions.find((r) => r.code === deduction.ruleCode);
  const item = rules.basic.find((b) => b.code === deduction.itemCode);
  const names = await namesOf(services.db, [deduction.memberId]);
  return {
    memberName: names.get(deduction.memberId) ?? '',
    itemName: item?.name ?? deduction.itemCode,
    ruleName: rule?.name ?? deduction.ruleCode,
    points: formatPoints(deduction.points),
    occurredOn: deduction.occurredOn,
    reason: deduction.reason,
    deadline: formatInstant(deduction.objectionDeadline, services.timeZone),
  };
}

/** A deduction row as the view the facts need (the objection flow loads rows, not views). */
export function deductionOfRow(row: { memberId: number; ruleCode: string; itemCode: DeductionView['itemCode']; points: { toFixed(n: number): string }; occurredOn: Date; reason: string; objectionDeadline: Date }) {
  return {
    memberId: row.memberId,
    ruleCode: row.ruleCode,
    itemCode: row.itemCode,
    points: Math.round(Number(row.points.toFixed(2)) * 100),
    occurredOn: row.occurredOn.toISOString().slice(0, 10),
    reason: row.reason,
    objectionDeadline: row.objectionDeadline,
  };
}
