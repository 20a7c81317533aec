import { z } from 'zod';
import {
  DATA_BREAKDOWNS,
  GRADE_MAX,
  GRADE_MIN,
  INDICATOR_TYPES,
  scale,
  TERM_PATTERN,
} from '../observation.js';
import { WORD_KINDS } from '../vocabulary.js';
import { id } from './common.js';

/**
 * Observation data (O4): requests and answers of /api/v1/observation/{institutions,kommuner}/:id/data. The answer
 * is already coarsened and suppressed by the server (ADR 0009); the contract only describes it.
 */

// Requests
const filters = {
  term: z.string().regex(TERM_PATTERN).optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  grade: z.coerce.number().int().min(GRADE_MIN).max(GRADE_MAX).optional(),
  focusArea: id.optional(),
};
export const InstitutionDataQuery = z.strictObject({
  ...filters,
  by: z.enum(['term', 'subject', 'grade']).optional(),
});
export const KommuneDataQuery = z.strictObject({
  ...filters,
  by: z.enum(['institution', 'term', 'subject', 'grade']).optional(),
});

// Answers
/** A figure: every number null and `suppressed` when it is hidden. */
export const DataCell = z.object({
  teachers: z.number().int().nullable(),
  visits: z.number().int().nullable(),
  /** scale and count: the mean; yesno: the share answered yes (0–1); text: null (free text is never aggregated). */
  value: z.number().nullable(),
  answers: z.number().int().nullable(),
  suppressed: z.boolean(),
});
/** An indicator named in the summary: where it belongs, its value and where that lies on its scale (0–1). */
const SummaryIndicator = z.object({
  areaKey: z.string(),
  areaTitle: z.string(),
  key: z.string(),
  text: z.string(),
  type: z.enum(INDICATOR_TYPES),
  scale: scale.nullable(),
  value: z.number(),
  position: z.number(),
});
export const ObservationData = z.object({
  /** `words`: whose words the figures speak (src/shared/vocabulary.ts): the institution's, or the kommune's when all
   * of its institutions are of one kind, else the school's. */
  scope: z.object({
    kind: z.enum(['institution', 'kommune']),
    id,
    name: z.string(),
    words: z.enum(WORD_KINDS),
  }),
  minGroupSize: z.number().int(),
  filters: z.object({
    term: z.string().nullable(),
    subject: z.string().nullable(),
    grade: z.number().int().nullable(),
    focusArea: z.string().nullable(),
  }),
  by: z.enum(DATA_BREAKDOWNS),
  groups: z.array(z.object({ key: z.string(), label: z.string(), total: DataCell })),
  total: DataCell,
  areas: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      indicators: z.array(
        z.object({
          key: z.string(),
          text: z.string(),
          type: z.enum(INDICATOR_TYPES),
          scale: scale.nullable(),
          total: DataCell,
          /** One cell per entry of `groups`, same order. */
          cells: z.array(DataCell),
        }),
      ),
    }),
  ),
  /**
   * Which breakdowns can show anything here: per breakdown how many of its groups (values with visits) can be
   * shown; `available` when at least two can and no more than three in four are withheld. The web offers only
   * those, and says why the others are left out.
   */
  breakdowns: z.array(
    z.object({
      by: z.enum(DATA_BREAKDOWNS),
      shown: z.number().int(),
      groups: z.number().int(),
      available: z.boolean(),
    }),
  ),
  /**
   * What stands out, from figures this answer and the same answer broken down by term show (never more): the
   * strongest and weakest indicators of the selection (scale and yes/no, by where the value lies on its scale),
   * the biggest changes between the last two terms that can be shown apart, and the visits behind it.
   */
  summary: z.object({
    visits: z.number().int().nullable(),
    teachers: z.number().int().nullable(),
    strongest: z.array(SummaryIndicator),
    weakest: z.array(SummaryIndicator),
    terms: z.object({ latest: z.string(), previous: z.string() }).nullable(),
    changes: z.array(SummaryIndicator.extend({ previous: z.number(), change: z.number() })),
    withheld: z.number().int(),
  }),
  /** Values to filter by (only those with data), without counts. */
  options: z.object({
    terms: z.array(z.string()),
    subjects: z.array(z.string()),
    grades: z.array(z.number().int()),
  }),
});
/** The same data as a CSV file for Danish Excel (text/csv). */
export const DataCsv = z.string();
