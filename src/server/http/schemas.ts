import { z } from 'zod';
import { INSTITUTION_TYPES, LOCALES, ROLES, TEAM_TYPES } from '../../shared/constants.js';

/** Shared zod pieces for route schemas. Unknown fields are rejected (strictObject) so typos do not pass silently. */
export const name = z.string().trim().min(1).max(200);
export const email = z.string().trim().max(254).pipe(z.email());
export const password = z.string().min(1).max(1000);
export const id = z.uuid();
export const idParams = z.strictObject({ id });
export const locale = z.enum(LOCALES);
export const role = z.enum(ROLES);
export const institutionType = z.enum(INSTITUTION_TYPES);
export const teamType = z.enum(TEAM_TYPES);
export const ok = z.object({ ok: z.literal(true) });
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
/** Documented error answers for OpenAPI (success bodies are the service's return values). */
export const errors = {
  '2xx': z.unknown(),
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};
