// Reads an inline `记录` (`记录 安全员 发现并处置隐患 3 处 昨天 井场巡检`): role, activity, quantity with its
// unit, an optional date and the rest as the description. Pure: what is missing or contradictory is
// reported, and the command then shows the form pre-filled with what was understood.
import { addDays, isLocalDate, type LocalDate } from '../domain/periods/local-date.js';
import { matchActivity } from '../domain/rules/rules-lookup.js';
import type { ActivityType, RulesDefinition, VanguardRole } from '../domain/rules/rules-schema.js';
import { parseTypedDate } from './forms.js';

export interface InlineClaim {
  role?: VanguardRole;
  activity?: ActivityType;
  quantity?: number;
  date: LocalDate;
  /** Words not understood as anything else, in order. */
  description: string;
  /** A role was named and the activity belongs to another one. */
  mismatch: boolean;
}

const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2 };
const QUANTITY = /^(\d+(?:\.\d+)?)(万)?(.*)$/;

function roleNamed(rules: RulesDefinition, word: string): VanguardRole | undefined {
  const w = word.toLowerCase();
  return rules.vanguard.roles.find((r) => r.name === word || r.code.toLowerCase() === w);
}

export function parseInlineClaim(args: readonly string[], rules: RulesDefinition, today: LocalDate): InlineClaim {
  const out: InlineClaim = { date: today, description: '', mismatch: false };
  const units = new Set(rules.vanguard.roles.flatMap((r) => r.activities.map((a) => a.unitLabel)));
  const rest: string[] = [];
  let dated = false;
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i]!;
    const role = out.role === undefined && out.activity === undefined ? roleNamed(rules, word) : undefined;
    if (role) {
      out.role = role;
      continue;
    }
    if (out.activity === undefined) {
      const match = matchActivity(rules, word, out.role?.code) ?? matchActivity(rules, word);
      if (match) {
        if (out.role && match.role.code !== out.role.code) out.mismatch = true;
        out.activity = match.activity;
        out.role ??= match.role;
        continue;
      }
    }
    const quantity = out.quantity === undefined ? QUANTITY.exec(word) : null;
    if (quantity && (quantity[3] === '' || units.has(quantity[3]!) || quantity[3] === '元')) {
      out.quantity = Number(quantity[1]) * (quantity[2] ? 10_000 : 1);
      const next = args[i + 1];
      if (quantity[3] === '' && next !== undefined && (units.has(next) || next === '万元')) {
        if (next === '万元') out.quantity *= 10_000;
        i += 1;
      }
      continue;
    }
    if (!dated) {
      const date = word in RELATIVE_DAYS ? addDays(today, RELATIVE_DAYS[word]!) : parseTypedDate(word, today, 'past');
      if (date !== undefined && isLocalDate(date)) {
        out.date = date;
        dated = true;
        continue;
      }
    }
    rest.push(word);
  }
  out.description = rest.join(' ');
  return out;
}

/** Complete enough to price and submit without the form. */
export function isComplete(claim: InlineClaim): claim is InlineClaim & { role: VanguardRole; activity: ActivityType; quantity: number } {
  return claim.activity !== undefined && claim.role !== undefined && claim.quantity !== undefined && claim.quantity > 0 && !claim.mismatch;
}

/** The description an inline record gets when none was typed: what and how much. */
export function defaultDescription(activity: ActivityType, quantity: number): string {
  return `${activity.name} ${quantity} ${activity.unitLabel}`;
}
