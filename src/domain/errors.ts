// The domain's one error type: a stable machine code plus structured details, never user-facing text.
//
// Why: the bot maps `code` to a friendly zh-CN card and the HTTP layer maps it to a status; both need
// a code that does not change when the English message is reworded.

/** Every code the pure domain can raise. Adding one is an API change for the error mappers. */
export type DomainErrorCode =
  | 'INVALID_POINTS'
  | 'INVALID_RULES'
  | 'RULES_NOT_FOUND'
  | 'RULES_YEAR_MISMATCH'
  | 'UNKNOWN_ITEM'
  | 'UNKNOWN_ACTIVITY'
  | 'UNKNOWN_DEDUCTION'
  | 'INVALID_QUANTITY'
  | 'INVALID_PERIOD'
  | 'INVALID_DATE'
  | 'INVALID_TIMEZONE'
  | 'CALENDAR_YEAR_NOT_COVERED'
  | 'INVALID_CALENDAR_OVERRIDE'
  | 'INVALID_LEDGER_ENTRY'
  | 'NOT_REVERSIBLE'
  | 'ALREADY_REVERSED'
  | 'REASON_REQUIRED'
  | 'INVALID_SCORE'
  | 'INVALID_TRANSITION'
  | 'ACTOR_NOT_ALLOWED'
  | 'PLEDGE_WINDOW_CLOSED'
  // Raised by the services over the database (src/domain/**/*-service.ts).
  | 'NOT_FOUND'
  | 'ALREADY_HANDLED'
  | 'IDEMPOTENCY_CONFLICT'
  | 'LIKELY_DUPLICATE'
  | 'INVALID_INPUT'
  | 'OBJECTION_WINDOW_CLOSED'
  | 'EVALUATION_YEAR_FINALISED'
  | 'EVALUATION_INCOMPLETE'
  | 'NOT_ELIGIBLE';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Structured facts for the caller (ids, limits); safe to log: no personal data goes here. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Narrowing helper for callers that catch `unknown`. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
