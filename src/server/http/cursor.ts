import type { ErrorCode } from '../../shared/errors.js';
import { isRealDate } from '../../shared/text.js';
import { findHostile } from './edge-validation.js';
import { AppError } from './errors.js';

/**
 * List cursors are opaque base64url JSON made by the server, but a client can send anything: what comes out
 * of one reaches SQL, so it passes the same edge checks as a request body (no NUL or lone surrogate, no
 * underflowing number) and every date-like string in it must be a real date and time of day.
 */

const STAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** A date or timestamp text PostgreSQL takes: a real date (years 0001–9999), a real time of day and offset. */
export function isTimestampText(s: string): boolean {
  const m = STAMP.exec(s);
  if (!m || !isRealDate(m[1])) return false;
  const [h, min, sec] = [m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  const offset = m[5] && m[5] !== 'Z' ? Number(m[5].slice(1, 3)) : 0;
  return h <= 23 && min <= 59 && sec <= 59 && offset <= 15;
}

/** Shaped like a date or timestamp from end to end; a name that merely starts with a date ("2024-01-15 møde") is text. */
const looksLikeDate = (s: string) => /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?$/.test(s);

/** The JSON inside a cursor, or an AppError (`code`, default request.invalid) when it is not safe to use. */
export function readCursor(cursor: string, code: ErrorCode = 'request.invalid'): unknown {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError(code);
  }
  if (findHostile(value, 'cursor')) throw new AppError(code);
  const parts = Array.isArray(value) ? value : [value];
  if (parts.some((p) => typeof p === 'string' && looksLikeDate(p) && !isTimestampText(p)))
    throw new AppError(code);
  return value;
}

/** A list cursor: the JSON of the last row's sort key, base64url. Read it back with `readCursor`. */
export const writeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');
