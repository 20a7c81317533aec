import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answer, RecordResult, VisitDetail } from '../../../api/observation';
import { answerKey, type Draft, loadDraft, localKey, saveDraft } from '../../../offline/db';
import { onSyncState, type SyncState, syncVisit } from '../../../offline/sync';

/** A new draft, starting from what the server already has (another device, or an earlier sync). */
function freshDraft(ownerId: string, visit: VisitDetail): Draft {
  const answers: Record<string, Answer> = {};
  for (const a of visit.answers) answers[answerKey(a.itemKey, a.pupil)] = a;
  return {
    id: localKey(ownerId, visit.id),
    ownerId,
    visitId: visit.id,
    schemaId: visit.schema.id,
    step: 0,
    startedAt: visit.startedAt,
    elapsedMs: (visit.durationSeconds ?? 0) * 1000,
    runningSince: null,
    notes: visit.notes,
    classSize: visit.classSize,
    pupilNumbers: visit.pupilNumbers,
    answers,
    complete: false,
    rev: 0,
    syncedRev: 0,
    syncedAt: null,
    error: null,
    updatedAt: new Date().toISOString(),
  };
}

const SYNC_DELAY_MS = 1500;
const SYNC_EVERY_MS = 15_000;

/**
 * The visit being conducted: the draft on the device (every change written to IndexedDB at once), and its sync
 * with the server — after each change, when the network returns, every 15 seconds and when the page opens.
 */
export function useConductDraft(ownerId: string, visit: VisitDetail) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [sync, setSync] = useState<SyncState>({ kind: 'local' });
  const [lastResult, setLastResult] = useState<RecordResult | null>(null);
  const [storageError, setStorageError] = useState(false);
  const ref = useRef<Draft | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const runSync = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (!navigator.onLine) {
      setSync({ kind: 'offline' });
      return;
    }
    const state = await syncVisit(ownerId, visit.id);
    const stored = await loadDraft(ownerId, visit.id).catch(() => null);
    if (stored && ref.current) {
      // Keep what was entered meanwhile; take the sync bookkeeping from the device store.
      ref.current = {
        ...ref.current,
        syncedRev: stored.syncedRev,
        syncedAt: stored.syncedAt,
        error: stored.error,
      };
      setDraft(ref.current);
    }
    setSync(state);
  }, [ownerId, visit.id]);

  const scheduleSync = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void runSync(), SYNC_DELAY_MS);
  }, [runSync]);

  // Open: the draft on the device, or a new one; then sync what is waiting.
  useEffect(() => {
    let live = true;
    void loadDraft(ownerId, visit.id)
      .catch(() => {
        setStorageError(true);
        return null;
      })
      .then(async (stored) => {
        if (!live) return;
        // A draft keeps the schema version it started with, even if the visit was opened with a newer one.
        const d = stored ?? freshDraft(ownerId, visit);
        ref.current = d;
        setDraft(d);
        if (!stored) await saveDraft(d).catch(() => setStorageError(true));
        setSync(
          d.error
            ? { kind: 'refused', code: d.error.code, message: d.error.message }
            : d.rev > d.syncedRev
              ? { kind: navigator.onLine ? 'local' : 'offline' }
              : { kind: 'synced', at: d.syncedAt },
        );
        if (!d.error) void runSync();
      });
    return () => {
      live = false;
    };
  }, [ownerId, visit, runSync]);

  useEffect(() => {
    const offline = () => setSync((s) => (s.kind === 'synced' ? s : { kind: 'offline' }));
    const online = () => void runSync();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    const every = window.setInterval(() => {
      const d = ref.current;
      if (d && d.rev > d.syncedRev && !d.error) void runSync();
    }, SYNC_EVERY_MS);
    const off = onSyncState((id, state, result) => {
      if (id !== visit.id) return;
      setSync(state);
      if (result) setLastResult(result);
    });
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      window.clearInterval(every);
      window.clearTimeout(timer.current);
      off();
    };
  }, [runSync, visit.id]);

  /** A change to what is recorded: written to the device at once, then synced. */
  const change = useCallback(
    (fn: (d: Draft) => Draft) => {
      const prev = ref.current;
      if (!prev) return;
      const next: Draft = {
        ...fn(prev),
        rev: prev.rev + 1,
        error: null,
        updatedAt: new Date().toISOString(),
      };
      ref.current = next;
      setDraft(next);
      void saveDraft(next).then(
        () => setSync({ kind: navigator.onLine ? 'local' : 'offline' }),
        () => setStorageError(true),
      );
      scheduleSync();
    },
    [scheduleSync],
  );

  /** Where the observer is (kept on the device, not sent). */
  const goTo = useCallback((step: number) => {
    const prev = ref.current;
    if (!prev) return;
    const next = { ...prev, step };
    ref.current = next;
    setDraft(next);
    void saveDraft(next).catch(() => setStorageError(true));
  }, []);

  const answer = useCallback(
    (itemKey: string, pupil: number, value: Answer['value']) =>
      change((d) => ({
        ...d,
        answers: {
          ...d.answers,
          [answerKey(itemKey, pupil)]: { itemKey, pupil, value, answeredAt: new Date().toISOString() },
        },
      })),
    [change],
  );

  const retry = useCallback(() => {
    const prev = ref.current;
    if (!prev) return;
    // A new attempt after a refusal: the same answers in a new batch.
    change((d) => ({ ...d }));
    void runSync();
  }, [change, runSync]);

  return { draft, sync, lastResult, storageError, change, goTo, answer, runSync, retry };
}
