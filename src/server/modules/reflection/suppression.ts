import { MIN_GROUP_SIZE, STAT_FIGURES } from '../../../shared/contracts/statistics.js';
import { type Coarsening, nextToHide, shows } from '../../privacy/suppression.js';
import type { RawFigures } from './statistics-repo.js';

/**
 * The statistics' figures about people, through the shared rule (privacy/suppression.ts, ADR 0009): per figure
 * (views, tried, worked) the subjects and age bands are coarsened once for the period and scope, so that the
 * totals, the filters and both breakdowns only ever show sums over whole classes of at least MIN_GROUP_SIZE
 * people; then, within the response, small figures are hidden with secondary suppression as before.
 */

export { MIN_GROUP_SIZE };

export const FIGURES = STAT_FIGURES;
export type Figure = (typeof FIGURES)[number];

/** How many distinct people stand behind each figure. */
const people: Record<Figure, (r: RawFigures) => number> = {
  views: (r) => r.viewers,
  tried: (r) => r.triers,
  worked: (r) => r.workers,
};

/** One row as shown: counts are null where suppressed, rates null where suppressed or undefined (0 of 0). */
export type StatRow = {
  videos: number;
  views: number | null;
  completionRate: number | null;
  tried: number | null;
  worked: number | null;
  workedShare: number | null;
  /** The figures hidden because too few people stand behind them. */
  suppressed: Figure[];
};

export const tooFew = (n: number) => n > 0 && n < MIN_GROUP_SIZE;

/** The figures of a row that too few people stand behind. */
export function primarySuppressed(r: RawFigures): Set<Figure> {
  return new Set(FIGURES.filter((f) => tooFew(people[f](r))));
}

/** Dimensions of the coarsening: subject (most important), age band; '' for none. */
export type Coarsenings = Record<Figure, Coarsening>;

/** The figures a row fixing these values (0: subject, 1: age band) may not show under the coarsenings. */
export function withheld(c: Coarsenings, fixed: [number, string][]): Set<Figure> {
  return new Set(FIGURES.filter((f) => !shows(c[f], fixed)));
}

/**
 * Within one breakdown (the rows add up to the total), a single hidden cell could be worked out as the total
 * minus the others. So when exactly one row hides a figure and the total shows it, the next smallest non-zero
 * cell is hidden too (secondary suppression). `coarsened`: figures each row may not show at all. Returns the
 * hidden figures per row.
 */
export function suppressBreakdown(
  rows: RawFigures[],
  total: Set<Figure>,
  coarsened: Set<Figure>[] = rows.map(() => new Set()),
): Set<Figure>[] {
  const hidden = rows.map((r, i) => new Set([...primarySuppressed(r), ...coarsened[i]]));
  for (const f of FIGURES) {
    const cells = rows.map((r) => ({ people: people[f](r), size: r[f] }));
    const next = nextToHide(
      cells,
      rows.map((_, i) => hidden[i].has(f)),
      total.has(f),
    );
    if (typeof next === 'number') hidden[next].add(f);
  }
  return hidden;
}

/** A row as shown, with the given figures hidden (and the rates that would give them away). */
export function presentRow(r: RawFigures, hidden: Set<Figure>): StatRow {
  const views = hidden.has('views') ? null : r.views;
  const tried = hidden.has('tried') ? null : r.tried;
  const worked = hidden.has('worked') ? null : r.worked;
  return {
    videos: r.videos,
    views,
    completionRate: views ? r.completed / views : null,
    tried,
    worked,
    workedShare: tried && worked !== null ? worked / tried : null,
    suppressed: FIGURES.filter((f) => hidden.has(f)),
  };
}
