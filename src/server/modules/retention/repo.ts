import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { RetentionKind } from '../../../shared/retention.js';
import type { DbOrTx } from '../../db/index.js';
import { retentionRemovedOriginals, retentionRuns, retentionSettings } from '../../db/retention-schema.js';
import { rows } from '../../db/rows.js';

/*
 * Retention's SQL: per kind, which rows are due before a cutoff (`due`), their oldest (`oldest`), and claiming a
 * batch of them for deletion in the caller's transaction (`claim`: `for update skip locked`, so two workers never
 * take the same row, and a row another transaction holds waits for the next run).
 */

type Due = { id: SQL; from: SQL; where: (cutoff: Date) => SQL; at: SQL; note: SQL; lock: SQL };

const DUE: Record<RetentionKind, Due> = {
  outbox: {
    id: sql`o.id`,
    from: sql`outbox_emails o`,
    where: (c) => sql`o.status <> 'pending' and o.created_at < ${c}`,
    at: sql`o.created_at`,
    note: sql`o.status`,
    lock: sql`of o`,
  },
  audit: {
    id: sql`a.id`,
    from: sql`audit_log a`,
    where: (c) => sql`a.created_at < ${c}`,
    at: sql`a.created_at`,
    note: sql`a.action`,
    lock: sql`of a`,
  },
  data_exports: {
    id: sql`e.id`,
    from: sql`data_exports e`,
    where: (c) => sql`e.expires_at < ${c}`,
    at: sql`e.expires_at`,
    note: sql`coalesce(e.size_bytes, 0)::text`,
    lock: sql`of e`,
  },
  consent_withdrawn_videos: {
    id: sql`v.id`,
    from: sql`videos v join video_consents c on c.video_id = v.id`,
    where: (cut) => sql`c.withdrawn_at < ${cut}`,
    at: sql`c.withdrawn_at`,
    note: sql`v.visibility`,
    lock: sql`of v`,
  },
  // A ready upload's original, after transcoding; a video still processing (or a clip being cut) keeps it.
  originals: {
    id: sql`v.id`,
    from: sql`videos v`,
    where: (c) => sql`v.status = 'ready' and v.ready_at < ${c}
      and not exists (select 1 from retention_removed_originals r where r.video_id = v.id)`,
    at: sql`v.ready_at`,
    note: sql`v.original_size::text`,
    lock: sql`of v`,
  },
  deactivated_accounts: {
    id: sql`u.id`,
    from: sql`users u`,
    where: (c) => sql`u.status = 'disabled' and u.disabled_at < ${c}`,
    at: sql`u.disabled_at`,
    note: sql`''`,
    lock: sql`of u`,
  },
};

export async function countDue(db: DbOrTx, kind: RetentionKind, cutoff: Date): Promise<number> {
  const d = DUE[kind];
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${d.from} where ${d.where(cutoff)}`,
  );
  return r?.n ?? 0;
}

export async function oldestDue(db: DbOrTx, kind: RetentionKind, cutoff: Date, n: number) {
  const d = DUE[kind];
  return rows<{ at: Date | string; note: string }>(
    db,
    sql`select ${d.at} as at, ${d.note} as note from ${d.from} where ${d.where(cutoff)} order by ${d.at} limit ${n}`,
  );
}

/** Locks up to `n` due rows (oldest first), skipping rows another transaction holds; their ids. */
export async function claim(tx: DbOrTx, kind: RetentionKind, cutoff: Date, n: number): Promise<string[]> {
  const d = DUE[kind];
  const found = await rows<{ id: string }>(
    tx,
    sql`select ${d.id} as id from ${d.from} where ${d.where(cutoff)} order by ${d.at} limit ${n} for update ${d.lock} skip locked`,
  );
  return found.map((r) => r.id);
}

// ── Deleting what was claimed ──

/** Claims and deletes up to `n` due rows of a kind that is only rows (outbox, audit) in one statement; how many. */
export async function deleteDue(
  tx: DbOrTx,
  kind: 'outbox' | 'audit',
  cutoff: Date,
  n: number,
): Promise<number> {
  const d = DUE[kind];
  const table = kind === 'outbox' ? sql`outbox_emails` : sql`audit_log`;
  const gone = await rows<{ id: string }>(
    tx,
    sql`delete from ${table} where id in (select ${d.id} from ${d.from} where ${d.where(cutoff)}
          order by ${d.at} limit ${n} for update ${d.lock} skip locked) returning id`,
  );
  return gone.length;
}

/** The claimed exports' stored files (to delete first), then the rows. */
export async function exportFiles(tx: DbOrTx, ids: string[]) {
  const r = await rows<{ key: string | null }>(
    tx,
    sql`select storage_key as key from data_exports where id in ${ids}`,
  );
  return r.flatMap((x) => (x.key ? [x.key] : []));
}
export async function deleteExports(tx: DbOrTx, ids: string[]) {
  await tx.execute(sql`delete from data_exports where id in ${ids}`);
}
/** What the audit entry of a deleted recording keeps: its owner (so it shows in the owner's own log). */
export async function videoOwners(tx: DbOrTx, ids: string[]) {
  return rows<{ id: string; ownerId: string }>(
    tx,
    sql`select id, owner_id as "ownerId" from videos where id in ${ids}`,
  );
}
export async function deleteVideos(tx: DbOrTx, ids: string[]) {
  await tx.execute(sql`delete from videos where id in ${ids}`);
}
export async function markOriginalsRemoved(tx: DbOrTx, ids: string[]) {
  await tx
    .insert(retentionRemovedOriginals)
    .values(ids.map((videoId) => ({ videoId })))
    .onConflictDoNothing();
}

// ── Settings and runs ──

export async function settings(db: DbOrTx) {
  return db.select().from(retentionSettings);
}

export async function setDays(db: DbOrTx, kind: RetentionKind, days: number | null, by: string) {
  await db
    .insert(retentionSettings)
    .values({ kind, days, updatedBy: by })
    .onConflictDoUpdate({
      target: retentionSettings.kind,
      set: { days, updatedBy: by, updatedAt: sql`now()` },
    });
}

export async function startRun(db: DbOrTx, kind: RetentionKind, days: number, at: Date) {
  const [r] = await db
    .insert(retentionRuns)
    .values({ kind, days, startedAt: at })
    .returning({ id: retentionRuns.id });
  return r.id;
}

export async function progressRun(db: DbOrTx, id: string, removed: number, batches: number) {
  await db.update(retentionRuns).set({ removed, batches }).where(eq(retentionRuns.id, id));
}

export async function finishRun(db: DbOrTx, id: string, status: 'done' | 'failed', error: string | null) {
  await db
    .update(retentionRuns)
    .set({ status, error, finishedAt: sql`now()` })
    .where(eq(retentionRuns.id, id));
}

export async function recentRuns(db: DbOrTx, limit: number) {
  return db.select().from(retentionRuns).orderBy(desc(retentionRuns.startedAt)).limit(limit);
}

/** Runs nothing was removed in, older than a day, and any run older than a year: the runs table stays small. */
export async function pruneRuns(db: DbOrTx, now: Date) {
  await db.execute(sql`delete from retention_runs where (removed = 0 and status = 'done'
    and started_at < ${now}::timestamptz - interval '1 day') or started_at < ${now}::timestamptz - interval '365 days'`);
}

export async function expiredSessions(db: DbOrTx, now: Date) {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from sessions where expires_at < ${now}`,
  );
  return r?.n ?? 0;
}

export async function anyDue(db: DbOrTx, kind: RetentionKind, cutoff: Date): Promise<boolean> {
  const d = DUE[kind];
  return (await rows(db, sql`select 1 from ${d.from} where ${d.where(cutoff)} limit 1`)).length > 0;
}
