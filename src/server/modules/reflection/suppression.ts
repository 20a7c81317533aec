import type { RawFigures } from './statistics-repo.js';

/** A figure with fewer people than this behind it (but more than none) is not shown: "færre end 3". */
export const MIN_GROUP_SIZE = 3;

export const FIGURES = ['views', 'tried', 'worked'] as const;
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

/**
 * Within one breakdown (the rows add up to the total), a single hidden cell could be worked out as the total
 * minus the others. So when exactly one row hides a figure and the total shows it, the next smallest non-zero
 * cell is hidden too (secondary suppression). Returns the hidden figures per row.
 */
export function suppressBreakdown(rows: RawFigures[], total: Set<Figure>): Set<Figure>[] {
  const hidden = rows.map(primarySuppressed);
  for (const f of FIGURES) {
    if (total.has(f)) continue;
    const cells = rows.map((r, i) => ({ i, value: r[f], hidden: hidden[i].has(f) }));
    if (cells.filter((c) => c.hidden).length !== 1) continue;
    const next = cells.filter((c) => !c.hidden && c.value > 0).sort((a, b) => a.value - b.value)[0];
    if (next) hidden[next.i].add(f);
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
