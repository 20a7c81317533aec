import type { SearchSort } from '../../../shared/catalogue.js';
import { readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';

/**
 * Keyset cursors for search (V3). Every sort ends with the sort time (microseconds since 1970, as a decimal
 * string so that no precision is lost) and the id, which makes the order total and stable across pages:
 *   newest:    [sortMicros, id]
 *   tried:     [triedCount, sortMicros, id]
 *   relevance: [rank, sortMicros, id]
 * The cursor is opaque to clients (base64url JSON); anything that does not decode to exactly this is refused.
 */
export type CursorKey =
  | { sort: 'newest'; micros: string; id: string }
  | { sort: 'tried'; tried: number; micros: string; id: string }
  | { sort: 'relevance'; rank: number; micros: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROS = /^-?\d{1,17}$/;

export function encodeCursor(key: CursorKey): string {
  const keys =
    key.sort === 'newest'
      ? [key.micros, key.id]
      : key.sort === 'tried'
        ? [key.tried, key.micros, key.id]
        : [key.rank, key.micros, key.id];
  return writeCursor([key.sort, ...keys]);
}

/** The key after which the next page starts; a cursor made for another sort, or tampered with, is a 400. */
export function decodeCursor(cursor: string, sort: SearchSort): CursorKey {
  const invalid = () => new AppError('search.invalid_cursor');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw invalid();
  const parsed = readCursor(cursor, 'search.invalid_cursor');
  if (!Array.isArray(parsed) || parsed[0] !== sort) throw invalid();
  const [, ...rest] = parsed as unknown[];
  const tail = (micros: unknown, id: unknown) =>
    typeof micros === 'string' && MICROS.test(micros) && typeof id === 'string' && UUID.test(id)
      ? { micros, id }
      : null;
  if (sort === 'newest' && rest.length === 2) {
    const t = tail(rest[0], rest[1]);
    if (t) return { sort, ...t };
  }
  if (sort === 'tried' && rest.length === 3) {
    const t = tail(rest[1], rest[2]);
    const tried = rest[0];
    if (t && typeof tried === 'number' && Number.isSafeInteger(tried) && tried >= 0)
      return { sort, tried, ...t };
  }
  if (sort === 'relevance' && rest.length === 3) {
    const t = tail(rest[1], rest[2]);
    const rank = rest[0];
    if (t && typeof rank === 'number' && Number.isFinite(rank)) return { sort, rank, ...t };
  }
  throw invalid();
}
