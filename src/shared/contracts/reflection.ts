import { z } from 'zod';
import { id, personRef, timestamp } from './common.js';

/**
 * Reflection and impact (V6): the private note, the signals "Jeg har afprøvet det" / "Det virkede" with an
 * optional reflection, the impact figures and view tracking, under /videos/:id/…. (Statistics are apart.)
 */

// Requests
/** The length is checked by the service, for a clear message (note.too_long). */
export const NotePut = z.strictObject({ body: z.string() });
export const SignalSet = z.strictObject({
  tried: z.boolean(),
  worked: z.boolean(),
  reflection: z.string().optional(),
  reflectionShared: z.boolean().optional(),
});
export const ImpactQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const ViewParams = z.strictObject({ id, viewId: id });
export const ViewUpdate = z.strictObject({ watchedSeconds: z.number().min(0).max(1_000_000) });

// Answers
/** The own note; empty body and null updatedAt when there is none. */
export const Note = z.object({ body: z.string(), updatedAt: timestamp.nullable() });
/** The person's own signal on a video. */
export const MySignal = z.object({
  tried: z.literal(true),
  worked: z.boolean(),
  reflection: z.string().nullable(),
  reflectionShared: z.boolean(),
});
/** The figures as shown: `worked` and `workedShare` are null while one or two tried it (ADR 0009). */
export const SignalAnswer = z.object({
  tried: z.number().int(),
  worked: z.number().int().nullable(),
  /** Of those who tried it, the share who say it worked (0–1); null when nobody tried or `worked` is null. */
  workedShare: z.number().nullable(),
  mine: MySignal.nullable(),
});
export const SharedReflection = z.object({ author: personRef, reflection: z.string(), at: timestamp });
export const Impact = SignalAnswer.extend({
  sharedReflections: z.array(SharedReflection),
  nextCursor: z.string().nullable(),
});
export const ViewStarted = z.object({ viewId: id });
export const ViewProgress = z.object({ watchedSeconds: z.number(), completed: z.boolean() });
