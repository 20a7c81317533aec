import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { CommunityPostKind } from '../../../shared/catalogue.js';
import { comments, communityEvents, communityPosts } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { users } from '../../db/schema.js';

const postColumns = {
  id: communityPosts.id,
  communityId: communityPosts.communityId,
  kind: communityPosts.kind,
  body: communityPosts.body,
  url: communityPosts.url,
  fileKey: communityPosts.fileKey,
  fileName: communityPosts.fileName,
  fileType: communityPosts.fileType,
  fileSize: communityPosts.fileSize,
  authorId: communityPosts.authorId,
  authorName: users.name,
  createdAt: communityPosts.createdAt,
  title: communityEvents.title,
  startsAt: communityEvents.startsAt,
  endsAt: communityEvents.endsAt,
  place: communityEvents.place,
  onlineUrl: communityEvents.onlineUrl,
  replyCount: sql<number>`(select count(*)::int from ${comments} rc
    where rc.post_id = ${communityPosts.id} and rc.deleted_at is null and rc.hidden_at is null)`,
};

const selectPosts = (db: DbOrTx) =>
  db
    .select(postColumns)
    .from(communityPosts)
    .innerJoin(users, eq(users.id, communityPosts.authorId))
    .leftJoin(communityEvents, eq(communityEvents.postId, communityPosts.id));

export async function getPost(db: DbOrTx, id: string) {
  const [row] = await selectPosts(db).where(eq(communityPosts.id, id));
  return row;
}
export type PostRow = NonNullable<Awaited<ReturnType<typeof getPost>>>;

/** The community's events that have not ended, soonest first. */
export async function upcomingEvents(db: DbOrTx, communityId: string, now: Date, limit: number) {
  return selectPosts(db)
    .where(and(eq(communityPosts.communityId, communityId), gte(communityEvents.endsAt, now)))
    .orderBy(asc(communityEvents.startsAt), desc(communityPosts.id))
    .limit(limit);
}

export async function insertPost(
  db: DbOrTx,
  v: {
    communityId: string;
    authorId: string;
    kind: CommunityPostKind;
    body: string;
    url?: string | null;
    fileKey?: string;
    fileName?: string;
    fileType?: string;
    fileSize?: number;
  },
) {
  const [row] = await db.insert(communityPosts).values(v).returning({ id: communityPosts.id });
  return row.id;
}

export async function insertEvent(db: DbOrTx, v: typeof communityEvents.$inferInsert) {
  await db.insert(communityEvents).values(v);
}

export async function deletePost(db: DbOrTx, id: string) {
  await db.delete(communityPosts).where(eq(communityPosts.id, id));
}
