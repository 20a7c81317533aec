import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/observation-visits';

type Answer = Wire<typeof c.Answer>;
type RecordInput = Wire<typeof c.RecordInput>;
type VisitDetail = Wire<typeof c.VisitDetail>;

/**
 * The device's own copy of visits being conducted (O2, offline). Three stores:
 * - `visits`: the visit as the server last sent it (with its schema version), so the page opens with no network;
 * - `drafts`: what the observer has entered, written at every change (answers with `answeredAt`, notes, timer,
 *   current step) — the source of truth on the device until it has been synced;
 * - `outbox`: the one batch per visit that is on its way to the server, stored with its `syncKey` BEFORE it is
 *   sent, so a retry resends the same key and the server applies it exactly once.
 * Every record carries the id of the person who made it: another person signing in on the device never sees it.
 */

export type Draft = {
  /** `${ownerId}:${visitId}` */
  id: string;
  ownerId: string;
  visitId: string;
  schemaId: string;
  step: number;
  /** When the timer was first started. */
  startedAt: string | null;
  /** Time on the timer before `runningSince`. */
  elapsedMs: number;
  /** Set while the timer runs. */
  runningSince: string | null;
  notes: string;
  classSize: number | null;
  pupilNumbers: number[];
  /** Keyed `${itemKey}:${pupil}`. */
  answers: Record<string, Answer>;
  /** The observer pressed "Afslut besøget". */
  complete: boolean;
  /** Bumped at every change; `syncedRev` is the revision the server has. */
  rev: number;
  syncedRev: number;
  syncedAt: string | null;
  /** The last refusal from the server (kept until the next change or a new attempt). */
  error: { status: number; code: string; message: string } | null;
  updatedAt: string;
};

export type Batch = {
  /** Same key as the draft. */
  id: string;
  ownerId: string;
  visitId: string;
  rev: number;
  payload: RecordInput & { syncKey: string };
  createdAt: string;
};

export type StoredVisit = { id: string; ownerId: string; visit: VisitDetail; savedAt: string };

interface ObservationDb extends DBSchema {
  visits: { key: string; value: StoredVisit; indexes: { byOwner: string } };
  drafts: { key: string; value: Draft; indexes: { byOwner: string } };
  outbox: { key: string; value: Batch; indexes: { byOwner: string } };
}

const DB_NAME = 'amongi-observation';
let dbPromise: Promise<IDBPDatabase<ObservationDb>> | null = null;

export function db(): Promise<IDBPDatabase<ObservationDb>> {
  dbPromise ??= openDB<ObservationDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('visits', { keyPath: 'id' }).createIndex('byOwner', 'ownerId');
      d.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byOwner', 'ownerId');
      d.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byOwner', 'ownerId');
    },
  }).catch((err) => {
    dbPromise = null;
    throw err;
  });
  return dbPromise;
}

export const localKey = (ownerId: string, visitId: string) => `${ownerId}:${visitId}`;
export const answerKey = (itemKey: string, pupil: number) => `${itemKey}:${pupil}`;

/** Keeps the visit for offline use; a finished (completed or cancelled) visit is removed from the device instead. */
export async function saveVisit(ownerId: string, visit: VisitDetail): Promise<void> {
  if (visit.status === 'completed' || visit.status === 'cancelled') {
    await (await db()).delete('visits', localKey(ownerId, visit.id));
    return;
  }
  await (await db()).put('visits', {
    id: localKey(ownerId, visit.id),
    ownerId,
    visit,
    savedAt: new Date().toISOString(),
  });
}

export async function loadVisit(ownerId: string, visitId: string): Promise<VisitDetail | null> {
  return (await (await db()).get('visits', localKey(ownerId, visitId)))?.visit ?? null;
}

export async function loadDraft(ownerId: string, visitId: string): Promise<Draft | null> {
  return (await (await db()).get('drafts', localKey(ownerId, visitId))) ?? null;
}

/** Writes go one after another, so a later change can never be overtaken by an earlier one. */
let writes: Promise<unknown> = Promise.resolve();
export function saveDraft(draft: Draft): Promise<void> {
  const next = writes.then(async () => {
    await (await db()).put('drafts', draft);
  });
  writes = next.catch(() => undefined);
  return next;
}

export async function loadBatch(ownerId: string, visitId: string): Promise<Batch | null> {
  return (await (await db()).get('outbox', localKey(ownerId, visitId))) ?? null;
}

export async function saveBatch(batch: Batch): Promise<void> {
  await (await db()).put('outbox', batch);
}

export async function removeBatch(ownerId: string, visitId: string): Promise<void> {
  await (await db()).delete('outbox', localKey(ownerId, visitId));
}

/** Visits of this person with something the server does not have yet. */
export async function unsyncedVisitIds(ownerId: string): Promise<string[]> {
  const d = await db();
  const drafts = await d.getAllFromIndex('drafts', 'byOwner', ownerId);
  const batches = await d.getAllFromIndex('outbox', 'byOwner', ownerId);
  const ids = new Set(batches.map((b) => b.visitId));
  for (const dr of drafts) if (dr.rev > dr.syncedRev && !dr.error) ids.add(dr.visitId);
  return [...ids];
}

const syncedAndComplete = (d: Draft) => d.complete && d.rev <= d.syncedRev && !d.error;

/**
 * A completed visit the server has in full needs no copy on the device: on a shared school tablet the answers about
 * pupils must not stay. Removes the visit, its draft and its batch in one transaction, and only if the draft is
 * still complete and synced and no batch waits (a change made meanwhile keeps everything). Queued behind the draft
 * writes, so a change saved just before cannot be overtaken.
 */
export function forgetIfSynced(ownerId: string, visitId: string): Promise<boolean> {
  const next = writes.then(async () => {
    const key = localKey(ownerId, visitId);
    const tx = (await db()).transaction(['visits', 'drafts', 'outbox'], 'readwrite');
    const [draft, batch] = await Promise.all([
      tx.objectStore('drafts').get(key),
      tx.objectStore('outbox').get(key),
    ]);
    const forget = !!draft && !batch && syncedAndComplete(draft);
    if (forget)
      await Promise.all([
        tx.objectStore('visits').delete(key),
        tx.objectStore('drafts').delete(key),
        tx.objectStore('outbox').delete(key),
      ]);
    await tx.done;
    return forget;
  });
  writes = next.catch(() => undefined);
  return next;
}

/** Removes every completed and synced visit of this person from the device (also ones synced before this rule). */
export async function forgetSyncedVisits(ownerId: string): Promise<void> {
  const drafts = await (await db()).getAllFromIndex('drafts', 'byOwner', ownerId);
  for (const d of drafts) if (syncedAndComplete(d)) await forgetIfSynced(ownerId, d.visitId);
}
