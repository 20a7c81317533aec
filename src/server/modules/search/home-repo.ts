import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { collections, collectionVideos, videoSignals } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { videos } from '../../db/videos-schema.js';
import { type SummaryRow, summaryColumns, summaryJoins, videoSummaries } from './summary.js';

type Summarize = (ids: string[]) => Promise<SummaryRow[]>;

/** The newest finished videos in scope (chosen on the videos table alone, then made into summaries). */
export async function newestVideos(
  db: DbOrTx,
  scope: SQL,
  limit: number,
  /** Summaries of the chosen ids (in scope); by default read afresh, in scope. */
  summarize: Summarize = (ids) => videoSummaries(db, scope, ids),
) {
  const page = await db
    .select({ id: videos.id })
    .from(videos)
    .where(scope)
    .orderBy(desc(videos.readyAt), desc(videos.id))
    .limit(limit);
  return summarize(page.map((p) => p.id));
}

/** The communities the person has joined (not only been invited to). */
export async function joinedCommunityCount(db: DbOrTx, userId: string): Promise<number> {
  const res = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from community_members where user_id = ${userId} and joined_at is not null`,
  );
  return Number(res[0]?.n ?? 0);
}

/**
 * Popular videos in scope: views plus three times the "tried" signals of the last 30 days, then all-time
 * tried and views. With `communityOf` only videos shared into a community that person has joined.
 */
export async function popularVideos(
  db: DbOrTx,
  scope: SQL,
  limit: number,
  communityOf?: string,
  summarize: Summarize = (ids) => videoSummaries(db, scope, ids),
) {
  const recent = sql`(
    select a.video_id, sum(a.n)::int as score from (
      select video_id, count(*) as n from video_views where started_at > now() - interval '30 days' group by video_id
      union all
      select video_id, 3 * count(*) from video_signals where tried_at > now() - interval '30 days' group by video_id
    ) a group by a.video_id) as recent`;
  const inCommunities = communityOf
    ? sql`exists (select 1 from community_videos cv join community_members cm on cm.community_id = cv.community_id
        where cv.video_id = ${videos.id} and cm.user_id = ${communityOf} and cm.joined_at is not null)`
    : undefined;
  const page = await db
    .select({ id: videos.id })
    .from(videos)
    .leftJoin(recent, sql`recent.video_id = ${videos.id}`)
    .where(and(scope, inCommunities))
    .orderBy(
      desc(sql`coalesce(recent.score, 0)`),
      desc(videos.triedCount),
      desc(videos.viewCount),
      desc(videos.readyAt),
      desc(videos.id),
    )
    .limit(limit);
  return summarize(page.map((p) => p.id));
}

/**
 * Curated collections with their videos in scope, in the editors' order: at most `perCollection` videos each,
 * from the first `maxCollections` collections that have any. One query.
 */
export async function collectionRows(db: DbOrTx, scope: SQL, maxCollections: number, perCollection: number) {
  const rows = await db
    .select({
      ...summaryColumns,
      collectionId: collections.id,
      collectionTitle: collections.title,
      collectionDescription: collections.description,
      place: sql<number>`row_number() over (partition by ${collections.id} order by ${collectionVideos.position}, ${videos.id})`,
      collectionRank: sql<number>`dense_rank() over (order by ${collections.position}, ${collections.createdAt}, ${collections.id})`,
    })
    .from(collections)
    .innerJoin(collectionVideos, eq(collectionVideos.collectionId, collections.id))
    .innerJoin(videos, eq(videos.id, collectionVideos.videoId))
    .innerJoin(...summaryJoins.owner)
    .innerJoin(...summaryJoins.institution)
    .where(scope)
    .orderBy(
      asc(collections.position),
      asc(collections.createdAt),
      asc(collections.id),
      asc(collectionVideos.position),
    );
  return rows.filter((r) => Number(r.place) <= perCollection && Number(r.collectionRank) <= maxCollections);
}

/** The person's own most recently tried videos that are still in scope. */
export function recentlyTried(db: DbOrTx, scope: SQL, userId: string, limit: number) {
  return db
    .select(summaryColumns)
    .from(videoSignals)
    .innerJoin(videos, eq(videos.id, videoSignals.videoId))
    .innerJoin(...summaryJoins.owner)
    .innerJoin(...summaryJoins.institution)
    .where(and(scope, eq(videoSignals.userId, userId)))
    .orderBy(desc(videoSignals.triedAt))
    .limit(limit);
}
