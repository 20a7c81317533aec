import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import { videoNotes, videoSignals, videoViews } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { users } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';
import { policyColumns } from '../videos/index.js';

/** What the policy needs of a video, and its counters. `lock` holds the row until the transaction ends. */
export async function videoForEngagement(db: DbOrTx, id: string, lock = false) {
  const q = db
    .select({
      ...policyColumns,
      triedCount: videos.triedCount,
      workedCount: videos.workedCount,
    })
    .from(videos)
    .where(eq(videos.id, id));
  const [v] = lock ? await q.for('update') : await q;
  return v;
}

// ── Private notes: keyed by (video, author); nothing else ever reads them. ──

export async function getNote(db: DbOrTx, videoId: string, userId: string) {
  const [n] = await db
    .select({ body: videoNotes.body, updatedAt: videoNotes.updatedAt })
    .from(videoNotes)
    .where(and(eq(videoNotes.videoId, videoId), eq(videoNotes.userId, userId)));
  return n;
}

export async function putNote(db: DbOrTx, videoId: string, userId: string, body: string) {
  const [n] = await db
    .insert(videoNotes)
    .values({ videoId, userId, body })
    .onConflictDoUpdate({
      target: [videoNotes.videoId, videoNotes.userId],
      set: { body, updatedAt: sql`now()` },
    })
    .returning({ body: videoNotes.body, updatedAt: videoNotes.updatedAt });
  return n;
}

export async function deleteNote(db: DbOrTx, videoId: string, userId: string) {
  await db.delete(videoNotes).where(and(eq(videoNotes.videoId, videoId), eq(videoNotes.userId, userId)));
}

// ── Signals: "Jeg har afprøvet det" / "Det virkede" with an optional reflection. ──

export async function getSignal(db: DbOrTx, videoId: string, userId: string) {
  const [s] = await db
    .select({
      worked: videoSignals.worked,
      reflection: videoSignals.reflection,
      reflectionShared: videoSignals.reflectionShared,
      triedAt: videoSignals.triedAt,
    })
    .from(videoSignals)
    .where(and(eq(videoSignals.videoId, videoId), eq(videoSignals.userId, userId)));
  return s;
}

/** Sets the person's signal; reflection fields left undefined keep their stored value. */
export async function upsertSignal(
  db: DbOrTx,
  videoId: string,
  userId: string,
  s: { worked: boolean; reflection?: string | null; reflectionShared?: boolean },
) {
  const optional = {
    ...(s.reflection !== undefined ? { reflection: s.reflection } : {}),
    ...(s.reflectionShared !== undefined ? { reflectionShared: s.reflectionShared } : {}),
  };
  await db
    .insert(videoSignals)
    .values({ videoId, userId, worked: s.worked, ...optional })
    .onConflictDoUpdate({
      target: [videoSignals.videoId, videoSignals.userId],
      set: { worked: s.worked, ...optional, updatedAt: sql`now()` },
    });
}

export async function deleteSignal(db: DbOrTx, videoId: string, userId: string) {
  await db
    .delete(videoSignals)
    .where(and(eq(videoSignals.videoId, videoId), eq(videoSignals.userId, userId)));
}

/**
 * Counts the video's signals again and stores the counters. Run in the transaction that changed a signal,
 * after locking the video row (videoForEngagement with lock): concurrent changes then queue on that lock, and
 * each recount starts after the previous transaction committed, so it sees every signal.
 */
export async function recountSignals(db: DbOrTx, videoId: string) {
  const [c] = await db
    .update(videos)
    .set({
      triedCount: sql`(select count(*) from ${videoSignals} s where s.video_id = ${videos.id})::int`,
      workedCount: sql`(select count(*) from ${videoSignals} s where s.video_id = ${videos.id} and s.worked)::int`,
    })
    .where(eq(videos.id, videoId))
    .returning({ tried: videos.triedCount, worked: videos.workedCount });
  return c;
}

/** Shared reflections on a video, newest first, `limit` rows after the cursor (updatedAt, userId). */
export async function sharedReflections(
  db: DbOrTx,
  videoId: string,
  page: { limit: number; after?: { at: Date; id: string } },
) {
  const after: SQL | undefined = page.after
    ? or(
        lt(videoSignals.updatedAt, page.after.at),
        and(eq(videoSignals.updatedAt, page.after.at), lt(videoSignals.userId, page.after.id)),
      )
    : undefined;
  return db
    .select({
      authorId: videoSignals.userId,
      authorName: users.name,
      reflection: sql<string>`${videoSignals.reflection}`,
      at: videoSignals.updatedAt,
    })
    .from(videoSignals)
    .innerJoin(users, eq(users.id, videoSignals.userId))
    .where(
      and(
        eq(videoSignals.videoId, videoId),
        eq(videoSignals.reflectionShared, true),
        sql`${videoSignals.reflection} is not null`,
        after,
      ),
    )
    .orderBy(desc(videoSignals.updatedAt), desc(videoSignals.userId))
    .limit(page.limit);
}

// ── Views: one statement each. ──

/**
 * Starts a view of a video the person may see (`visible`: the policy's SQL form over videos) and counts it on
 * the video, in one statement. Undefined when the video is not there for them.
 */
export async function startView(db: DbOrTx, videoId: string, userId: string, visible: SQL) {
  const res = await rows<{ id: string }>(
    db,
    sql`
    with v as (select ${videos.id} as id from ${videos} where ${videos.id} = ${videoId}::uuid and ${visible}),
    ins as (
      insert into ${videoViews} (video_id, user_id) select id, ${userId}::uuid from v returning id, video_id
    ),
    counted as (
      update ${videos} set view_count = view_count + 1 from ins where ${videos.id} = ins.video_id returning 1
    )
    select id from ins`,
  );
  return res[0]?.id as string | undefined;
}

/**
 * Records how far the person's own view got (never less than before, never more than the video is long);
 * completed once 90 % of the duration was watched. Undefined when the view is not theirs or not there.
 */
export async function updateView(
  db: DbOrTx,
  videoId: string,
  viewId: string,
  userId: string,
  watchedSeconds: number,
) {
  const res = await rows<{ watchedSeconds: number; completed: boolean }>(
    db,
    sql`
    update ${videoViews} vv set
      watched_seconds = greatest(vv.watched_seconds, least(${watchedSeconds}::real, coalesce(v.duration_seconds, ${watchedSeconds}::real))),
      completed = vv.completed or (v.duration_seconds > 0 and ${watchedSeconds}::real >= 0.9 * v.duration_seconds)
    from ${videos} v
    where vv.id = ${viewId}::uuid and vv.video_id = ${videoId}::uuid and vv.user_id = ${userId}::uuid and v.id = vv.video_id
    returning vv.watched_seconds as "watchedSeconds", vv.completed`,
  );
  return res[0];
}
