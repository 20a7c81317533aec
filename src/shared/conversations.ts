/**
 * Learning conversations between levels (issue 17 part 4, P3): forvaltning prepares a data package for one unit
 * (institution) on chosen, prioritised themes; the figures are frozen when it is shared with the unit's leaders;
 * the conversation record follows it. Constants shared by server and web.
 */

/**
 * The kinds of theme a data package can hold. `observation`: the unit's own observation data (focus areas,
 * indicators); `progression`: the unit's progression summary (green/yellow/red per area, the latest period);
 * `training`: courses the unit's staff took part in; `tried`: "Jeg har afprøvet det" / "Det virkede" by the unit's
 * staff; `csv`: figures forvaltning uploads (absence, test levels …); `medarbejderundersoegelse`: the unit's staff
 * survey results over its closed rounds (issue 18).
 */
export const THEME_KINDS = [
  'observation',
  'progression',
  'training',
  'tried',
  'csv',
  'medarbejderundersoegelse',
] as const;
export type ThemeKind = (typeof THEME_KINDS)[number];

/** draft: forvaltning prepares it (figures live); shared: the unit's leaders read it, its figures are frozen. */
export const CONVERSATION_STATES = ['draft', 'shared'] as const;

/** How a figure is read: a mean on a scale, a share (0–1), a count of people or things, a number as uploaded. */
export const FIGURE_UNITS = ['mean', 'share', 'count', 'number'] as const;

export const CONVERSATION_LIMITS = {
  title: 200,
  themes: 12,
  note: 2000,
  /** Rows of one uploaded figure table. */
  figures: 200,
  figureLabel: 100,
  unitLabel: 40,
  /** Bytes of one uploaded CSV file. */
  csvBytes: 1024 * 1024,
  text: 8000,
  participants: 40,
  guests: 1000,
  /** Earlier packages a comparison looks back over. */
  history: 12,
} as const;

/** Figures about fewer people than this are hidden (the same minimum as the statistics, ADR 0009). */
export const CONVERSATION_MIN_GROUP = 5;
