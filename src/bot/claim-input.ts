// A claim as the member gave it (form fields, an inline record, or the values a preview button carries),
// checked before anything is written, and the domain's input errors turned into answers that say what
// to fix. A claim that is not valid is never written.
import { z } from 'zod';
import { isDomainError } from '../domain/errors.js';
import { findActivity } from '../domain/rules/rules-lookup.js';
import { ROLE_CODES, type RoleCode } from '../domain/rules/rules-schema.js';
import type { CardActionInput } from './actions/action.js';
import { formDate, todayIn } from './forms.js';
import { t } from './messages/index.js';
import type { BotServices } from './services.js';
import { normalizeInput } from './text.js';
import { UserFacingError } from './user-error.js';

const c = t.claims;
export const MAX_DESCRIPTION = 500;

export interface ClaimDraft {
  roleCode?: RoleCode;
  activityCode: string;
  activityDate: string;
  quantity: number;
  description: string;
}

const text = z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFKC').trim() : v ?? ''), z.string());

const formSchema = z.object({ role: text, activity: text, date: z.preprocess((v) => v ?? '', z.string()), quantity: text, description: text });

/** The form's fields as a draft; missing or malformed fields are answered here, before any write. */
export function draftFromForm(input: CardActionInput): ClaimDraft {
  const f = formSchema.parse(input.formValue ?? {});
  if (!f.activity || !f.date || !f.quantity || !f.description) throw new UserFacingError(c.errors.required);
  // The role is optional on the form (the activity names it); when chosen it must match.
  const role = (ROLE_CODES as readonly string[]).includes(f.role) ? (f.role as RoleCode) : undefined;
  if (f.role && !role) throw new UserFacingError(t.common.errors.invalidInput);
  const date = formDate.safeParse(f.date);
  if (!date.success) throw new UserFacingError(t.common.errors.invalidInput);
  return checkDraft({ ...(role ? { roleCode: role } : {}), activityCode: f.activity, activityDate: date.data, quantity: quantityOf(f.quantity), description: f.description });
}

const buttonSchema = z.object({
  act: z.string().min(1).max(40),
  d: formDate,
  q: z.coerce.number(),
  desc: z.string().max(MAX_DESCRIPTION * 2),
});

/** The draft a preview or duplicate-confirm button carries (it was checked when the card was built). */
export function draftFromButton(input: CardActionInput): ClaimDraft {
  const v = buttonSchema.parse(input.value);
  return checkDraft({ activityCode: v.act, activityDate: v.d, quantity: v.q, description: v.desc });
}

/** The draft as button values (inline preview, duplicate confirm, the form pre-filled). */
export function draftValue(draft: ClaimDraft): { act: string; d: string; q: number; desc: string } {
  return { act: draft.activityCode, d: draft.activityDate, q: draft.quantity, desc: draft.description };
}

function quantityOf(typed: string): number {
  const n = Number(normalizeInput(typed).replace(/,/g, ''));
  if (!Number.isFinite(n) || n <= 0) throw new UserFacingError(c.errors.quantity);
  return n;
}

export function checkDraft(draft: ClaimDraft): ClaimDraft {
  const description = draft.description.trim();
  if (description === '') throw new UserFacingError(c.errors.required);
  if ([...description].length > MAX_DESCRIPTION) throw new UserFacingError(c.errors.tooLong(MAX_DESCRIPTION));
  if (!(draft.quantity > 0)) throw new UserFacingError(c.errors.quantity);
  return { ...draft, description };
}

/**
 * Checks against the rules before the domain does, to say plainly what is wrong: a date ahead of today or
 * without rules, and a role chosen on the form that is not the activity's.
 */
export async function checkAgainstRules(services: BotServices, draft: ClaimDraft): Promise<void> {
  if (draft.activityDate > todayIn(services.timeZone, services.now())) throw new UserFacingError(c.errors.futureDate);
  const rules = (await friendly(() => services.domain.rules.forDate(draft.activityDate))).definition;
  if (!draft.roleCode) return;
  const role = rules.vanguard.roles.find((r) => r.code === draft.roleCode);
  const match = friendlySync(() => findActivity(rules, draft.activityCode));
  if (role && match.role.code !== role.code) throw new UserFacingError(c.errors.roleMismatch(match.activity.name, role.name));
}

function toFriendly(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  switch (error.code) {
    case 'INVALID_QUANTITY':
      return new UserFacingError(c.errors.quantity);
    case 'INVALID_DATE':
      return new UserFacingError(error.details.today ? c.errors.futureDate : t.common.errors.invalidInput);
    case 'RULES_NOT_FOUND':
      return new UserFacingError(c.errors.noRules);
    case 'INVALID_INPUT':
      return error.details.field === 'description' ? new UserFacingError(c.errors.tooLong(MAX_DESCRIPTION)) : error;
    default:
      return error;
  }
}

/** Runs a domain call, answering its input errors in the claims' words. */
export async function friendly<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toFriendly(error);
  }
}

function friendlySync<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toFriendly(error);
  }
}
