import { PROGRESSION_STATUSES, type ProgressionStatus, STATUS_RANK } from '../../../shared/progression';
import type { Cell, Counts, GridChild, Period, SummaryCell } from '../../api/progression';

/** The progression grid's arithmetic (no React): keys, movement, counts. */

export type { ProgressionStatus };
export const STATUSES = PROGRESSION_STATUSES;

/** Keys that set a status in the grid: G/Y/R (green, yellow, red) and 1/2/3. */
export const STATUS_KEYS: Record<string, ProgressionStatus> = {
  g: 'groen',
  y: 'gul',
  r: 'roed',
  '1': 'groen',
  '2': 'gul',
  '3': 'roed',
};

/** −1, 0 or 1: a child's movement from one status to the next. */
export function movement(before: ProgressionStatus | undefined, now: ProgressionStatus | undefined) {
  if (!before || !now) return 0;
  return Math.sign(STATUS_RANK[now] - STATUS_RANK[before]);
}

/** Periods in time order. */
export const byStart = (a: Period, b: Period) => a.startsOn.localeCompare(b.startsOn);

export const cellKey = (childId: string, areaId: string, periodId: string) =>
  `${childId}|${areaId}|${periodId}`;

/** A child's cell for an area and period. */
export const findCell = (child: GridChild, areaId: string, periodId: string): Cell | undefined =>
  child.cells.find((c) => c.areaId === areaId && c.periodId === periodId);

/**
 * A group's counts for one area and period from the grid the viewer already sees: statuses entered in this group
 * (as the server's totals count them), movement against each child's previous period in the area.
 */
export function countGrid(
  children: GridChild[],
  groupId: string,
  areaId: string,
  periods: Period[],
  periodId: string,
  status: (child: GridChild, periodId: string) => ProgressionStatus | undefined,
): Counts {
  const counts: Counts = { groen: 0, gul: 0, roed: 0, movedUp: 0, movedDown: 0 };
  const i = periods.findIndex((p) => p.id === periodId);
  const previous = i > 0 ? periods[i - 1] : undefined;
  for (const child of children) {
    const cell = findCell(child, areaId, periodId);
    if (cell && cell.groupId !== groupId) continue;
    const now = status(child, periodId);
    if (!now) continue;
    counts[now] += 1;
    const move = previous ? movement(status(child, previous.id), now) : 0;
    if (move > 0) counts.movedUp += 1;
    if (move < 0) counts.movedDown += 1;
  }
  return counts;
}

export function countsText(t: (k: string, o?: Record<string, unknown>) => string, counts: Counts) {
  const parts = STATUSES.map((s) => t(`progression.count.${s}`, { count: counts[s] })).join(', ');
  const moves = [
    counts.movedUp ? t('progression.count.up', { count: counts.movedUp }) : '',
    counts.movedDown ? t('progression.count.down', { count: counts.movedDown }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return moves ? `${parts}; ${moves}` : parts;
}

/** The server's counts for an area and period (null when withheld, undefined when absent). */
export const summaryFor = (cells: SummaryCell[], areaId: string, periodId: string) =>
  cells.find((c) => c.areaId === areaId && c.periodId === periodId)?.counts;
