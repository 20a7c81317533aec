import type { DataCell } from '../../../shared/observation.js';

/**
 * Small-group suppression for institution data (O4). A figure is never shown when fewer than the minimum number
 * of observed teachers stand behind it — and, so that a hidden figure cannot be worked out as a total minus the
 * figures beside it, one more figure of the same line is hidden with it (secondary suppression). Pure.
 */

/** A figure as computed, before anything is hidden. */
export type RawCell = { teachers: number; visits: number; value: number | null; answers: number };
export const EMPTY_CELL: RawCell = { teachers: 0, visits: 0, value: null, answers: 0 };

/**
 * The figures of one view: a row per indicator with a cell per group and the indicator's total, the groups'
 * totals, and the grand total. Visits and answers of an indicator add up across the groups, and visits of the
 * groups add up to the grand total, so those lines are breakdowns of their totals. (Group and grand totals count
 * distinct teachers and visits and carry no answers or value, so they are no sum over the indicators.)
 */
export type Grid = { cells: RawCell[][]; rowTotals: RawCell[]; groupTotals: RawCell[]; total: RawCell };
export type Hidden = { cells: boolean[][]; rowTotals: boolean[]; groupTotals: boolean[]; total: boolean };

/** A line of a grid: where its cells and its total sit in the Hidden flags. */
type Ref = { get: () => boolean; set: () => void };
type Line = { cells: (Ref & { raw: RawCell })[]; total: Ref };

function lines(grid: Grid, h: Hidden): Line[] {
  const ref = (arr: boolean[], i: number, raw: RawCell) => ({
    get: () => arr[i],
    set: () => {
      arr[i] = true;
    },
    raw,
  });
  const totalRef: Ref = {
    get: () => h.total,
    set: () => {
      h.total = true;
    },
  };
  const out: Line[] = grid.cells.map((row, r) => ({
    cells: row.map((c, g) => ref(h.cells[r], g, c)),
    total: ref(h.rowTotals, r, grid.rowTotals[r]),
  }));
  out.push({ cells: grid.groupTotals.map((c, g) => ref(h.groupTotals, g, c)), total: totalRef });
  return out;
}

/** Secondary suppression on one line; true when it hid something. */
function protectLine(line: Line): boolean {
  if (line.total.get()) return false;
  // Empty cells tell nothing (their figures are zero either way); a single hidden cell with data would.
  const withData = line.cells.filter((c) => c.raw.teachers > 0);
  if (withData.filter((c) => c.get()).length !== 1) return false;
  const next = withData
    .filter((c) => !c.get())
    .sort((a, b) => a.raw.teachers - b.raw.teachers || a.raw.answers - b.raw.answers)[0];
  if (next) next.set();
  else line.total.set();
  return true;
}

/**
 * Which figures to hide: every figure with fewer than `min` teachers behind it (empty ones too, so a filter
 * down to a few teachers shows nothing but hidden cells), then secondary suppression on every breakdown until
 * none has exactly one hidden figure with data while its total shows.
 */
export function suppressGrid(grid: Grid, min: number): Hidden {
  const few = (c: RawCell) => c.teachers < min;
  const h: Hidden = {
    cells: grid.cells.map((row) => row.map(few)),
    rowTotals: grid.rowTotals.map(few),
    groupTotals: grid.groupTotals.map(few),
    total: few(grid.total),
  };
  const all = lines(grid, h);
  // Each pass that changes something hides one more figure, so this ends.
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of all) if (protectLine(line)) changed = true;
  }
  return h;
}

/** A figure as shown. */
export function present(c: RawCell, hidden: boolean): DataCell {
  if (hidden) return { teachers: null, visits: null, value: null, answers: null, suppressed: true };
  return { teachers: c.teachers, visits: c.visits, value: c.value, answers: c.answers, suppressed: false };
}
