// The member select of the secretary's forms (扣分, 否决): the people the actor may act on — plain members
// of their own branch for a secretary, anyone but themselves for an admin — narrowed by a typed name.
import type { Actor } from './actor.js';
import { t } from './messages/index.js';
import type { BotServices } from './services.js';

export const PICKER_LIMIT = 50;

export interface PickerResult {
  options: { label: string; value: string }[];
  /** How the typed name narrowed the list: matched, nothing matched (all shown), or no name typed. */
  filter: 'matched' | 'no-match' | 'none';
  truncated: boolean;
}

export async function memberOptions(services: BotServices, actor: Actor, typedName: string): Promise<PickerResult> {
  const scope = actor.role === 'ADMIN' ? {} : { branchId: actor.branchId, role: 'MEMBER' as const };
  const base = { ...scope, status: { not: 'INACTIVE' as const }, id: { not: actor.memberId } };
  const find = (name?: string) =>
    services.db.member.findMany({
      where: { ...base, ...(name ? { name: { contains: name } } : {}) },
      select: { id: true, name: true, employeeNo: true, branch: { select: { name: true } } },
      orderBy: [{ branchId: 'asc' }, { name: 'asc' }],
      take: PICKER_LIMIT + 1,
    });
  let rows = typedName ? await find(typedName) : [];
  const filter: PickerResult['filter'] = !typedName ? 'none' : rows.length > 0 ? 'matched' : 'no-match';
  if (rows.length === 0) rows = await find();
  const label = (r: (typeof rows)[number]) => (actor.role === 'ADMIN' ? `${r.name}（${r.branch.name}）` : `${r.name} · ${r.employeeNo}`);
  return { options: rows.slice(0, PICKER_LIMIT).map((r) => ({ label: label(r), value: String(r.id) })), filter, truncated: rows.length > PICKER_LIMIT };
}

/** The lines above a picker saying how the typed name narrowed it (or did not), and when it was cut short. */
export function pickerNotes(picker: PickerResult, typed: string): string[] {
  return [
    ...(picker.filter === 'matched' ? [t.discipline.deduct.filtered(typed, picker.options.length)] : []),
    ...(picker.filter === 'no-match' ? [t.discipline.deduct.noMatch(typed)] : []),
    ...(picker.truncated ? [t.discipline.deduct.tooMany(PICKER_LIMIT)] : []),
  ];
}
