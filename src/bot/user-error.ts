// Errors a person can act on. Handlers throw them (or domain errors); the router and the card
// action handler turn them into a friendly card or toast in one place (`describeError`).
import { ZodError } from 'zod';
import { isDomainError, type DomainErrorCode } from '../domain/errors.js';
import { t } from './messages/index.js';

/** An error whose message is already written for the person (zh-CN). */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

const domainMessages: Partial<Record<DomainErrorCode, string>> = {
  ACTOR_NOT_ALLOWED: t.common.errors.forbidden,
  INVALID_TRANSITION: t.common.errors.alreadyDone,
  INVALID_QUANTITY: t.common.errors.invalidInput,
  INVALID_DATE: t.common.errors.invalidInput,
  UNKNOWN_ACTIVITY: t.common.errors.invalidInput,
  REASON_REQUIRED: t.common.errors.invalidInput,
};

/** The message to show for an error, or undefined when it is a bug (log it, show generic). */
export function describeError(error: unknown): string | undefined {
  if (error instanceof UserFacingError) return error.message;
  if (isDomainError(error)) return domainMessages[error.code];
  // A payload that fails its schema came from a stale or forged card: say so, change nothing.
  if (error instanceof ZodError) return t.common.errors.invalidInput;
  return undefined;
}
