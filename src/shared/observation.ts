import { z } from 'zod';
import { dateTime } from './text.js';

/**
 * Classroom observation (O1–O6), shared by server and web: the schema definition a leader edits, what a device
 * syncs after a visit, school terms. The API's answers are in contracts/observation-*.ts.
 */

export const INDICATOR_TYPES = ['scale', 'yesno', 'count', 'text'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
/** Pupil-interview items are asked of each picked pupil; a count makes no sense there. */
export const PUPIL_ITEM_TYPES = ['scale', 'yesno', 'text'] as const;

export const FOCUS_AREAS_MAX = 12;
export const INDICATORS_PER_AREA_MAX = 20;
export const PUPIL_ITEMS_PER_AREA_MAX = 6;
export const TEXT_ANSWER_MAX = 2000;
export const NOTES_MAX = 10_000;
export const COUNT_MAX = 10_000;
export const GUIDE_MAX = 20_000;
export const REFLECTION_MAX = 5000;
export const NEXT_STEP_MAX = 2000;
/** How many pupils the app picks for the pupil interview, and the largest class it picks from. */
export const PUPIL_COUNT_MIN = 3;
export const PUPIL_COUNT_MAX = 4;
export const CLASS_SIZE_MAX = 60;
/** Colleagues a teacher may invite into a self-observation. */
export const GUESTS_MAX = 5;
/** Institution data: a group with fewer observed teachers than this is never shown. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
export const MIN_GROUP_SIZE_FLOOR = 3;

export const VISIT_KINDS = ['visit', 'self'] as const;
/** visit: a leader or delegated learning guide observes a colleague; self: a teacher observes their own lesson. */
export type VisitKind = (typeof VISIT_KINDS)[number];
/** planned → in_progress (first answers synced) → completed (the observer finished); or cancelled. */
export const VISIT_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
/** Why a synced visit waits for the leader: the observer no longer held the role to observe when it synced. */
export const VISIT_FLAGS = ['observer_lost_role'] as const;
export type VisitFlag = (typeof VISIT_FLAGS)[number];

const key = z.uuid();
const label = (max: number) => z.string().trim().min(1).max(max);

export const scaleSchema = z
  .strictObject({
    min: z.number().int().min(0).max(10),
    max: z.number().int().min(1).max(10),
    minLabel: z.string().trim().max(80).default(''),
    maxLabel: z.string().trim().max(80).default(''),
  })
  .refine((s) => s.max > s.min, { message: 'max must be greater than min', path: ['max'] });
export type Scale = z.infer<typeof scaleSchema>;

/** `key` is absent for a new item; the server gives it one. An item whose text, type or scale changed gets a new key. */
const item = <T extends readonly [string, ...string[]]>(types: T) =>
  z
    .strictObject({
      key: key.optional(),
      text: label(500),
      type: z.enum(types),
      scale: scaleSchema.nullable().default(null),
    })
    .refine((i) => (i.type === 'scale') === (i.scale !== null), {
      message: 'a scale item needs a scale; other types have none',
      path: ['scale'],
    });

export const focusAreaInput = z.strictObject({
  key: key.optional(),
  title: label(200),
  description: z.string().trim().max(2000).default(''),
  indicators: z.array(item(INDICATOR_TYPES)).min(1).max(INDICATORS_PER_AREA_MAX),
  pupilItems: z.array(item(PUPIL_ITEM_TYPES)).max(PUPIL_ITEMS_PER_AREA_MAX).default([]),
});

/** What a leader sends to save a new version of the institution's schema. */
export const schemaDefinitionInput = z.strictObject({
  focusAreas: z.array(focusAreaInput).min(1).max(FOCUS_AREAS_MAX),
  /** How many pupils are picked for the pupil interview. */
  pupilCount: z.number().int().min(PUPIL_COUNT_MIN).max(PUPIL_COUNT_MAX).default(3),
});
export type SchemaDefinitionInput = z.input<typeof schemaDefinitionInput>;

/** A stored version's definition, as the API answers it: every key is set (the shape of a schema's `definition`). */
export const scale = z.object({
  min: z.number().int(),
  max: z.number().int(),
  minLabel: z.string(),
  maxLabel: z.string(),
});
const storedItem = <T extends readonly [string, ...string[]]>(types: T) =>
  z.object({ key, text: z.string(), type: z.enum(types), scale: scale.nullable() });
export const indicator = storedItem(INDICATOR_TYPES);
export const pupilItem = storedItem(PUPIL_ITEM_TYPES);
export const focusArea = z.object({
  key,
  title: z.string(),
  description: z.string(),
  indicators: z.array(indicator),
  pupilItems: z.array(pupilItem),
});
export const schemaDefinition = z.object({ focusAreas: z.array(focusArea), pupilCount: z.number().int() });
export type Indicator = z.infer<typeof indicator>;
export type PupilItem = z.infer<typeof pupilItem>;
export type FocusArea = z.infer<typeof focusArea>;
/** A stored version: every key is set. */
export type SchemaDefinition = z.infer<typeof schemaDefinition>;

/** One answer as a device sends it. `pupil`: 0 for an indicator, 1…pupilCount for a pupil-interview item. */
export const answerInput = z.strictObject({
  itemKey: key,
  pupil: z.number().int().min(0).max(PUPIL_COUNT_MAX).default(0),
  /** scale: an integer within the scale; yesno: boolean; count: integer ≥ 0; text: string; null clears it. */
  value: z.union([z.number(), z.boolean(), z.string().max(TEXT_ANSWER_MAX), z.null()]),
  /** When it was entered on the device: with two devices the newest answer wins. */
  answeredAt: dateTime(),
});

/**
 * What a device syncs for a visit (PUT /observation/visits/:id/record). `syncKey` makes it idempotent: the same
 * key again answers with the first result and changes nothing. The visit syncs against `schemaId`, the version
 * the device opened it with.
 */
export const recordInput = z.strictObject({
  syncKey: key,
  schemaId: key,
  startedAt: dateTime().nullable().default(null),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .nullable()
    .default(null),
  notes: z.string().max(NOTES_MAX).default(''),
  classSize: z.number().int().min(1).max(CLASS_SIZE_MAX).nullable().default(null),
  /** The pupil numbers the app picked, in slot order (slot 1 = first). */
  pupilNumbers: z.array(z.number().int().min(1).max(CLASS_SIZE_MAX)).max(PUPIL_COUNT_MAX).default([]),
  answers: z.array(answerInput).max(2000),
  /** The observer finished the visit. */
  complete: z.boolean().default(false),
});

/** Picks `count` distinct pupil numbers from 1…classSize, so the observer does not choose. */
export function pickPupils(classSize: number, count: number, random: () => number = Math.random): number[] {
  const pool = Array.from({ length: classSize }, (_, i) => i + 1);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, Math.min(count, classSize)).sort((a, b) => a - b);
}

/** Danish school terms: forår (January–July) is `YYYY-1`, efterår (August–December) `YYYY-2`; keys sort in time. */
export function termOf(date: string | Date): string {
  const d = typeof date === 'string' ? new Date(`${date.slice(0, 10)}T12:00:00Z`) : date;
  return `${d.getUTCFullYear()}-${d.getUTCMonth() >= 7 ? 2 : 1}`;
}
export const TERM_PATTERN = /^\d{4}-[12]$/;
/** First and last day (yyyy-mm-dd) of a term. */
export function termRange(term: string): { from: string; to: string } {
  const [y, h] = term.split('-');
  return h === '1' ? { from: `${y}-01-01`, to: `${y}-07-31` } : { from: `${y}-08-01`, to: `${y}-12-31` };
}

/** 0 is børnehaveklassen; null where grades do not apply (dagtilbud, klub). */
export const GRADE_MIN = 0;
export const GRADE_MAX = 10;

export const DATA_BREAKDOWNS = ['term', 'subject', 'grade', 'institution'] as const;
export type DataBreakdown = (typeof DATA_BREAKDOWNS)[number];

/** The largest minimum group size a leader may choose (PUT /observation/institutions/:id/settings). */
export const MIN_GROUP_SIZE_MAX = 50;
