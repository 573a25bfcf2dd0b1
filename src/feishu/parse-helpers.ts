// Small helpers shared by the 2.0 and 1.0 envelope parsers.
import type { z } from 'zod';
import type { cardActionBodySchema, userIdSchema } from './envelope-schemas.js';
import type { CardAction, FeishuEvent, FeishuUserRef } from './events.js';

export type ParsedEnvelope =
  | { ok: true; kind: 'challenge'; challenge: string; token: string }
  | { ok: true; kind: 'event'; event: FeishuEvent; token: string }
  | { ok: true; kind: 'card'; action: CardAction; token: string | undefined }
  | { ok: false; issues: string };

export type Obj = Record<string, unknown>;

export function summarize(error: z.ZodError): string {
  // Paths and messages only: never echo values, which may be personal data.
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export function userRef(ids: z.infer<typeof userIdSchema>): FeishuUserRef {
  return { openId: ids.open_id, ...(ids.union_id ? { unionId: ids.union_id } : {}), ...(ids.user_id ? { userId: ids.user_id } : {}) };
}

export function invalid(error: z.ZodError): ParsedEnvelope {
  return { ok: false, issues: summarize(error) };
}

export function mapAction(a: z.infer<typeof cardActionBodySchema>): CardAction['action'] {
  return {
    tag: a.tag,
    value: a.value ?? null,
    ...(a.name !== undefined ? { name: a.name } : {}),
    ...(a.form_value !== undefined ? { formValue: a.form_value } : {}),
    ...(a.input_value !== undefined ? { inputValue: a.input_value } : {}),
    ...(a.option !== undefined ? { option: a.option } : {}),
    ...(a.options !== undefined ? { options: a.options } : {}),
    ...(a.checked !== undefined ? { checked: a.checked } : {}),
    ...(a.timezone !== undefined ? { timezone: a.timezone } : {}),
  };
}

