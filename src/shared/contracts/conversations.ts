import { z } from 'zod';
import {
  CONVERSATION_STATES,
  FIGURE_UNITS,
  CONVERSATION_LIMITS as L,
  THEME_KINDS,
} from '../conversations.js';
import { day, id, personRef, timestamp } from './common.js';

/**
 * Learning conversations between levels (issue 17 part 4, P3): requests and answers of /api/v1/conversations…
 * A package's figures are the unit's own, aggregated and suppressed by the server (ADR 0009); never a ranking.
 */

const text = (max: number) => z.string().trim().max(max);
const title = z.string().trim().min(1).max(L.title);
const themeKey = z.string().regex(/^[a-z0-9]{1,24}$/);

/** One uploaded figure: a label (or a period) and its value. */
export const UploadedFigure = z.object({
  label: z.string().trim().min(1).max(L.figureLabel),
  value: z.number().finite(),
});

/** A theme forvaltning chose, in priority order. `figures` and `unit` only for an uploaded table (kind csv). */
export const ThemeChoice = z.object({
  key: themeKey,
  kind: z.enum(THEME_KINDS),
  title: text(L.title).default(''),
  note: text(L.note).default(''),
  unit: text(L.unitLabel).default(''),
  figures: z.array(UploadedFigure).max(L.figures).default([]),
});

/** One figure of a theme as shown: null and `suppressed` when too few people stand behind it. */
export const Figure = z.object({
  /** Stable across packages, so the same figure can be followed over time. */
  key: z.string(),
  label: z.string(),
  /** A heading the figure belongs under (a focus area, a course), or ''. */
  group: z.string(),
  unit: z.enum(FIGURE_UNITS),
  /** The unit's own word for an uploaded figure ('%', 'dage' …), or ''. */
  unitLabel: z.string(),
  value: z.number().nullable(),
  /** The scale a mean lies on. */
  scale: z.object({ min: z.number(), max: z.number() }).nullable(),
  suppressed: z.boolean(),
});
export const ThemeSnapshot = z.object({
  key: themeKey,
  kind: z.enum(THEME_KINDS),
  title: z.string(),
  note: z.string(),
  /** What the figures are about (a period, the number of visits behind them), or ''. */
  about: z.string(),
  figures: z.array(Figure),
});
export type ThemeChoice = z.output<typeof ThemeChoice>;
export type ThemeSnapshot = z.output<typeof ThemeSnapshot>;

export const ConversationParticipant = z.object({
  id: id.nullable(),
  name: z.string().trim().min(1).max(200),
});
export type ConversationParticipant = z.output<typeof ConversationParticipant>;

// Requests
export const ConversationListQuery = z.strictObject({ institutionId: id.optional() });
export const ConversationCreate = z.strictObject({
  institutionId: id,
  title,
  plannedOn: day.nullable().default(null),
});
export const ConversationUpdate = z.strictObject({
  version: z.number().int().min(1),
  title: title.optional(),
  plannedOn: day.nullable().optional(),
  /** The whole ordered list (keys unique); an uploaded table is added through /figures. */
  themes: z
    .array(ThemeChoice)
    .max(L.themes)
    .refine((t) => new Set(t.map((x) => x.key)).size === t.length, { message: 'theme keys repeat' })
    .optional(),
});
export const ConversationShare = z.strictObject({ version: z.number().int().min(1) });
export const FiguresFile = z
  .any()
  .describe('The CSV file itself (label;value or period;value, at most 1 MB).');
export const FiguresQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  title: title,
  unit: text(L.unitLabel).default(''),
  /** The package's version, needed to save (dryRun=false). */
  version: z.coerce.number().int().min(1).optional(),
});
export const RecordUpdate = z.strictObject({
  version: z.number().int().min(0),
  heldOn: day.nullable(),
  participants: z.array(ConversationParticipant).max(L.participants),
  guests: text(L.guests),
  followUp: text(L.text),
  reflections: text(L.text),
  focus: text(L.text),
  goals: text(L.text),
  efforts: text(L.text),
  nextStep: text(L.text),
});
export const HandDownCycle = z.strictObject({ teamId: id, templateId: id });

// Answers
const unit = z.object({ id, name: z.string(), kommuneId: id, type: z.string() });
export const ConversationSummary = z.object({
  id,
  title: z.string(),
  plannedOn: z.string().nullable(),
  state: z.enum(CONVERSATION_STATES),
  sharedAt: timestamp.nullable(),
  institution: unit,
  themeCount: z.number().int(),
  /** The record's agreed focus, or ''. */
  focus: z.string(),
});
export const ConversationList = z.object({
  items: z.array(ConversationSummary),
  /** The units the asker may prepare a package for (forvaltning: its kommune's institutions). */
  units: z.array(unit),
});
export const ConversationRecord = z.object({
  version: z.number().int(),
  heldOn: z.string().nullable(),
  participants: z.array(ConversationParticipant),
  guests: z.string(),
  followUp: z.string(),
  reflections: z.string(),
  focus: z.string(),
  goals: z.string(),
  efforts: z.string(),
  nextStep: z.string(),
  updatedAt: timestamp.nullable(),
  updatedBy: personRef.nullable(),
});
export const ConversationDetail = z.object({
  id,
  title: z.string(),
  plannedOn: z.string().nullable(),
  state: z.enum(CONVERSATION_STATES),
  sharedAt: timestamp.nullable(),
  version: z.number().int(),
  institution: unit,
  themes: z.array(ThemeChoice),
  /** The figures: frozen once shared, as they are now while a draft. */
  figures: z.array(ThemeSnapshot),
  record: ConversationRecord,
  /** What the unit agreed at its previous conversation, for the follow-up ("Sidst aftalte I …"). */
  previous: z
    .object({
      id,
      title: z.string(),
      heldOn: z.string().nullable(),
      focus: z.string(),
      goals: z.string(),
      nextStep: z.string(),
    })
    .nullable(),
  /** People of the kommune and the unit who may be named as taking part. */
  candidates: z.array(personRef.extend({ role: z.string() })),
  can: z.object({ prepare: z.boolean(), record: z.boolean(), observationFocus: z.boolean() }),
});
export const FiguresPreview = z.object({
  figures: z.array(UploadedFigure),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
  delimiter: z.string(),
  encoding: z.string(),
  saved: z.boolean(),
});
/** The same figure in the unit's own shared packages, oldest first (never another unit's). */
export const ConversationCompare = z.object({
  packages: z.array(z.object({ id, title: z.string(), date: z.string() })),
  series: z.array(
    z.object({
      themeKey: themeKey,
      key: z.string(),
      label: z.string(),
      group: z.string(),
      unit: z.enum(FIGURE_UNITS),
      unitLabel: z.string(),
      /** One per entry of `packages`: null where the figure was hidden or not in that package. */
      values: z.array(z.number().nullable()),
    }),
  ),
});
export const HandDownResult = z.object({ cycleId: id });
