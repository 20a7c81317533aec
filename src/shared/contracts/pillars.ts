import { z } from 'zod';
import { PILLARS } from '../catalogue.js';
import { PILLAR_LABEL_MAX } from '../pillars.js';
import { id } from './common.js';

/** The PLF pillars' names per kommune (src/shared/pillars.ts): read by everyone, set by forvaltning/administrators. */

const label = z.string().trim().min(1).max(PILLAR_LABEL_MAX);
/** All five, or none (null: the defaults). */
const Labels = z.strictObject(
  Object.fromEntries(PILLARS.map((p) => [p, label])) as Record<(typeof PILLARS)[number], typeof label>,
);

// Requests
export const PillarLabelsUpdate = z.strictObject({ labels: Labels.nullable() });

// Answers
/**
 * The names the signed-in person's kommune gives the pillars (`labels`; null = the defaults, which the web
 * has in its own language), and whether this person may change them.
 */
export const PillarLabels = z.object({
  kommune: z.object({ id, name: z.string() }).nullable(),
  labels: z.record(z.enum(PILLARS), z.string()).nullable(),
  mayEdit: z.boolean(),
});
