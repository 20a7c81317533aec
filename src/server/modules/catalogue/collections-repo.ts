import { and, asc, count, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import { collections, collectionVideos } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';

export type CollectionRow = { id: string; title: string; description: string; position: number };

const columns = {
  id: collections.id,
  title: collections.title,
  description: collections.description,
  position: collections.position,
};

/** Collections in their order (positions, then age), at most `limit`. */
export async function listCollections(db: DbOrTx, limit: number): Promise<CollectionRow[]> {
  return db
    .select(columns)
    .from(collections)
    .orderBy(asc(collections.position), asc(collections.createdAt), asc(collections.id))
    .limit(limit);
}

export async function getCollection(db: DbOrTx, id: string): Promise<CollectionRow | undefined> {
  const [c] = await db.select(columns).from(collections).where(eq(collections.id, id));
  return c;
}

/** The links of the collections, in order within each. */
export async function links(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ collectionId: collectionVideos.collectionId, videoId: collectionVideos.videoId })
    .from(collectionVideos)
    .where(inArray(collectionVideos.collectionId, ids))
    .orderBy(
      asc(collectionVideos.collectionId),
      asc(collectionVideos.position),
      asc(collectionVideos.videoId),
    );
}

export async function insertCollection(
  db: DbOrTx,
  v: { title: string; description: string; createdBy: string },
) {
  const [last] = await db.select({ p: max(collections.position) }).from(collections);
  const [c] = await db
    .insert(collections)
    .values({ ...v, position: (last?.p ?? -1) + 1 })
    .returning({ id: collections.id });
  return c.id;
}

export async function updateCollection(db: DbOrTx, id: string, v: { title?: string; description?: string }) {
  await db.update(collections).set(v).where(eq(collections.id, id));
}

export async function deleteCollection(db: DbOrTx, id: string) {
  await db.delete(collections).where(eq(collections.id, id));
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
const positions = (column: SQL, ids: string[]) =>
  sql`case ${column} ${sql.join(
    ids.map((id, i) => sql`when ${id}::uuid then ${i}::int`),
    sql` `,
  )} end`;

/** Gives each collection its index in `ids` as position, in one statement. */
export async function orderCollections(db: DbOrTx, ids: string[]) {
  if (!ids.length) return;
  await db.execute(
    sql`update collections set position = ${positions(sql`id`, ids)} where id in (${uuidList(ids)})`,
  );
}

/**
 * Gives each video of the collection its index in `videoIds` as position, in one statement; videos not named
 * (ones the editor cannot see) keep their relative order after them.
 */
export async function orderVideos(db: DbOrTx, collectionId: string, videoIds: string[]) {
  if (!videoIds.length) return;
  const named = sql.join(
    videoIds.map((id, i) => sql`when ${id}::uuid then ${i}::int`),
    sql` `,
  );
  await db.execute(
    sql`update collection_videos set position = case video_id ${named} else ${videoIds.length}::int + position end
        where collection_id = ${collectionId}`,
  );
}

/** Ids of every collection (to check a new order names each exactly once). */
export async function collectionIds(db: DbOrTx) {
  const rows = await db.select({ id: collections.id }).from(collections);
  return rows.map((r) => r.id);
}

export async function videoCount(db: DbOrTx, collectionId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(collectionVideos)
    .where(eq(collectionVideos.collectionId, collectionId));
  return r.n;
}

/** Appends the video to the collection; false when it was already there. */
export async function addVideo(db: DbOrTx, collectionId: string, videoId: string) {
  const [last] = await db
    .select({ p: max(collectionVideos.position) })
    .from(collectionVideos)
    .where(eq(collectionVideos.collectionId, collectionId));
  const rows = await db
    .insert(collectionVideos)
    .values({ collectionId, videoId, position: (last?.p ?? -1) + 1 })
    .onConflictDoNothing()
    .returning({ videoId: collectionVideos.videoId });
  return rows.length > 0;
}

export async function removeVideo(db: DbOrTx, collectionId: string, videoId: string) {
  const rows = await db
    .delete(collectionVideos)
    .where(and(eq(collectionVideos.collectionId, collectionId), eq(collectionVideos.videoId, videoId)))
    .returning({ videoId: collectionVideos.videoId });
  return rows.length > 0;
}

export async function videoIdsOf(db: DbOrTx, collectionId: string) {
  const rows = await db
    .select({ videoId: collectionVideos.videoId })
    .from(collectionVideos)
    .where(eq(collectionVideos.collectionId, collectionId));
  return rows.map((r) => r.videoId);
}
