import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { type Cell, type Grid, progressionKeys, writeStatus } from '../../api/progression';
import { cellKey, findCell, type ProgressionStatus } from './counts';

/** What the person wants a cell to hold. */
export type CellValue = { status: ProgressionStatus | null; score: number | null; note: string };
export type CellTarget = { childId: string; areaId: string; periodId: string };

/** A cell written here and not yet settled: being saved, refused, or changed by someone else meanwhile. */
export type Pending = CellTarget &
  CellValue & {
    state: 'saving' | 'error' | 'stale';
    message?: string;
    /** The other person's cell when the write was stale (null: they cleared it). */
    theirs?: Cell | null;
  };

/** The last thing that happened, for the page's "Gemt" / error line. */
export type LastWrite = { target: CellTarget; ok: boolean; message?: string; at: number };

/**
 * Writes grid cells at once and shows them before the server answers (optimistic). Writes to one cell go one after
 * another, each from the version the previous one left; a write someone else overtook (409 progression.stale)
 * keeps the person's value aside with the other's, until they choose which one stays.
 */
export function useCellWrites(groupId: string, schoolYear: number | undefined) {
  const qc = useQueryClient();
  const key = progressionKeys.grid(groupId, schoolYear);
  const [pending, setPending] = useState<Record<string, Pending>>({});
  const [last, setLast] = useState<LastWrite | null>(null);
  const chains = useRef(new Map<string, Promise<void>>());
  /** Writes per cell not yet answered. */
  const outstanding = useRef(new Map<string, number>());
  const inFlight = useRef(0);
  const refresh = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refresh.current), []);

  const grid = () => qc.getQueryData<Grid>(key);
  const serverCell = (t: CellTarget) => {
    const child = grid()?.children.find((c) => c.id === t.childId);
    return child ? findCell(child, t.areaId, t.periodId) : undefined;
  };

  /** Puts the server's answer for a cell into the grid in memory (undefined: the cell is empty now). */
  const store = (t: CellTarget, cell: Cell | undefined) =>
    qc.setQueryData<Grid>(
      key,
      (g) =>
        g && {
          ...g,
          children: g.children.map((c) =>
            c.id !== t.childId
              ? c
              : {
                  ...c,
                  cells: [
                    ...c.cells.filter((x) => !(x.areaId === t.areaId && x.periodId === t.periodId)),
                    ...(cell ? [cell] : []),
                  ],
                },
          ),
        },
    );

  const settle = (k: string) =>
    setPending((p) => {
      const { [k]: _, ...rest } = p;
      return rest;
    });

  async function send(t: CellTarget, value: CellValue, version: number) {
    const k = cellKey(t.childId, t.areaId, t.periodId);
    inFlight.current += 1;
    clearTimeout(refresh.current);
    // A refetch that started before this write would bring the old cell back.
    await qc.cancelQueries({ queryKey: key });
    try {
      const answer = await writeStatus({ ...t, ...value, version });
      store(t, answer && typeof answer === 'object' && 'version' in answer ? answer : undefined);
      if ((outstanding.current.get(k) ?? 0) <= 1) settle(k);
      setLast({ target: t, ok: true, at: Date.now() });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'progression.stale') {
        // Someone else wrote this cell since the grid was loaded: fetch theirs and let the person choose.
        await qc.refetchQueries({ queryKey: key }).catch(() => undefined);
        const theirs = serverCell(t) ?? null;
        setPending((p) => ({ ...p, [k]: { ...t, ...value, state: 'stale', theirs } }));
        setLast({ target: t, ok: false, message: err.message, at: Date.now() });
      } else {
        setPending((p) => ({ ...p, [k]: { ...t, ...value, state: 'error', message: errorMessage(err) } }));
        setLast({ target: t, ok: false, message: errorMessage(err), at: Date.now() });
      }
    } finally {
      outstanding.current.set(k, (outstanding.current.get(k) ?? 1) - 1);
      inFlight.current -= 1;
      // When the writing stops, fetch the grid again: others' changes and the server's counts.
      if (inFlight.current === 0)
        refresh.current = setTimeout(() => void qc.invalidateQueries({ queryKey: key }), 1500);
    }
  }

  /** Writes a cell (after any write to the same cell still on its way). */
  function write(target: CellTarget, value: CellValue) {
    // Only the cell's address goes with the write (a caller may hand over a whole Pending).
    const t = { childId: target.childId, areaId: target.areaId, periodId: target.periodId };
    const k = cellKey(t.childId, t.areaId, t.periodId);
    setPending((p) => ({ ...p, [k]: { ...t, ...value, state: 'saving' } }));
    outstanding.current.set(k, (outstanding.current.get(k) ?? 0) + 1);
    const previous = chains.current.get(k) ?? Promise.resolve();
    const next = previous.then(() => send(t, value, serverCell(t)?.version ?? 0));
    chains.current.set(k, next);
    void next.finally(() => {
      if (chains.current.get(k) === next) chains.current.delete(k);
    });
  }

  /** After a stale write: keep mine (written over theirs) or take theirs. */
  function resolve(t: CellTarget, keepMine: boolean) {
    const k = cellKey(t.childId, t.areaId, t.periodId);
    const p = pending[k];
    if (!p) return;
    if (!keepMine) return settle(k);
    write(t, { status: p.status, score: p.score, note: p.note });
  }

  return { pending, last, write, resolve, dismiss: settle };
}
