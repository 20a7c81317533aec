import { describe, expect, it } from 'vitest';
import { EMPTY_CELL, type Grid, present, type RawCell, suppressGrid } from './suppression.js';

const c = (teachers: number, answers = teachers * 2, value: number | null = 4): RawCell => ({
  teachers,
  visits: answers,
  value,
  answers,
});

/** One indicator across groups, with the indicator's total equal to the group totals. */
function oneRow(cells: RawCell[], total: RawCell): Grid {
  return { cells: [cells], rowTotals: [total], groupTotals: cells, total };
}

describe('small-group suppression of observation data', () => {
  it('hides a figure with fewer teachers than the minimum: 4 hidden and 5 shown at 5, 3 shown at 3', () => {
    const g = oneRow([c(4), c(5)], c(9));
    expect(suppressGrid(g, 5).cells[0]).toEqual([true, true]); // 4 primary, 5 secondary
    const shown = suppressGrid(oneRow([c(5), c(6)], c(11)), 5);
    expect(shown.cells[0]).toEqual([false, false]);
    expect(suppressGrid(oneRow([c(3), c(3)], c(6)), 3).cells[0]).toEqual([false, false]);
    expect(suppressGrid(oneRow([c(2), c(3)], c(5)), 3).cells[0]).toEqual([true, true]);
  });

  it('hides empty figures too, and a total with too few teachers', () => {
    const h = suppressGrid(oneRow([EMPTY_CELL, c(2)], c(2)), 5);
    expect(h.cells[0]).toEqual([true, true]);
    expect(h.rowTotals[0]).toBe(true);
    expect(h.total).toBe(true);
  });

  it('secondary suppression: a single hidden cell beside a shown total takes the smallest other cell with it', () => {
    const g = oneRow([c(6, 30), c(2, 8), c(5, 20), c(9, 50)], c(22, 108));
    const h = suppressGrid(g, 5);
    expect(h.cells[0]).toEqual([false, true, true, false]);
    expect(h.rowTotals[0]).toBe(false);
    // Two hidden cells: the total minus the shown ones gives only their sum.
    const visible = g.cells[0].filter((_, i) => !h.cells[0][i]).reduce((s, x) => s + x.answers, 0);
    expect(g.rowTotals[0].answers - visible).toBe(28);
  });

  it('does not hide more when two cells are already hidden, or when the total itself is hidden', () => {
    expect(suppressGrid(oneRow([c(2), c(3), c(8)], c(13)), 5).cells[0]).toEqual([true, true, false]);
    const g: Grid = { cells: [[c(2), c(6)]], rowTotals: [c(8)], groupTotals: [c(7), c(9)], total: c(9) };
    // The row total shows → the 6 goes too.
    expect(suppressGrid(g, 5).cells[0]).toEqual([true, true]);
  });

  it('ignores empty cells when counting: one hidden cell with data and empty neighbours still needs a partner', () => {
    const g = oneRow([EMPTY_CELL, c(3), c(7), c(8)], c(18));
    expect(suppressGrid(g, 5).cells[0]).toEqual([true, true, true, false]);
  });

  it('when nothing else in the breakdown can be hidden, its total is hidden instead (a safety net)', () => {
    const g: Grid = {
      cells: [[c(3), EMPTY_CELL]],
      rowTotals: [c(8)],
      groupTotals: [c(8), c(0)],
      total: c(8),
    };
    const h = suppressGrid(g, 5);
    expect(h.cells).toEqual([[true, true]]);
    expect(h.rowTotals).toEqual([true]);
  });

  it('protects the groups’ totals against the grand total the same way', () => {
    const g: Grid = {
      cells: [[c(2), c(6), c(7)]],
      rowTotals: [c(15)],
      groupTotals: [c(2), c(6), c(7)],
      total: c(15),
    };
    const h = suppressGrid(g, 5);
    expect(h.groupTotals).toEqual([true, true, false]);
    expect(h.cells[0]).toEqual([true, true, false]);
    expect(h.total).toBe(false);
  });

  it('does not hide an indicator because another indicator of the same group is small', () => {
    const g: Grid = {
      cells: [[c(5)], [c(4)]],
      rowTotals: [c(5), c(4)],
      groupTotals: [c(5)],
      total: c(5),
    };
    const h = suppressGrid(g, 5);
    expect(h.cells).toEqual([[false], [true]]);
    expect(h.rowTotals).toEqual([false, true]);
  });

  it('presents hidden figures as nulls', () => {
    expect(present(c(3), true)).toEqual({
      teachers: null,
      visits: null,
      value: null,
      answers: null,
      suppressed: true,
    });
    expect(present(c(6, 12, 4.5), false)).toEqual({
      teachers: 6,
      visits: 12,
      value: 4.5,
      answers: 12,
      suppressed: false,
    });
  });
});
