// Errors a person can act on. Handlers throw them (or domain errors); the router and the card
// action handler turn them into a friendly card or toast in one place (`describeError`).
import { ZodError } from 'zod';
import { isDomainError, type DomainErrorCode } from '../domain/errors.js';
import { t } from './messages/index.js';

/** An error whose message is already written for the person (zh-CN). */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

type DomainMessage = string | ((details: Readonly<Record<string, unknown>>) => string);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const domainMessages: Partial<Record<DomainErrorCode, DomainMessage>> = {
  ACTOR_NOT_ALLOWED: t.common.errors.forbidden,
  INVALID_TRANSITION: t.common.errors.alreadyDone,
  INVALID_QUANTITY: t.common.errors.invalidInput,
  INVALID_DATE: t.common.errors.invalidInput,
  UNKNOWN_ACTIVITY: t.common.errors.invalidInput,
  REASON_REQUIRED: t.discipline.errors.reasonRequired,
  NOT_FOUND: t.common.errors.notFound,
  ALREADY_HANDLED: t.common.errors.alreadyDone,
  IDEMPOTENCY_CONFLICT: t.discipline.errors.idempotencyConflict,
  INVALID_INPUT: t.common.errors.invalidInput,
  UNKNOWN_DEDUCTION: t.discipline.errors.unknownDeduction,
  OBJECTION_WINDOW_CLOSED: t.discipline.errors.objectionWindowClosed,
  PLEDGE_WINDOW_CLOSED: (d) => t.pledges.window.error(text(d.opens), text(d.closes)),
  INVALID_SCORE: t.evaluation.invalidScore,
  INVALID_POINTS: t.evaluation.invalidScore,
  EVALUATION_YEAR_FINALISED: (d) => t.evaluation.yearFinalised(Number(d.year)),
  EVALUATION_INCOMPLETE: (d) => t.evaluation.incomplete(Number(d.missing)),
  NOT_ELIGIBLE: t.stars.notEligible,
};

/** The message to show for an error, or undefined when it is a bug (log it, show generic). */
export function describeError(error: unknown): string | undefined {
  if (error instanceof UserFacingError) return error.message;
  if (isDomainError(error)) {
    const message = domainMessages[error.code];
    return typeof message === 'function' ? message(error.details) : message;
  }
  // A payload that fails its schema came from a stale or forged card: say so, change nothing.
  if (error instanceof ZodError) return t.common.errors.invalidInput;
  return undefined;
}
