import { useTranslation } from 'react-i18next';
import { PROGRESSION_STATUSES, type ProgressionStatus, STATUS_RANK } from '../../../shared/progression';
import { wordKind } from '../../../shared/vocabulary';
import type { Cell, Counts, GridChild, Period, SummaryCell } from '../../api/progression';
import { useWords } from '../../i18n/words';

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

/** The words of the institution in view, from its type (the answers name it). */
export const useProgressionWords = (institution: { id: string; type: string } | undefined) =>
  useWords(institution?.id, institution ? wordKind(institution.type as never) : undefined);

/** A status as colour AND shape AND word — never colour alone (colour-blind users). */
export function StatusMark({ status, short }: { status: ProgressionStatus; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`prog-status prog-${status}`}>
      <span className="prog-shape" aria-hidden="true" />
      <span className={short ? 'prog-status-word prog-short' : 'prog-status-word'}>
        {t(`progression.status.${status}`)}
      </span>
    </span>
  );
}

/** −1, 0 or 1: a child's movement from one status to the next. */
export function movement(before: ProgressionStatus | undefined, now: ProgressionStatus | undefined) {
  if (!before || !now) return 0;
  return Math.sign(STATUS_RANK[now] - STATUS_RANK[before]);
}

/** Arrow with its words for screen readers. */
export function MovementMark({ move }: { move: number }) {
  const { t } = useTranslation();
  if (!move) return null;
  return (
    <span className={`prog-move ${move > 0 ? 'prog-up' : 'prog-down'}`}>
      <span aria-hidden="true">{move > 0 ? '↑' : '↓'}</span>
      <span className="sr-only">{t(move > 0 ? 'progression.movedUp' : 'progression.movedDown')}</span>
    </span>
  );
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

/** "17 grøn, 5 gul, 2 rød; 3 rykket op, 1 rykket ned" */
export function CountsLine({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  return <>{countsText(t, counts)}</>;
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

/**
 * A stacked bar of grøn/gul/rød (hidden from screen readers: the numbers beside it are the content). Each part is
 * also patterned, so it reads without colour.
 */
export function StackedBar({ counts }: { counts: Counts }) {
  const total = counts.groen + counts.gul + counts.roed;
  if (!total) return null;
  return (
    <span className="prog-bar" aria-hidden="true">
      {STATUSES.map((s) =>
        counts[s] ? (
          <span key={s} className={`prog-bar-part prog-${s}`} style={{ flexGrow: counts[s] }} />
        ) : null,
      )}
    </span>
  );
}
