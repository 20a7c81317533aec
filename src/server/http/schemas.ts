import { z } from 'zod';
import { errorBody } from '../../shared/contracts/common.js';

/** The error answers every route documents (the body is always `errorBody`). */
const errorReplies = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
} as const;

/** A route's `response`: its success contract (200) and the error answers. */
export const reply = <T extends z.ZodType>(body: T) => ({ 200: body, ...errorReplies });
/** A route that answers 201 Created with `body`. */
export const created = <T extends z.ZodType>(body: T) => ({ 201: body, ...errorReplies });

/**
 * A route that answers a file (CSV, iCalendar …) as text of `contentType`, not JSON; its errors are JSON like every
 * route's.
 */
export const fileReply = <T extends z.ZodType>(contentType: string, body: T, description: string) => ({
  ...errorReplies,
  200: { description, content: { [contentType]: { schema: body } } },
});

/** A route with several success answers (e.g. a protocol's: tus answers 200, 201 or 204 with headers only). */
export const answers = <T extends Record<number, z.ZodType>>(success: T) => ({ ...success, ...errorReplies });

/** A route that answers 204 No Content (no body). */
export const noContent = () => ({ 204: z.null(), ...errorReplies });
