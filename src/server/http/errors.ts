import { ERRORS, type ErrorCode } from '../../shared/errors.js';

/** The one error type of the server: a stable code (see shared/errors.ts) and optional field details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: { path: string; message: string }[],
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

/** A refusal the client may retry after `retryAfter` seconds (429, 503): answered with a `Retry-After` header. */
export class RetryLaterError extends AppError {
  constructor(
    code: ErrorCode,
    readonly retryAfter: number,
  ) {
    super(code);
  }
}
