import { and, asc, desc, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import { INSTITUTION_ROLES } from '../../../shared/constants.js';
import { videoGrants } from '../../db/coaching-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { institutions, roleGrants, users } from '../../db/schema.js';
import { videos } from '../../db/videos-schema.js';

/** Personal shares (issue 19, V10). An expired row is no grant anywhere (policy rules and SQL compare with now()). */

/** The person's id, qualified (drizzle writes a bare "id" when one table is selected, ambiguous in a subquery). */
const userId = sql.raw('"users"."id"');

const unexpired = or(isNull(videoGrants.expiresAt), gt(videoGrants.expiresAt, sql`now()`));

/** The institutions in `kommuneId` where the person holds a staff role, by name. */
const staffPlaces = (kommuneId: string) => sql<string[]>`array(
  select distinct i.name from ${roleGrants} rg join ${institutions} i on i.id = rg.institution_id
  where rg.user_id = ${userId} and i.kommune_id = ${kommuneId}
    and rg.role in (${sql.join(
      INSTITUTION_ROLES.map((r) => sql`${r}`),
      sql`, `,
    )}) order by i.name)`;

/** The video's unexpired grants, newest first, with the person's name and their places in the kommune. */
export async function listGrants(db: DbOrTx, videoId: string, kommuneId: string) {
  return db
    .select({
      id: videoGrants.id,
      personId: users.id,
      name: users.name,
      institutions: staffPlaces(kommuneId),
      createdAt: videoGrants.createdAt,
      expiresAt: videoGrants.expiresAt,
    })
    .from(videoGrants)
    .innerJoin(users, eq(users.id, videoGrants.granteeId))
    .where(and(eq(videoGrants.videoId, videoId), unexpired))
    .orderBy(desc(videoGrants.createdAt), asc(users.name));
}

/** How many unexpired grants the video has, besides `except` (locks the video row: call in a transaction). */
export async function countGrants(tx: DbOrTx, videoId: string, except: string) {
  await tx.select({ id: videos.id }).from(videos).where(eq(videos.id, videoId)).for('update');
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(videoGrants)
    .where(and(eq(videoGrants.videoId, videoId), unexpired, sql`${videoGrants.granteeId} <> ${except}`));
  return r?.n ?? 0;
}

/** A person as a share decides on them: account state and whether they are staff in `kommuneId` or elsewhere. */
export async function personForGrant(db: DbOrTx, personId: string, kommuneId: string) {
  const [p] = await db
    .select({
      id: users.id,
      name: users.name,
      status: users.status,
      staffHere: sql<boolean>`exists (select 1 from ${roleGrants} rg join ${institutions} i on i.id = rg.institution_id
        where rg.user_id = ${userId} and i.kommune_id = ${kommuneId}
          and rg.role in (${sql.join(
            INSTITUTION_ROLES.map((r) => sql`${r}`),
            sql`, `,
          )}))`,
      inKommune: sql<boolean>`exists (select 1 from ${roleGrants} rg left join ${institutions} i on i.id = rg.institution_id
        where rg.user_id = ${userId} and coalesce(i.kommune_id, rg.kommune_id) = ${kommuneId})`,
      anyRole: sql<boolean>`exists (select 1 from ${roleGrants} rg where rg.user_id = ${userId})`,
    })
    .from(users)
    .where(eq(users.id, personId));
  return p;
}

/** Grants (or renews, with a new end) the share; returns the row. */
export async function upsertGrant(
  tx: DbOrTx,
  g: { videoId: string; granteeId: string; grantedBy: string; expiresAt: Date | null },
) {
  const [row] = await tx
    .insert(videoGrants)
    .values(g)
    .onConflictDoUpdate({
      target: [videoGrants.videoId, videoGrants.granteeId],
      set: { expiresAt: g.expiresAt, grantedBy: g.grantedBy, createdAt: sql`now()` },
    })
    .returning();
  return row;
}

/** Takes one share back; the grantee's id when there was one. */
export async function deleteGrant(tx: DbOrTx, videoId: string, grantId: string) {
  const [row] = await tx
    .delete(videoGrants)
    .where(and(eq(videoGrants.videoId, videoId), eq(videoGrants.id, grantId)))
    .returning({ granteeId: videoGrants.granteeId, expiresAt: videoGrants.expiresAt });
  return row;
}

/** Deletes up to `limit` shares whose end has passed (oldest first; rows another worker holds are skipped). */
export async function deleteExpiredGrants(tx: DbOrTx, limit: number) {
  return tx
    .delete(videoGrants)
    .where(
      sql`${videoGrants.id} in (select id from ${videoGrants} where ${videoGrants.expiresAt} <= now()
        order by ${videoGrants.expiresAt} limit ${limit} for update skip locked)`,
    )
    .returning({ id: videoGrants.id, videoId: videoGrants.videoId, granteeId: videoGrants.granteeId });
}

/** Ends every share of the video (consent no longer allows showing it beyond the owner); how many were live. */
export async function deleteAllGrants(tx: DbOrTx, videoId: string) {
  const rows = await tx
    .delete(videoGrants)
    .where(eq(videoGrants.videoId, videoId))
    .returning({ expiresAt: videoGrants.expiresAt });
  const now = Date.now();
  return rows.filter((r) => r.expiresAt === null || r.expiresAt.getTime() > now).length;
}

/** When the person's unexpired grant on the video ends: a Date, null (no end), or undefined (no grant). */
export async function grantEnd(db: DbOrTx, videoId: string, granteeId: string) {
  const [row] = await db
    .select({ expiresAt: videoGrants.expiresAt })
    .from(videoGrants)
    .where(and(eq(videoGrants.videoId, videoId), eq(videoGrants.granteeId, granteeId), unexpired));
  return row ? row.expiresAt : undefined;
}

/** Active staff in the kommune the owner can share with (not the owner), by name; `q` filters on name. */
export async function candidates(db: DbOrTx, kommuneId: string, ownerId: string, q: string, limit = 20) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: users.id, name: users.name, institutions: staffPlaces(kommuneId) })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        sql`${users.id} <> ${ownerId}`,
        q ? ilike(users.name, like) : undefined,
        sql`exists (select 1 from ${roleGrants} rg join ${institutions} i on i.id = rg.institution_id
          where rg.user_id = ${userId} and i.kommune_id = ${kommuneId}
            and rg.role in (${sql.join(
              INSTITUTION_ROLES.map((r) => sql`${r}`),
              sql`, `,
            )}))`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit);
}

/** The ready videos shared with the person by an unexpired grant (not their own), newest share first. */
export async function sharedWith(db: DbOrTx, granteeId: string) {
  return db
    .select({
      videoId: videos.id,
      title: videos.title,
      ownerId: videos.ownerId,
      ownerName: users.name,
      sharedAt: videoGrants.createdAt,
      expiresAt: videoGrants.expiresAt,
      status: videos.status,
      durationSeconds: videos.durationSeconds,
      accessVersion: videos.accessVersion,
      media: videos.media,
    })
    .from(videoGrants)
    .innerJoin(videos, eq(videos.id, videoGrants.videoId))
    .innerJoin(users, eq(users.id, videos.ownerId))
    .where(
      and(
        eq(videoGrants.granteeId, granteeId),
        unexpired,
        eq(videos.status, 'ready'),
        sql`${videos.ownerId} <> ${granteeId}`,
      ),
    )
    .orderBy(desc(videoGrants.createdAt), desc(videos.id))
    .limit(500);
}

/** Whether the owner allows people who may watch to download the recording. */
export async function downloadAllowed(db: DbOrTx, videoId: string) {
  const [row] = await db
    .select({ allowed: videos.downloadAllowed })
    .from(videos)
    .where(eq(videos.id, videoId));
  return row?.allowed ?? false;
}

export async function setDownloadAllowed(tx: DbOrTx, videoId: string, allowed: boolean) {
  await tx
    .update(videos)
    .set({ downloadAllowed: allowed, updatedAt: sql`now()` })
    .where(eq(videos.id, videoId));
}
