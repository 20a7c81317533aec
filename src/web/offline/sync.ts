import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/observation-visits';
import { ApiError, api } from '../api/client';
import {
  type Batch,
  type Draft,
  forgetIfSynced,
  forgetSyncedVisits,
  loadBatch,
  loadDraft,
  localKey,
  removeBatch,
  saveBatch,
  saveDraft,
  unsyncedVisitIds,
} from './db';

type RecordInput = Wire<typeof c.RecordInput>;
type RecordResult = Wire<typeof c.RecordResult>;

/**
 * Sends what a device has recorded about a visit to PUT /observation/visits/:id/record, exactly once: the batch is
 * stored with a fresh syncKey before it is sent; a retry (after a lost answer, a closed tab, no network) resends
 * the same batch with the same key, which the server answers as a replay; only a successful answer removes it.
 * Once a completed visit is synced in full, the device forgets it (visit, draft, batch).
 * A refusal (400, 403, 404, 409) keeps everything on the device and shows the server's message.
 */

export type SyncState =
  | { kind: 'local' }
  | { kind: 'syncing' }
  | { kind: 'synced'; at: string | null }
  | { kind: 'offline' }
  | { kind: 'expired' }
  | { kind: 'retry' }
  | { kind: 'refused'; code: string; message: string };

type Listener = (visitId: string, state: SyncState, result?: RecordResult) => void;
const listeners = new Set<Listener>();

export function onSyncState(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const emit = (visitId: string, state: SyncState, result?: RecordResult) => {
  for (const l of listeners) l(visitId, state, result);
};

/** Seconds on the timer now. */
export function elapsedMs(d: Pick<Draft, 'elapsedMs' | 'runningSince'>, now = Date.now()): number {
  return d.elapsedMs + (d.runningSince ? Math.max(0, now - Date.parse(d.runningSince)) : 0);
}

export function payloadOf(d: Draft, syncKey: string): RecordInput & { syncKey: string } {
  const ms = elapsedMs(d);
  return {
    syncKey,
    schemaId: d.schemaId,
    startedAt: d.startedAt,
    durationSeconds: d.startedAt ? Math.min(24 * 3600, Math.floor(ms / 1000)) : null,
    notes: d.notes,
    classSize: d.classSize,
    pupilNumbers: d.pupilNumbers,
    answers: Object.values(d.answers).map((a) => ({
      itemKey: a.itemKey,
      pupil: a.pupil,
      value: a.value,
      answeredAt: a.answeredAt,
    })),
    complete: d.complete,
  };
}

const running = new Map<string, Promise<SyncState>>();

/** Syncs one visit (one run at a time per visit); answers with the state to show. */
export function syncVisit(ownerId: string, visitId: string): Promise<SyncState> {
  const key = localKey(ownerId, visitId);
  const current = running.get(key);
  if (current) return current;
  const run = (async () => {
    try {
      return await drain(ownerId, visitId);
    } finally {
      running.delete(key);
    }
  })();
  running.set(key, run);
  return run;
}

async function nextBatch(ownerId: string, visitId: string): Promise<Batch | null> {
  const pending = await loadBatch(ownerId, visitId);
  if (pending) return pending;
  const draft = await loadDraft(ownerId, visitId);
  if (!draft || draft.rev <= draft.syncedRev) return null;
  const syncKey = crypto.randomUUID();
  const batch: Batch = {
    id: localKey(ownerId, visitId),
    ownerId,
    visitId,
    rev: draft.rev,
    payload: payloadOf(draft, syncKey),
    createdAt: new Date().toISOString(),
  };
  // Stored before it is sent: whatever happens next, a retry sends this very batch and key.
  await saveBatch(batch);
  return batch;
}

async function drain(ownerId: string, visitId: string): Promise<SyncState> {
  let state: SyncState = { kind: 'synced', at: (await loadDraft(ownerId, visitId))?.syncedAt ?? null };
  // A change made while a batch was on its way gives one more batch; a few rounds always suffice.
  for (let round = 0; round < 5; round++) {
    const batch = await nextBatch(ownerId, visitId);
    if (!batch) return state;
    emit(visitId, { kind: 'syncing' });
    try {
      const result = await api<RecordResult>(`/observation/visits/${visitId}/record`, {
        method: 'PUT',
        body: batch.payload,
      });
      await removeBatch(ownerId, visitId);
      const draft = await loadDraft(ownerId, visitId);
      if (draft) {
        draft.syncedRev = Math.max(draft.syncedRev, batch.rev);
        draft.syncedAt = result.syncedAt;
        draft.error = null;
        await saveDraft(draft);
      }
      state = { kind: 'synced', at: result.syncedAt };
      emit(visitId, state, result);
      // A completed visit the server now has in full leaves the device.
      if (draft?.complete && draft.syncedRev >= draft.rev) await forgetIfSynced(ownerId, visitId);
    } catch (err) {
      state = await failed(ownerId, visitId, err);
      emit(visitId, state);
      return state;
    }
  }
  return state;
}

async function failed(ownerId: string, visitId: string, err: unknown): Promise<SyncState> {
  if (!(err instanceof ApiError) || err.status === 0) return { kind: 'offline' };
  if (err.status === 401) return { kind: 'expired' };
  if (err.status >= 500 || err.status === 429) return { kind: 'retry' };
  // Refused: the batch changed nothing on the server. Keep every answer in the draft; the next change (or
  // "Prøv igen") makes a new batch.
  await removeBatch(ownerId, visitId);
  const draft = await loadDraft(ownerId, visitId);
  const error = { status: err.status, code: err.code, message: err.message };
  if (draft) await saveDraft({ ...draft, error });
  return { kind: 'refused', code: err.code, message: err.message };
}

/** Syncs everything this person has recorded on the device and not yet synced. */
export async function syncAll(ownerId: string): Promise<void> {
  for (const id of await unsyncedVisitIds(ownerId)) await syncVisit(ownerId, id);
  await forgetSyncedVisits(ownerId);
}

/**
 * Keeps syncing in the background while the app is open: now, whenever the network returns, and every 20
 * seconds. `owner` gives the signed-in person's id (null when nobody is signed in).
 */
export function startBackgroundSync(owner: () => string | null, everyMs = 20_000): () => void {
  const run = () => {
    const id = owner();
    if (id && navigator.onLine) void syncAll(id).catch(() => undefined);
  };
  window.addEventListener('online', run);
  const timer = window.setInterval(run, everyMs);
  run();
  return () => {
    window.removeEventListener('online', run);
    window.clearInterval(timer);
  };
}
