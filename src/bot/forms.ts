// Reading card forms at the boundary: zod schemas for Feishu's form_value strings (dates arrive as
// `yyyy-MM-dd +0800`), and the idempotency key a form carries so that a double tap creates one record.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isLocalDate } from '../domain/periods/local-date.js';
import { localDateOf } from '../domain/periods/zoned-time.js';
import type { CardActionInput } from './actions/action.js';
import { normalizeInput } from './text.js';

/**
 * The key a form is submitted under, fixed when the form card is built (from the event that built it):
 * a double tap, or Feishu's client re-sending, carries the same key; a new form gets a new one.
 */
export function formKey(eventKey: string, purpose: string): string {
  return createHash('sha256').update(`${eventKey}\n${purpose}`, 'utf8').digest('hex').slice(0, 32);
}

/** The submitted form's key, namespaced by action, as the services' idempotency key. */
export function submissionKey(input: CardActionInput, keyField = 'k'): string {
  const key = input.value[keyField];
  return `form:${input.value.a}:${typeof key === 'string' && key !== '' ? key : input.key}`;
}

/** Free text from a form field: normalised (full-width, odd spaces) and bounded. */
export const formText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFKC').trim() : v), z.string().max(max));

export const requiredText = (max: number) => formText(max).pipe(z.string().min(1));

/** A date picker's value (`2026-11-28 +0800`) or a typed `2026-11-28`, as a local date. */
export const formDate = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().slice(0, 10) : v),
  z.string().refine(isLocalDate, { message: 'expected a date' }),
);

export const formNumber = z.preprocess(
  (v) => (typeof v === 'string' ? Number(normalizeInput(v)) : v),
  z.number().finite(),
);

export const formInt = z.preprocess((v) => (typeof v === 'string' ? Number(normalizeInput(v)) : v), z.number().int());

/** Parses `formValue` (absent → empty) with the schema; a ZodError becomes the invalid-input answer. */
export function readForm<T extends z.ZodType>(input: CardActionInput, schema: T): z.infer<T> {
  return schema.parse(input.formValue ?? {});
}

export function todayIn(timeZone: string, now: Date): string {
  return localDateOf(now, timeZone);
}

/**
 * Dates people type: 2026-12-31, 2026/12/31, 2026.12.31, 12-31, 12/31, 12月31日. A date without a year
 * is this year's, or — for a date that must lie ahead (`future`, leave) — next year's once it has passed,
 * and for one that must lie behind (`past`, volunteer service) last year's when it is still ahead.
 */
export function parseTypedDate(text: string, today: string, direction: 'future' | 'past' = 'future'): string | undefined {
  const t = normalizeInput(text);
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  const short = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  const pad = (n: string) => n.padStart(2, '0');
  let date: string | undefined;
  if (full) date = `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}`;
  else if (short) {
    const year = Number(today.slice(0, 4));
    date = `${year}-${pad(short[1]!)}-${pad(short[2]!)}`;
    if (direction === 'future' && isLocalDate(date) && date < today) date = `${year + 1}-${pad(short[1]!)}-${pad(short[2]!)}`;
    if (direction === 'past' && isLocalDate(date) && date > today) date = `${year - 1}-${pad(short[1]!)}-${pad(short[2]!)}`;
  }
  return date && isLocalDate(date) ? date : undefined;
}
