import { z } from 'zod';

/**
 * What PostgreSQL can store, checked before anything reaches it (used by the server's edge validation and by
 * route schemas; the web app may use the same checks in forms). A value outside these answers 400 with one of
 * the stable codes below instead of a database error.
 */

/** Stable error codes of edge validation (listed with their messages in shared/errors.ts). */
export const EDGE_CODES = {
  text: 'request.invalid_text',
  date: 'request.invalid_date',
  number: 'request.invalid_number',
} as const;
export type EdgeCode = (typeof EDGE_CODES)[keyof typeof EDGE_CODES];
export const isEdgeCode = (v: unknown): v is EdgeCode => Object.values(EDGE_CODES).includes(v as EdgeCode);

/** The smallest normal and the largest finite `real` (float4): nonzero numbers outside are refused everywhere. */
export const REAL_MIN = 1.1754943508222875e-38;
export const REAL_MAX = 3.4028234663852886e38;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text PostgreSQL accepts in text and jsonb: no NUL character and no unpaired UTF-16 surrogate. */
export function isSafeText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** The text with each NUL and lone surrogate replaced by U+FFFD (for echoing a refused key, or cleaning). */
export function toSafeText(s: string): string {
  return s.split('\u0000').join('\ufffd').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}

/** The first `max` UTF-16 units of the text, without cutting an emoji (or other pair) in half. */
export function cutText(s: string, max: number): string {
  const cut = s.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A number every numeric column takes: finite, and 0 or of a magnitude a `real` can hold (1e-50 underflows). */
export function isSafeNumber(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  const a = Math.abs(n);
  return a === 0 || (a >= REAL_MIN && a <= REAL_MAX);
}

/** Years PostgreSQL takes in an ISO date without "BC": 0001–9999 (there is no year 0). */
const yearOk = (y: number) => Number.isInteger(y) && y >= 1 && y <= 9999;

/** A calendar date `YYYY-MM-DD` that exists: 2026-02-30 and 0000-01-01 do not. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!yearOk(y) || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/** An instant as an ISO date-time whose written date exists and whose UTC year is 0001–9999. */
export function isRealDateTime(s: string): boolean {
  if (!isRealDate(s.slice(0, 10))) return false;
  const t = Date.parse(s);
  return Number.isFinite(t) && isSafeDate(new Date(t));
}

/** A Date object PostgreSQL can store: valid, with a UTC year 0001–9999. */
export function isSafeDate(d: Date): boolean {
  return !Number.isNaN(d.getTime()) && yearOk(d.getUTCFullYear());
}

/** A calendar date `YYYY-MM-DD` (OpenAPI format `date`) that exists; else request.invalid_date. */
export const dateOnly = () =>
  z.iso.date({ error: EDGE_CODES.date, abort: true }).refine(isRealDate, EDGE_CODES.date);

/** An ISO date-time with offset (OpenAPI format `date-time`) that PostgreSQL can store; else request.invalid_date. */
export const dateTime = () =>
  z.iso
    .datetime({ offset: true, error: EDGE_CODES.date, abort: true })
    .refine(isRealDateTime, EDGE_CODES.date);
