import { and, asc, count, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import {
  commentReports,
  comments,
  communities,
  communityEvents,
  communityMembers,
  communityPosts,
} from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { users } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';
import { policyColumns } from '../videos/index.js';

/** The video fields the discussion needs: what the policy decides on, its length and title. */
export async function getVideo(db: DbOrTx, id: string) {
  const [v] = await db
    .select({
      ...policyColumns,
      durationSeconds: videos.durationSeconds,
      title: videos.title,
    })
    .from(videos)
    .where(eq(videos.id, id));
  return v;
}
export type DiscussionVideo = NonNullable<Awaited<ReturnType<typeof getVideo>>>;

/** A community post with its community and the reader's membership there: what the policy decides replies on. */
export async function getPost(db: DbOrTx, id: string, readerId: string) {
  const [p] = await db
    .select({
      id: communityPosts.id,
      authorId: communityPosts.authorId,
      kind: communityPosts.kind,
      body: communityPosts.body,
      eventTitle: communityEvents.title,
      communityId: communities.id,
      communityName: communities.name,
      access: communities.access,
      role: communityMembers.role,
      joinedAt: communityMembers.joinedAt,
    })
    .from(communityPosts)
    .innerJoin(communities, eq(communities.id, communityPosts.communityId))
    .leftJoin(communityEvents, eq(communityEvents.postId, communityPosts.id))
    .leftJoin(
      communityMembers,
      and(eq(communityMembers.communityId, communities.id), eq(communityMembers.userId, readerId)),
    )
    .where(eq(communityPosts.id, id));
  return p;
}
export type DiscussionPost = NonNullable<Awaited<ReturnType<typeof getPost>>>;

/** What a discussion hangs on: a video, or a community post. */
export type SubjectKey = { videoId: string; postId?: undefined } | { postId: string; videoId?: undefined };
const onSubject = (k: SubjectKey) =>
  k.videoId ? eq(comments.videoId, k.videoId) : eq(comments.postId, k.postId as string);

/** One boolean SQL expression, evaluated. */
export async function holds(db: DbOrTx, condition: SQL): Promise<boolean> {
  const res = await rows<{ ok: boolean }>(db, sql`select (${condition}) as ok`);
  return res[0]?.ok === true;
}

export async function getComment(db: DbOrTx, id: string) {
  const [c] = await db.select().from(comments).where(eq(comments.id, id));
  return c;
}

/** Comment columns for a thread, with the author's name, whether the reader reported it and its open reports. */
const threadColumns = (readerId: string) => ({
  id: comments.id,
  videoId: comments.videoId,
  parentId: comments.parentId,
  depth: comments.depth,
  body: comments.body,
  anchorSeconds: comments.anchorSeconds,
  authorId: comments.authorId,
  authorName: users.name,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
  hiddenAt: comments.hiddenAt,
  reportedByMe: readerId
    ? sql<boolean>`exists (select 1 from ${commentReports} r where r.comment_id = ${comments.id} and r.reporter_id = ${readerId})`
    : sql<boolean>`false`,
  openReports: sql<number>`(select count(*)::int from ${commentReports} r where r.comment_id = ${comments.id} and r.resolved_at is null)`,
});
export type ThreadRow = Awaited<ReturnType<typeof listReplies>>[number];

/** The cursor comment's place in the order: (created_at, id) compared as a row, at full precision. */
const cursorRow = (afterId: string) =>
  sql`(select c2.created_at, c2.id from ${comments} c2 where c2.id = ${afterId})`;

/**
 * Top-level comments of a video, a page at a time. A deleted comment stays only while it has replies.
 */
export async function listTopLevel(
  db: DbOrTx,
  subject: SubjectKey,
  readerId: string,
  page: { sort: 'newest' | 'oldest'; afterId?: string; limit: number },
) {
  const newest = page.sort === 'newest';
  const after = page.afterId
    ? newest
      ? sql`(${comments.createdAt}, ${comments.id}) < ${cursorRow(page.afterId)}`
      : sql`(${comments.createdAt}, ${comments.id}) > ${cursorRow(page.afterId)}`
    : undefined;
  return db
    .select(threadColumns(readerId))
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        onSubject(subject),
        isNull(comments.parentId),
        sql`(${comments.deletedAt} is null or exists (select 1 from ${comments} ch where ch.parent_id = ${comments.id}))`,
        after,
      ),
    )
    .orderBy(
      ...(newest
        ? [desc(comments.createdAt), desc(comments.id)]
        : [asc(comments.createdAt), asc(comments.id)]),
    )
    .limit(page.limit);
}

/** Every reply below the given comments (at any depth), oldest first: one recursive query for the ids, one for rows. */
export async function listReplies(db: DbOrTx, rootIds: string[], readerId: string) {
  if (rootIds.length === 0) return [];
  const tree = await rows<{ id: string }>(
    db,
    sql`
    with recursive tree(id) as (
      select c.id from ${comments} c where ${inArray(sql`c.parent_id`, rootIds)}
      union all
      select c.id from ${comments} c join tree on c.parent_id = tree.id
    )
    select id from tree`,
  );
  const ids = tree.map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .select(threadColumns(readerId))
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(inArray(comments.id, ids))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

/** Comments on the video or post that everyone can read (not deleted, not hidden). */
export async function countVisible(db: DbOrTx, subject: SubjectKey) {
  const [row] = await db
    .select({ n: count() })
    .from(comments)
    .where(and(onSubject(subject), isNull(comments.deletedAt), isNull(comments.hiddenAt)));
  return row.n;
}

export async function insertComment(db: DbOrTx, v: typeof comments.$inferInsert) {
  const [row] = await db.insert(comments).values(v).returning();
  return row;
}

export async function updateComment(
  db: DbOrTx,
  id: string,
  v: Partial<
    Pick<typeof comments.$inferInsert, 'body' | 'anchorSeconds' | 'editedAt' | 'hiddenAt' | 'hiddenBy'>
  >,
) {
  await db.update(comments).set(v).where(eq(comments.id, id));
}

export async function hasReplies(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: comments.id }).from(comments).where(eq(comments.parentId, id)).limit(1);
  return !!row;
}

/** Marks a comment deleted: its text is gone, its place stays for its replies. */
export async function softDelete(db: DbOrTx, id: string) {
  await db.update(comments).set({ deletedAt: new Date(), body: '' }).where(eq(comments.id, id));
}

export async function hardDelete(db: DbOrTx, id: string) {
  await db.delete(comments).where(eq(comments.id, id));
}

/** Records a report; false when this person already reported the comment. */
export async function insertReport(db: DbOrTx, v: { commentId: string; reporterId: string; reason: string }) {
  const rows = await db
    .insert(commentReports)
    .values(v)
    .onConflictDoNothing({ target: [commentReports.commentId, commentReports.reporterId] })
    .returning({ id: commentReports.id });
  return rows.length > 0;
}

export async function resolveReports(db: DbOrTx, commentId: string, by: string) {
  await db
    .update(commentReports)
    .set({ resolvedAt: new Date(), resolvedBy: by })
    .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)));
}

/**
 * The moderation queue: comments with open reports that `moderated` lets the reader moderate, oldest first,
 * with the reasons (never the reporters' names).
 */
export async function listReportQueue(db: DbOrTx, moderated: SQL, page: { afterId?: string; limit: number }) {
  return db
    .select({
      id: comments.id,
      videoId: videos.id,
      videoTitle: videos.title,
      postId: communityPosts.id,
      communityId: communities.id,
      communityName: communities.name,
      parentId: comments.parentId,
      body: comments.body,
      anchorSeconds: comments.anchorSeconds,
      authorName: users.name,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      hiddenAt: comments.hiddenAt,
      reports: sql<{ reason: string; createdAt: string }[]>`(
        select json_agg(json_build_object('reason', r.reason, 'createdAt', r.created_at) order by r.created_at)
        from ${commentReports} r where r.comment_id = ${comments.id} and r.resolved_at is null)`,
    })
    .from(comments)
    .leftJoin(videos, eq(videos.id, comments.videoId))
    .leftJoin(communityPosts, eq(communityPosts.id, comments.postId))
    .leftJoin(communities, eq(communities.id, communityPosts.communityId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        moderated,
        sql`exists (select 1 from ${commentReports} r where r.comment_id = ${comments.id} and r.resolved_at is null)`,
        page.afterId ? sql`(${comments.createdAt}, ${comments.id}) > ${cursorRow(page.afterId)}` : undefined,
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(page.limit);
}

/** Open reports the reader may act on (the number on the moderation link). */
export async function countOpenReports(db: DbOrTx, moderated: SQL) {
  const [row] = await db
    .select({ n: count() })
    .from(comments)
    .leftJoin(videos, eq(videos.id, comments.videoId))
    .where(
      and(
        moderated,
        sql`exists (select 1 from ${commentReports} r where r.comment_id = ${comments.id} and r.resolved_at is null)`,
      ),
    );
  return row.n;
}

/** People matching `where` (visible to the author and able to watch the video), by name, for @mentions. */
export async function listMentionable(
  db: DbOrTx,
  where: SQL,
  opts: { q?: string; exclude: string; limit: number },
) {
  const filters: (SQL | undefined)[] = [where, ne(users.status, 'disabled'), ne(users.id, opts.exclude)];
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    filters.push(sql`lower(${users.name}) like ${like}`);
  }
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(...filters))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(opts.limit);
}

/** Of the given people, those matching `where` (one query). */
export async function filterPeople(db: DbOrTx, ids: string[], where: SQL) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), where, ne(users.status, 'disabled')));
  return rows.map((r) => r.id);
}
