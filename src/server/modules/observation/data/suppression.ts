import { type Grid as AnyGrid, type Hidden, suppressGrid as suppress } from '../../../privacy/suppression.js';
import type { DataCell } from '../types.js';

/**
 * Observation data's figures and how they are shown. What may be shown at all is decided by the shared rule in
 * `privacy/suppression.ts` (coarsening per institution, then suppression within the response: ADR 0009).
 */

/** A figure as computed, before anything is hidden. */
export type RawCell = { teachers: number; visits: number; value: number | null; answers: number };
export const EMPTY_CELL: RawCell = { teachers: 0, visits: 0, value: null, answers: 0 };

/** The figures of one view: a row per indicator with a cell per group and its total, group totals, grand total. */
export type Grid = AnyGrid<RawCell>;
export type { Hidden };

/** Every figure with fewer than `min` teachers hidden, and secondary suppression on every line. */
export const suppressGrid = (grid: Grid, min: number): Hidden =>
  suppress(grid, min, (c) => ({ people: c.teachers, size: c.answers }));

/** A figure as shown. */
export function present(c: RawCell, hidden: boolean): DataCell {
  if (hidden) return { teachers: null, visits: null, value: null, answers: null, suppressed: true };
  return { teachers: c.teachers, visits: c.visits, value: c.value, answers: c.answers, suppressed: false };
}
