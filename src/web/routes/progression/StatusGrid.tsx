import { type KeyboardEvent, useRef, useState } from 'react';
import type { Area, GridChild, Period } from '../../api/progression';
import type { WordsT } from '../../i18n/words';
import { cellKey, findCell, movement, STATUS_KEYS } from './counts';
import { formatDay, MovementMark, StatusMark } from './status';
import type { CellTarget, CellValue, Pending } from './useCellWrites';

/** What a cell shows: the person's own unsettled value first, else the server's. */
export function shownValue(
  child: GridChild,
  areaId: string,
  periodId: string,
  pending: Record<string, Pending>,
) {
  const p = pending[cellKey(child.id, areaId, periodId)];
  const cell = findCell(child, areaId, periodId);
  if (p && p.state !== 'stale') return { status: p.status, score: p.score, note: p.note, cell, pending: p };
  return {
    status: cell?.status ?? null,
    score: cell?.score ?? null,
    note: cell?.note ?? '',
    cell,
    pending: p,
  };
}

type Props = {
  t: WordsT;
  groupId: string;
  area: Area;
  periods: Period[];
  rows: GridChild[];
  pending: Record<string, Pending>;
  canWrite: boolean;
  showNames: boolean;
  onWrite: (target: CellTarget, value: CellValue) => void;
  onEdit: (target: CellTarget) => void;
};

/** The name of a child in labels: "Elev 3A-07" (with the full name when it is shown). */
export function childLabel(t: WordsT, child: GridChild, showNames: boolean) {
  const name = showNames && child.fullName ? ` (${child.fullName})` : '';
  return `${t('progression.grid.child')} ${child.code}${name}`;
}

/**
 * Children × periods for one area: a roving-tabindex grid (one tab stop; arrow keys, Home and End move; G/Y/R or
 * 1/2/3 set a status, Delete clears it, Enter opens the score and note). A tap or click opens the same editor.
 */
export function StatusGrid({
  t,
  groupId,
  area,
  periods,
  rows: children,
  pending,
  canWrite,
  showNames,
  onWrite,
  onEdit,
}: Props) {
  const [active, setActive] = useState({ row: 0, col: 0 });
  const table = useRef<HTMLTableElement>(null);
  const row = Math.min(active.row, Math.max(children.length - 1, 0));
  const col = Math.min(active.col, Math.max(periods.length - 1, 0));

  const focusCell = (r: number, c: number) => {
    const next = {
      row: Math.max(0, Math.min(children.length - 1, r)),
      col: Math.max(0, Math.min(periods.length - 1, c)),
    };
    setActive(next);
    table.current?.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.col}"]`)?.focus();
  };

  function onKeyDown(e: KeyboardEvent<HTMLTableCellElement>, r: number, c: number) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const child = children[r];
    const period = periods[c];
    const target = { childId: child.id, areaId: area.id, periodId: period.id };
    const move: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, periods.length - 1],
      PageUp: [0, c],
      PageDown: [children.length - 1, c],
    };
    if (move[e.key]) {
      e.preventDefault();
      focusCell(...move[e.key]);
      return;
    }
    if (!canWrite) return;
    const status = STATUS_KEYS[e.key.toLowerCase()];
    const shown = shownValue(child, area.id, period.id, pending);
    if (status) {
      e.preventDefault();
      onWrite(target, { status, score: shown.score, note: shown.note });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (shown.status) onWrite(target, { status: null, score: null, note: '' });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onEdit(target);
    }
  }

  return (
    <table
      ref={table}
      // The data grid of WAI-ARIA APG: a table with role="grid" keeps its row and column headers.
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the grid pattern on a table
      role="grid"
      className="prog-grid"
      aria-label={`${area.name}`}
      aria-readonly={!canWrite || undefined}
    >
      <thead>
        <tr>
          <th scope="col" className="prog-code-col">
            {t('progression.grid.childColumn')}
          </th>
          {periods.map((p) => (
            <th key={p.id} scope="col">
              {p.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {children.map((child, r) => (
          <tr key={child.id} className={child.toOn ? 'prog-left' : undefined}>
            <th scope="row" className="prog-code-col">
              <span className="prog-code">{child.code}</span>
              {showNames && child.fullName && <span className="prog-name">{child.fullName}</span>}
              {child.toOn && (
                <span className="prog-name">
                  {t('progression.grid.leftOn', { day: formatDay(child.toOn) })}
                </span>
              )}
            </th>
            {periods.map((period, c) => {
              const shown = shownValue(child, area.id, period.id, pending);
              const prev = c > 0 ? shownValue(child, area.id, periods[c - 1].id, pending).status : null;
              const move = movement(prev ?? undefined, shown.status ?? undefined);
              const elsewhere = shown.cell && shown.cell.groupId !== groupId;
              const state = shown.pending?.state;
              const label = [
                `${childLabel(t, child, showNames)}, ${area.name}, ${period.name}: ${
                  shown.status ? t(`progression.status.${shown.status}`) : t('progression.grid.empty')
                }`,
                shown.score !== null ? t('progression.grid.scoreLabel', { score: shown.score }) : '',
                move ? t(move > 0 ? 'progression.movedUp' : 'progression.movedDown') : '',
                shown.note ? t('progression.grid.noteLabel', { note: shown.note }) : '',
                elsewhere ? t('progression.grid.elsewhere') : '',
                state === 'saving' ? t('progression.grid.saving') : '',
                state === 'error' || state === 'stale' ? t('progression.grid.notSaved') : '',
              ]
                .filter(Boolean)
                .join(', ');
              const isActive = r === row && c === col;
              return (
                <td
                  key={period.id}
                  // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a cell of the grid pattern
                  role="gridcell"
                  data-cell={`${r}:${c}`}
                  tabIndex={isActive ? 0 : -1}
                  aria-label={label}
                  className={`prog-cell${shown.status ? ` prog-cell-${shown.status}` : ''}${
                    elsewhere ? ' prog-elsewhere' : ''
                  }${state ? ` prog-${state}` : ''}`}
                  onFocus={() => setActive({ row: r, col: c })}
                  onKeyDown={(e) => onKeyDown(e, r, c)}
                  onClick={() => {
                    setActive({ row: r, col: c });
                    if (canWrite) onEdit({ childId: child.id, areaId: area.id, periodId: period.id });
                  }}
                >
                  <span className="prog-cell-inner" aria-hidden="true">
                    {shown.status ? (
                      <StatusMark status={shown.status} />
                    ) : (
                      <span className="prog-empty">–</span>
                    )}
                    <MovementMark move={move} />
                    {shown.score !== null && <span className="prog-score">{shown.score}</span>}
                    {shown.note && <span className="prog-note-mark">✎</span>}
                    {state === 'saving' && <span className="prog-saving" />}
                    {(state === 'error' || state === 'stale') && <span className="prog-warn">!</span>}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
