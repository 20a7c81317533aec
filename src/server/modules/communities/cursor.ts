import { readCursor, writeCursor } from '../../http/cursor.js';
import { AppError } from '../../http/errors.js';
import type { FeedCursor } from './feed-repo.js';
import type { NameCursor } from './repo.js';

const UUID = /^[0-9a-f-]{36}$/;

/** Lists ordered by lower(name), id. */
export const encodeNameCursor = (r: { name: string; id: string }) =>
  writeCursor([r.name.toLowerCase(), r.id]);
export function decodeNameCursor(c: string): NameCursor {
  const v = readCursor(c);
  if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && UUID.test(v[1]))
    return { name: v[0], id: v[1] };
  throw new AppError('request.invalid');
}

/** Feeds ordered by (at, kind, key), newest first; `at` keeps the database's microseconds. */
export const encodeFeedCursor = (r: FeedCursor) => writeCursor([r.at, r.kind, r.key]);
export function decodeFeedCursor(c: string): FeedCursor {
  const v = readCursor(c);
  if (
    Array.isArray(v) &&
    typeof v[0] === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(v[0]) &&
    (v[1] === 'video' || v[1] === 'comment' || v[1] === 'post') &&
    typeof v[2] === 'string' &&
    UUID.test(v[2])
  )
    return { at: v[0], kind: v[1], key: v[2] };
  throw new AppError('request.invalid');
}
