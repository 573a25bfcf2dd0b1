// Lookups into one rules version: an activity and its role by code or by what a member typed, a deduction.
//
// Why: claims and deductions name catalog codes; unknown codes are typed errors, not undefined points.
import { DomainError } from '../errors.js';
import { normaliseAlias } from './rules-invariants.js';
import type { ActivityType, DeductionRule, RulesDefinition, VanguardRole } from './rules-schema.js';

export interface ActivityMatch {
  readonly role: VanguardRole;
  readonly activity: ActivityType;
}

/** The activity with this code and the role it belongs to. */
export function findActivity(rules: RulesDefinition, activityCode: string): ActivityMatch {
  for (const role of rules.vanguard.roles) {
    const activity = role.activities.find((a) => a.code === activityCode);
    if (activity) return { role, activity };
  }
  throw new DomainError('UNKNOWN_ACTIVITY', `no activity ${activityCode} in rules ${rules.year}.${rules.revision}`, {
    activityCode,
  });
}

/**
 * The activity a member's words name ("隐患", "ＨＡＺＡＲＤ", "发现并处置隐患"), optionally within one role;
 * undefined when nothing matches. Names and aliases are unique across the catalog (schema invariant).
 */
export function matchActivity(rules: RulesDefinition, text: string, roleCode?: string): ActivityMatch | undefined {
  const wanted = normaliseAlias(text);
  for (const role of rules.vanguard.roles) {
    if (roleCode !== undefined && role.code !== roleCode) continue;
    for (const activity of role.activities) {
      const words = [activity.name, activity.code, ...activity.aliases].map(normaliseAlias);
      if (words.includes(wanted)) return { role, activity };
    }
  }
  return undefined;
}

/** The deduction rule with this code. */
export function findDeduction(rules: RulesDefinition, deductionCode: string): DeductionRule {
  const rule = rules.deductions.find((d) => d.code === deductionCode);
  if (!rule) {
    throw new DomainError('UNKNOWN_DEDUCTION', `no deduction ${deductionCode} in rules ${rules.year}.${rules.revision}`, {
      deductionCode,
    });
  }
  return rule;
}
