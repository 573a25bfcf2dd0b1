// The part of a rules version the demo generator reads. A structural subset of the rules engine's
// RulesDefinition, so the real default rules can be passed in without the generator depending on them.
import type { BasicItemCode, VanguardRoleCode } from './demo-types.js';

export interface DemoActivityRule {
  readonly code: string;
  readonly name: string;
  readonly unitLabel: string;
  readonly pointsPerUnit: number;
  /** Quantity that makes one unit (10000 yuan); partial units earn nothing. */
  readonly unitSize: number;
  readonly monthlyCap?: number | undefined;
}

export interface DemoRoleRule {
  readonly code: VanguardRoleCode;
  readonly name: string;
  readonly yearlyCap: number;
  readonly activities: readonly DemoActivityRule[];
}

export interface DemoDeductionRule {
  readonly code: string;
  readonly name: string;
  readonly item: BasicItemCode;
  readonly points: number;
}

export interface DemoRules {
  readonly year: number;
  readonly deductions: readonly DemoDeductionRule[];
  readonly vanguard: { readonly yearlyTotalCap: number; readonly roles: readonly DemoRoleRule[] };
}

/** Rules in force for a calendar year (the demo uses one version per year). */
export type RulesForYear = (year: number) => DemoRules;

export function findRole(rules: DemoRules, code: VanguardRoleCode): DemoRoleRule {
  const role = rules.vanguard.roles.find((r) => r.code === code);
  if (!role) throw new Error(`rules ${rules.year} have no vanguard role ${code}`);
  return role;
}

export function findActivity(rules: DemoRules, code: string): { role: DemoRoleRule; activity: DemoActivityRule } {
  for (const role of rules.vanguard.roles) {
    const activity = role.activities.find((a) => a.code === code);
    if (activity) return { role, activity };
  }
  throw new Error(`rules ${rules.year} have no activity ${code}`);
}

/** Points in hundredths, so sums and caps are exact. */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
