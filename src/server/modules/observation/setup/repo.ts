import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import {
  observationGuideReads,
  observationGuides,
  observationObservers,
  observationSchemas,
} from '../../../db/observation-schema.js';
import { institutions, kommuner, roleGrants, users } from '../../../db/schema.js';

/** SQL for the visit guide, delegated observers and "me" (no rules: the services authorize first). */

/** At most this many delegated observers are listed (an institution has far fewer). */
export const OBSERVERS_MAX = 500;

export async function findGuide(db: DbOrTx, institutionId: string, userId: string) {
  const g = observationGuides;
  const [row] = await db
    .select({
      body: g.body,
      publishedAt: g.publishedAt,
      updatedAt: g.updatedAt,
      updatedById: g.updatedBy,
      updatedByName: users.name,
      /** Read since it was last published. */
      read: sql<boolean>`(${g}."published_at" is not null and exists (select 1 from ${observationGuideReads} r
        where r.institution_id = ${g}."institution_id" and r.user_id = ${userId || null}
          and r.read_at >= ${g}."published_at"))`,
    })
    .from(g)
    .leftJoin(users, eq(users.id, g.updatedBy))
    .where(eq(g.institutionId, institutionId));
  return row;
}

/** Locks the guide row (if any) for a read-modify-write in the caller's transaction. */
export async function lockGuide(db: DbOrTx, institutionId: string) {
  const [row] = await db
    .select({ body: observationGuides.body, publishedAt: observationGuides.publishedAt })
    .from(observationGuides)
    .where(eq(observationGuides.institutionId, institutionId))
    .for('update');
  return row;
}

export async function upsertGuide(
  db: DbOrTx,
  institutionId: string,
  v: { body: string; publishedAt: Date | null; updatedBy: string },
) {
  const set = { ...v, updatedAt: new Date() };
  await db
    .insert(observationGuides)
    .values({ institutionId, ...set })
    .onConflictDoUpdate({ target: observationGuides.institutionId, set });
}

/** Records that the person read the guide now (again: the time moves forward). */
export async function recordGuideRead(db: DbOrTx, institutionId: string, userId: string) {
  await db
    .insert(observationGuideReads)
    .values({ institutionId, userId })
    .onConflictDoUpdate({
      target: [observationGuideReads.institutionId, observationGuideReads.userId],
      set: { readAt: sql`now()` },
    });
}

/** Delegated observers who still hold a role at the institution (the others cannot observe), by name. */
export async function listObservers(db: DbOrTx, institutionId: string) {
  const o = observationObservers;
  return db
    .select({ id: users.id, name: users.name, since: o.createdAt })
    .from(o)
    .innerJoin(users, eq(users.id, o.userId))
    .where(
      and(
        eq(o.institutionId, institutionId),
        sql`exists (select 1 from ${roleGrants} rg where rg.user_id = ${o}."user_id"
          and rg.institution_id = ${o}."institution_id")`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(OBSERVERS_MAX);
}

export async function holdsRoleAt(db: DbOrTx, userId: string, institutionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), eq(roleGrants.institutionId, institutionId)))
    .limit(1);
  return !!row;
}

/** True when the person was not already delegated. */
export async function addObserver(db: DbOrTx, institutionId: string, userId: string, grantedBy: string) {
  const rows = await db
    .insert(observationObservers)
    .values({ institutionId, userId, grantedBy })
    .onConflictDoNothing()
    .returning({ userId: observationObservers.userId });
  return rows.length > 0;
}

/** True when the person was delegated until now. */
export async function removeObserver(db: DbOrTx, institutionId: string, userId: string) {
  const rows = await db
    .delete(observationObservers)
    .where(
      and(eq(observationObservers.institutionId, institutionId), eq(observationObservers.userId, userId)),
    )
    .returning({ userId: observationObservers.userId });
  return rows.length > 0;
}

/**
 * The institutions in `ids` with what observation needs about the person there, in one query: whether they
 * were delegated visits, the newest schema version, and whether the published guide was read since publishing.
 */
export async function institutionsForMe(db: DbOrTx, userId: string, ids: string[]) {
  if (!ids.length) return [];
  const i = institutions;
  /** Qualified: inside the correlated subqueries an unqualified "id" would be the subquery's own. */
  const instId = sql`${institutions}."id"`;
  return db
    .select({
      id: i.id,
      name: i.name,
      kommuneId: i.kommuneId,
      delegated: sql<boolean>`exists (select 1 from ${observationObservers} o
        where o.institution_id = ${instId} and o.user_id = ${userId})`,
      schema: sql<{
        id: string;
        version: number;
      } | null>`(select json_build_object('id', s.id, 'version', s.version)
        from ${observationSchemas} s where s.institution_id = ${instId} order by s.version desc limit 1)`,
      guidePublished: sql<boolean>`exists (select 1 from ${observationGuides} g
        where g.institution_id = ${instId} and g.published_at is not null)`,
      guideRead: sql<boolean>`exists (select 1 from ${observationGuides} g
        join ${observationGuideReads} r on r.institution_id = g.institution_id and r.user_id = ${userId}
        where g.institution_id = ${instId} and g.published_at is not null and r.read_at >= g.published_at)`,
    })
    .from(i)
    .where(inArray(i.id, ids))
    .orderBy(asc(i.name), asc(i.id));
}

export async function kommunerByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: kommuner.id, name: kommuner.name })
    .from(kommuner)
    .where(inArray(kommuner.id, ids))
    .orderBy(asc(kommuner.name));
}
