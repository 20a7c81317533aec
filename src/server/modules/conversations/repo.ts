import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { conversationPackages, conversationRecords } from '../../db/conversations-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { rows } from '../../db/rows.js';
import { institutions, roleGrants, teams, users } from '../../db/schema.js';
import { type Actor, forvaltningKommuneIds } from '../../policy/index.js';
import { visibleConversations } from '../../policy/sql-conversations.js';

/** Learning conversations' SQL (no rules: the service authorizes first). */

export type PackageRow = typeof conversationPackages.$inferSelect & {
  kommuneId: string;
  institutionName: string;
  institutionType: string;
};
export type RecordRow = typeof conversationRecords.$inferSelect & { updatedByName: string | null };

const packageColumns = {
  pkg: conversationPackages,
  kommuneId: institutions.kommuneId,
  institutionName: institutions.name,
  institutionType: institutions.type,
};

export async function findPackage(
  db: DbOrTx,
  id: string,
  forUpdate = false,
): Promise<PackageRow | undefined> {
  const q = db
    .select(packageColumns)
    .from(conversationPackages)
    .innerJoin(institutions, eq(institutions.id, conversationPackages.institutionId))
    .where(eq(conversationPackages.id, id));
  const [r] = forUpdate ? await q.for('update', { of: conversationPackages }) : await q;
  return (
    r && {
      ...r.pkg,
      kommuneId: r.kommuneId,
      institutionName: r.institutionName,
      institutionType: r.institutionType,
    }
  );
}

export async function findRecord(
  db: DbOrTx,
  packageId: string,
  forUpdate = false,
): Promise<RecordRow | undefined> {
  const q = db
    .select({ rec: conversationRecords, name: users.name })
    .from(conversationRecords)
    .leftJoin(users, eq(users.id, conversationRecords.updatedBy))
    .where(eq(conversationRecords.packageId, packageId));
  const [r] = forUpdate ? await q.for('update', { of: conversationRecords }) : await q;
  return r && { ...r.rec, updatedByName: r.name };
}

export async function findInstitution(db: DbOrTx, id: string) {
  const [r] = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      kommuneId: institutions.kommuneId,
      type: institutions.type,
    })
    .from(institutions)
    .where(eq(institutions.id, id));
  return r;
}

export const insertPackage = (db: DbOrTx, values: typeof conversationPackages.$inferInsert) =>
  db.insert(conversationPackages).values(values);

export const updatePackage = (
  db: DbOrTx,
  id: string,
  set: Partial<typeof conversationPackages.$inferInsert>,
) =>
  db
    .update(conversationPackages)
    .set({ ...set, updatedAt: new Date(), version: sql`${conversationPackages.version} + 1` })
    .where(eq(conversationPackages.id, id));

export const deletePackage = (db: DbOrTx, id: string) =>
  db.delete(conversationPackages).where(eq(conversationPackages.id, id));

export async function upsertRecord(
  db: DbOrTx,
  packageId: string,
  values: Omit<typeof conversationRecords.$inferInsert, 'packageId' | 'version'>,
  version: number,
) {
  await db
    .insert(conversationRecords)
    .values({ packageId, ...values, version })
    .onConflictDoUpdate({ target: conversationRecords.packageId, set: { ...values, version } });
}

/** The packages the actor may read (optionally of one institution), newest first, with the record's focus. */
export async function listPackages(db: DbOrTx, actor: Actor, institutionId?: string) {
  return db
    .select({
      ...packageColumns,
      focus: conversationRecords.focus,
    })
    .from(conversationPackages)
    .innerJoin(institutions, eq(institutions.id, conversationPackages.institutionId))
    .leftJoin(conversationRecords, eq(conversationRecords.packageId, conversationPackages.id))
    .where(
      and(
        visibleConversations(actor),
        institutionId ? eq(conversationPackages.institutionId, institutionId) : undefined,
      ),
    )
    .orderBy(
      desc(sql`coalesce(${conversationPackages.plannedOn}, ${conversationPackages.createdAt}::date)`),
      desc(conversationPackages.createdAt),
    )
    .limit(500);
}

/** The institutions the actor prepares packages for: those of the kommuner it is forvaltning of. */
export async function preparableUnits(db: DbOrTx, actor: Actor) {
  const kommuner = forvaltningKommuneIds(actor);
  if (!kommuner.length) return [];
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      kommuneId: institutions.kommuneId,
      type: institutions.type,
    })
    .from(institutions)
    .where(inArray(institutions.kommuneId, kommuner))
    .orderBy(asc(institutions.name));
}

/** A package's date: when it is planned, else when it was made. */
const dateOf = sql<string>`coalesce(${conversationPackages.plannedOn}, (${conversationPackages.createdAt} at time zone 'Europe/Copenhagen')::date)::text`;

/**
 * The unit's shared packages (not this one), newest first, with their records and dates: the service picks those
 * before this one for the follow-up and the comparison. Only the same institution's, never another unit's.
 */
export async function sharedOfUnit(db: DbOrTx, institutionId: string, exceptId: string) {
  return db
    .select({
      id: conversationPackages.id,
      title: conversationPackages.title,
      date: dateOf,
      createdAt: conversationPackages.createdAt,
      snapshot: conversationPackages.snapshot,
      heldOn: conversationRecords.heldOn,
      focus: conversationRecords.focus,
      goals: conversationRecords.goals,
      nextStep: conversationRecords.nextStep,
    })
    .from(conversationPackages)
    .leftJoin(conversationRecords, eq(conversationRecords.packageId, conversationPackages.id))
    .where(
      and(
        eq(conversationPackages.institutionId, institutionId),
        eq(conversationPackages.state, 'shared'),
        ne(conversationPackages.id, exceptId),
      ),
    )
    .orderBy(desc(dateOf), desc(conversationPackages.createdAt))
    .limit(200);
}

/** People who may be named as taking part: the unit's leders and resource persons, the kommune's forvaltning. */
export async function candidates(db: DbOrTx, institutionId: string, kommuneId: string) {
  return rows<{ id: string; name: string; role: string }>(
    db,
    sql`select distinct on (u.id) u.id, u.name, g.role::text as role
      from ${roleGrants} g join ${users} u on u.id = g.user_id
      where u.status = 'active' and (
        (g.institution_id = ${institutionId} and g.role in ('leder', 'ressourceperson'))
        or (g.kommune_id = ${kommuneId} and g.role = 'forvaltning'))
      order by u.id, case g.role when 'forvaltning' then 0 when 'leder' then 1 else 2 end`,
  );
}

export async function teamInstitution(db: DbOrTx, teamId: string) {
  const [t] = await db.select({ institutionId: teams.institutionId }).from(teams).where(eq(teams.id, teamId));
  return t?.institutionId;
}
