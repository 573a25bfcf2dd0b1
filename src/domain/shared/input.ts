// Input checks shared by the services: free text, idempotency keys, dates not in the future.
//
// Why here and not only in the bot: the services are the last line before the database, and every
// caller (commands, card forms, uploads, jobs) must get the same typed error for the same bad input.
import { DomainError } from '../errors.js';
import { isLocalDate, type LocalDate } from '../periods/local-date.js';
import { localDateOf } from '../periods/zoned-time.js';
import type { Clock } from './db.js';

/** Trimmed text of 1…max characters, or INVALID_INPUT naming the field. */
export function requireText(value: string | undefined, field: string, max: number): string {
  const text = (value ?? '').trim();
  if (text === '' || [...text].length > max) {
    throw new DomainError('INVALID_INPUT', `${field} must be 1–${max} characters`, { field, max });
  }
  return text;
}

/** A reason a reviewer must give (returns, rejections, objections): REASON_REQUIRED when blank. */
export function requireReason(value: string | undefined, max = 500): string {
  const text = (value ?? '').trim();
  if (text === '') throw new DomainError('REASON_REQUIRED', 'a reason is required');
  if ([...text].length > max) throw new DomainError('INVALID_INPUT', `reason must be at most ${max} characters`, { field: 'reason', max });
  return text;
}

/** The idempotency key of a form submission: what makes a double tap create one record. */
export function requireIdempotencyKey(value: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw new DomainError('INVALID_INPUT', 'an idempotency key of 1–200 characters is required', { field: 'idempotencyKey' });
  }
  return value;
}

/** Today in the party's time zone. */
export function today(clock: Clock, timeZone: string): LocalDate {
  return localDateOf(clock.now(), timeZone);
}

/** A well-formed date that is not after today (activities, faults, service days happen in the past). */
export function requirePastDate(value: string, field: string, todayDate: LocalDate): LocalDate {
  if (!isLocalDate(value)) throw new DomainError('INVALID_DATE', `${field} must be a date YYYY-MM-DD`, { field });
  if (value > todayDate) throw new DomainError('INVALID_DATE', `${field} is in the future`, { field, today: todayDate });
  return value;
}
