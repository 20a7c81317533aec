import { z } from 'zod';
import { INSTITUTION_TYPES, LOCALES, ROLES, TEAM_TYPES } from '../constants.js';
import { dateOnly, dateTime } from '../text.js';

/**
 * The pieces every area's contract is built from (docs/architecture.md, "Contracts"). A contract is the zod schema
 * of a request or of a success answer; the route declares it, Fastify serializes the answer through it (fields not
 * in the contract never leave the server), and the web takes its types from it with `Wire`.
 */

/** The JSON on the wire: what the web sends and receives (a timestamp is its ISO string). */
export type Wire<T extends z.ZodType> = z.input<T>;

// Request pieces. Unknown fields are rejected (strictObject) so typos do not pass silently.
export const name = z.string().trim().min(1).max(200);
export const email = z.string().trim().max(254).pipe(z.email());
export const password = z.string().min(1).max(1000);
export const id = z.uuid();
export const idParams = z.strictObject({ id });
export const locale = z.enum(LOCALES);
export const role = z.enum(ROLES);
export const institutionType = z.enum(INSTITUTION_TYPES);
export const teamType = z.enum(TEAM_TYPES);
/** A list's page size and the opaque cursor of the page before. */
export const pageQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
};

// Answer pieces.
/**
 * A point in time: the server holds a Date (or an ISO string it already has), the wire carries the ISO string.
 * Anything else (a database's own text form) fails the answer rather than reaching the client in another shape.
 */
export const timestamp = z.codec(dateTime(), z.union([z.instanceof(Date), dateTime()]), {
  decode: (s) => new Date(s),
  encode: (d) => (d instanceof Date ? d.toISOString() : d),
});
/** A calendar day, YYYY-MM-DD. */
export const day = dateOnly();
export const ok = z.object({ ok: z.literal(true) });
/** One page of a list; `nextCursor` is null on the last page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
/** A person as others see them in lists and bylines. */
export const personRef = z.object({ id, name: z.string() });

/** Every error answer: `{ error: { code, message, details? } }` with a stable code (src/shared/errors.ts). */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
