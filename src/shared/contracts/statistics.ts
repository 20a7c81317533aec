import { z } from 'zod';
import { AGE_BANDS } from '../catalogue.js';
import { dateOnly } from '../text.js';
import { day, id } from './common.js';

/** Statistics for editors, forvaltning, leders and administrators (V6): requests and answers of /api/v1/statistics. */

/** A figure about people (views, tried, worked) with fewer than this many behind it, but some, is not shown. */
export const MIN_GROUP_SIZE = 3;

/** The figures about people; each is null (and named in `suppressed`) when too few stand behind it. */
export const STAT_FIGURES = ['views', 'tried', 'worked'] as const;

export const StatisticsQuery = z.strictObject({
  from: dateOnly().optional(),
  to: dateOnly().optional(),
  subject: id.optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  /** One institution only (its leders, forvaltning of its kommune, administrators). */
  institution: id.optional(),
});

export const StatRow = z.object({
  videos: z.number().int(),
  views: z.number().int().nullable(),
  completionRate: z.number().nullable(),
  tried: z.number().int().nullable(),
  worked: z.number().int().nullable(),
  workedShare: z.number().nullable(),
  suppressed: z.array(z.enum(STAT_FIGURES)),
});
export const StatGroup = StatRow.extend({ key: z.string().nullable(), label: z.string() });
export const Statistics = z.object({
  /** The period used: whole months in Danish time (ADR 0009), first day of the first to last day of the last. */
  period: z.object({ from: day, to: day }),
  scope: z.enum(['all', 'kommune', 'institution']),
  /** The institutions the figures are about, when the scope is 'institution' (by name). */
  institutions: z.array(z.object({ id, name: z.string() })),
  minGroupSize: z.number().int(),
  totals: StatRow,
  bySubject: z.array(StatGroup),
  byAgeBand: z.array(StatGroup),
  topTried: z.array(
    z.object({
      id,
      title: z.string(),
      tried: z.number().int(),
      worked: z.number().int().nullable(),
      workedShare: z.number().nullable(),
    }),
  ),
  /** What the filters offer: every subject of the taxonomy and every age band, with labels. */
  subjects: z.array(z.object({ id, label: z.string() })),
  ageBands: z.array(z.object({ key: z.enum(AGE_BANDS), label: z.string() })),
});
/** The same statistics as a CSV file (semicolon-separated, UTF-8 with BOM). */
export const StatisticsCsv = z.string();
