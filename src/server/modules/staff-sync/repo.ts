import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/constants.js';
import type { DbOrTx } from '../../db/index.js';
import {
  auditLog,
  institutions,
  kommuner,
  roleGrants,
  teamMemberships,
  teams,
  users,
} from '../../db/schema.js';
import {
  staffSyncPeople,
  staffSyncRuns,
  staffSyncScope,
  staffSyncSources,
} from '../../db/staff-sync-schema.js';

/** SQL of the staff sync: sources, scope, the people a source manages, runs, leases. Bulk, never one per row. */

const CHUNK = 1000;
function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export type SourceRow = typeof staffSyncSources.$inferSelect;
export type RunRow = typeof staffSyncRuns.$inferSelect;

export const listSources = (db: DbOrTx) =>
  db.select().from(staffSyncSources).orderBy(staffSyncSources.name, staffSyncSources.id);

export async function getSource(db: DbOrTx, id: string) {
  const [s] = await db.select().from(staffSyncSources).where(eq(staffSyncSources.id, id));
  return s;
}

export async function sourceByTokenHash(db: DbOrTx, tokenHash: string) {
  const [s] = await db.select().from(staffSyncSources).where(eq(staffSyncSources.tokenHash, tokenHash));
  return s;
}

export async function insertSource(db: DbOrTx, v: typeof staffSyncSources.$inferInsert) {
  const [s] = await db.insert(staffSyncSources).values(v).returning();
  return s;
}

export async function updateSource(db: DbOrTx, id: string, v: Partial<typeof staffSyncSources.$inferInsert>) {
  const [s] = await db
    .update(staffSyncSources)
    .set({ ...v, updatedAt: sql`now()` })
    .where(eq(staffSyncSources.id, id))
    .returning();
  return s;
}

export const deleteSource = (db: DbOrTx, id: string) =>
  db.delete(staffSyncSources).where(eq(staffSyncSources.id, id));

export async function setScope(db: DbOrTx, sourceId: string, institutionIds: string[]) {
  await db.delete(staffSyncScope).where(eq(staffSyncScope.sourceId, sourceId));
  if (institutionIds.length)
    await db
      .insert(staffSyncScope)
      .values(institutionIds.map((institutionId) => ({ sourceId, institutionId })));
}

export async function scopeOf(db: DbOrTx, sourceIds: string[]) {
  if (!sourceIds.length) return [];
  return db.select().from(staffSyncScope).where(inArray(staffSyncScope.sourceId, sourceIds));
}

/** The institutions a source may change: its listed ones and every institution of its kommune. */
export async function scopeInstitutions(db: DbOrTx, source: Pick<SourceRow, 'id' | 'kommuneId'>) {
  const listed = db
    .select({ id: staffSyncScope.institutionId })
    .from(staffSyncScope)
    .where(eq(staffSyncScope.sourceId, source.id));
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      kommuneId: institutions.kommuneId,
      kommuneName: kommuner.name,
    })
    .from(institutions)
    .innerJoin(kommuner, eq(kommuner.id, institutions.kommuneId))
    .where(
      or(
        inArray(institutions.id, listed),
        source.kommuneId ? eq(institutions.kommuneId, source.kommuneId) : sql`false`,
      ),
    );
}

/** Institutions and kommuner that exist, among these ids (to refuse made-up ones). */
export async function existingInstitutionIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(inArray(institutions.id, ids));
  return new Set(rows.map((r) => r.id));
}
export async function kommuneExists(db: DbOrTx, id: string) {
  const rows = await db.select({ id: kommuner.id }).from(kommuner).where(eq(kommuner.id, id));
  return rows.length > 0;
}

/** A narrowing of the managed people by one attribute (SCIM's eq filters), in SQL. */
export type ManagedWhere =
  | { userId: string }
  | { email: string }
  | { externalId: string }
  | Record<string, never>;

function managedCondition(sourceId: string, where: ManagedWhere) {
  const conds = [eq(staffSyncPeople.sourceId, sourceId)];
  if ('userId' in where) conds.push(eq(staffSyncPeople.userId, where.userId));
  if ('email' in where) conds.push(sql`lower(${users.email}) = ${where.email.toLowerCase()}`);
  if ('externalId' in where) conds.push(eq(staffSyncPeople.externalId, where.externalId));
  return and(...conds);
}

/** One page of the people a source manages (ordered by id), and how many match. */
export async function managedPage(
  db: DbOrTx,
  sourceId: string,
  where: ManagedWhere,
  offset: number,
  limit: number,
) {
  const cond = managedCondition(sourceId, where);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffSyncPeople)
    .innerJoin(users, eq(users.id, staffSyncPeople.userId))
    .where(cond);
  const items = limit
    ? await managedSelect(db).where(cond).orderBy(staffSyncPeople.userId).offset(offset).limit(limit)
    : [];
  return { items, total: n };
}

/** One person the source manages, or undefined. */
export async function managedPerson(db: DbOrTx, sourceId: string, userId: string) {
  const [m] = await managedSelect(db).where(managedCondition(sourceId, { userId }));
  return m;
}

const managedSelect = (db: DbOrTx) =>
  db
    .select({
      userId: staffSyncPeople.userId,
      externalId: staffSyncPeople.externalId,
      deactivatedBySource: staffSyncPeople.deactivatedBySource,
      email: users.email,
      name: users.name,
      status: users.status,
    })
    .from(staffSyncPeople)
    .innerJoin(users, eq(users.id, staffSyncPeople.userId));

/** Which of these people the source manages. */
export async function managedAmong(db: DbOrTx, sourceId: string, userIds: string[]) {
  if (!userIds.length) return new Set<string>();
  const rows = await db
    .select({ userId: staffSyncPeople.userId })
    .from(staffSyncPeople)
    .where(and(eq(staffSyncPeople.sourceId, sourceId), inArray(staffSyncPeople.userId, userIds)));
  return new Set(rows.map((r) => r.userId));
}

/** The people a source manages, with what deactivation needs. */
export async function managedPeople(db: DbOrTx, sourceId: string) {
  return db
    .select({
      userId: staffSyncPeople.userId,
      externalId: staffSyncPeople.externalId,
      deactivatedBySource: staffSyncPeople.deactivatedBySource,
      email: users.email,
      name: users.name,
      status: users.status,
    })
    .from(staffSyncPeople)
    .innerJoin(users, eq(users.id, staffSyncPeople.userId))
    .where(eq(staffSyncPeople.sourceId, sourceId));
}

export async function countManaged(db: DbOrTx) {
  return db
    .select({ sourceId: staffSyncPeople.sourceId, n: sql<number>`count(*)::int` })
    .from(staffSyncPeople)
    .where(eq(staffSyncPeople.deactivatedBySource, false))
    .groupBy(staffSyncPeople.sourceId);
}

/** Marks people as managed (and seen) by the source; they are no longer deactivated by it. */
export async function upsertManaged(
  db: DbOrTx,
  sourceId: string,
  rows: { userId: string; externalId?: string | null }[],
) {
  for (const part of chunks(rows))
    await db
      .insert(staffSyncPeople)
      .values(part.map((r) => ({ sourceId, userId: r.userId, externalId: r.externalId ?? null })))
      .onConflictDoUpdate({
        target: [staffSyncPeople.sourceId, staffSyncPeople.userId],
        set: { deactivatedBySource: false, seenAt: sql`now()` },
      });
}

export async function setExternalId(db: DbOrTx, sourceId: string, userId: string, externalId: string | null) {
  await db
    .update(staffSyncPeople)
    .set({ externalId })
    .where(and(eq(staffSyncPeople.sourceId, sourceId), eq(staffSyncPeople.userId, userId)));
}

export async function markDeactivated(db: DbOrTx, sourceId: string, userIds: string[]) {
  for (const part of chunks(userIds))
    await db
      .update(staffSyncPeople)
      .set({ deactivatedBySource: true })
      .where(and(eq(staffSyncPeople.sourceId, sourceId), inArray(staffSyncPeople.userId, part)));
}

export async function grantsOfUsers(db: DbOrTx, userIds: string[]) {
  const out: { userId: string; role: Role; institutionId: string | null; kommuneId: string | null }[] = [];
  for (const part of chunks(userIds))
    out.push(
      ...(await db
        .select({
          userId: roleGrants.userId,
          role: roleGrants.role,
          institutionId: roleGrants.institutionId,
          kommuneId: roleGrants.kommuneId,
        })
        .from(roleGrants)
        .where(inArray(roleGrants.userId, part))),
    );
  return out;
}

export async function usersByIds(db: DbOrTx, ids: string[]) {
  const out: { id: string; name: string; email: string; status: 'invited' | 'active' | 'disabled' }[] = [];
  for (const part of chunks(ids))
    out.push(
      ...(await db
        .select({ id: users.id, name: users.name, email: users.email, status: users.status })
        .from(users)
        .where(inArray(users.id, part))),
    );
  return out;
}

export async function renameUsers(db: DbOrTx, values: { id: string; name: string }[]) {
  for (const v of values) await db.update(users).set({ name: v.name }).where(eq(users.id, v.id));
}

export async function updateUser(db: DbOrTx, id: string, v: { name?: string; email?: string }) {
  if (v.name === undefined && v.email === undefined) return;
  await db.update(users).set(v).where(eq(users.id, id));
}

/** Takes a person's grants and team memberships in these institutions (they stay elsewhere). */
export async function removeFromInstitutions(db: DbOrTx, userIds: string[], institutionIds: string[]) {
  if (!userIds.length || !institutionIds.length) return;
  for (const part of chunks(userIds)) {
    await db
      .delete(roleGrants)
      .where(and(inArray(roleGrants.userId, part), inArray(roleGrants.institutionId, institutionIds)));
    await db
      .delete(teamMemberships)
      .where(
        and(
          inArray(teamMemberships.userId, part),
          inArray(
            teamMemberships.teamId,
            db.select({ id: teams.id }).from(teams).where(inArray(teams.institutionId, institutionIds)),
          ),
        ),
      );
  }
}

/** Audit entries written by a source (actor: none; the source is named in the details). */
export async function insertAuditEntries(
  db: DbOrTx,
  entries: { action: string; subjectType: string; subjectId: string | null; details: unknown }[],
) {
  for (const part of chunks(entries))
    await db.insert(auditLog).values(part.map((e) => ({ ...e, actorId: null })));
}

// Runs

export async function insertRun(db: DbOrTx, v: typeof staffSyncRuns.$inferInsert) {
  const [r] = await db.insert(staffSyncRuns).values(v).returning();
  return r;
}

export async function finishRun(db: DbOrTx, id: string, v: Partial<typeof staffSyncRuns.$inferInsert>) {
  const [r] = await db
    .update(staffSyncRuns)
    .set({ ...v, finishedAt: sql`now()` })
    .where(eq(staffSyncRuns.id, id))
    .returning();
  return r;
}

export const listRuns = (db: DbOrTx, sourceId: string, limit = 50) =>
  db
    .select()
    .from(staffSyncRuns)
    .where(eq(staffSyncRuns.sourceId, sourceId))
    .orderBy(desc(staffSyncRuns.startedAt), desc(staffSyncRuns.id))
    .limit(limit);

/** The latest run of each source. */
export async function lastRuns(db: DbOrTx, sourceIds: string[]) {
  if (!sourceIds.length) return [];
  return db
    .selectDistinctOn([staffSyncRuns.sourceId])
    .from(staffSyncRuns)
    .where(inArray(staffSyncRuns.sourceId, sourceIds))
    .orderBy(staffSyncRuns.sourceId, desc(staffSyncRuns.startedAt), desc(staffSyncRuns.id));
}

// Leases: one process runs a source at a time (an atomic conditional update; a crashed holder's lease expires).

export async function claimSource(db: DbOrTx, id: string, owner: string, leaseSeconds: number) {
  const [s] = await db
    .update(staffSyncSources)
    .set({ leaseOwner: owner, leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(staffSyncSources.id, id),
        or(isNull(staffSyncSources.leaseUntil), sql`${staffSyncSources.leaseUntil} < now()`),
      ),
    )
    .returning();
  return s;
}

/** Claims one enabled CSV source whose next run is due, or none. */
export async function claimDueSource(db: DbOrTx, owner: string, leaseSeconds: number) {
  const due = db
    .select({ id: staffSyncSources.id })
    .from(staffSyncSources)
    .where(
      and(
        eq(staffSyncSources.enabled, true),
        sql`${staffSyncSources.kind} <> 'scim'`,
        sql`${staffSyncSources.intervalMinutes} is not null`,
        or(isNull(staffSyncSources.nextRunAt), sql`${staffSyncSources.nextRunAt} <= now()`),
        or(isNull(staffSyncSources.leaseUntil), sql`${staffSyncSources.leaseUntil} < now()`),
      ),
    )
    .orderBy(sql`${staffSyncSources.nextRunAt} nulls first`)
    .limit(1)
    .for('update', { skipLocked: true });
  const [s] = await db
    .update(staffSyncSources)
    .set({ leaseOwner: owner, leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        inArray(staffSyncSources.id, due),
        or(isNull(staffSyncSources.leaseUntil), sql`${staffSyncSources.leaseUntil} < now()`),
      ),
    )
    .returning();
  return s;
}

export async function releaseSource(db: DbOrTx, id: string, owner: string, next: { forceNextRun?: boolean }) {
  await db
    .update(staffSyncSources)
    .set({
      leaseOwner: null,
      leaseUntil: null,
      nextRunAt: sql`case when ${staffSyncSources.intervalMinutes} is null then null
        else now() + make_interval(mins => ${staffSyncSources.intervalMinutes}) end`,
      ...(next.forceNextRun === undefined ? {} : { forceNextRun: next.forceNextRun }),
    })
    .where(and(eq(staffSyncSources.id, id), eq(staffSyncSources.leaseOwner, owner)));
}

/** Teams of these institutions by id/name (SCIM groups). */
export async function teamsOf(db: DbOrTx, institutionIds: string[]) {
  if (!institutionIds.length) return [];
  return db
    .select({ id: teams.id, name: teams.name, institutionId: teams.institutionId })
    .from(teams)
    .where(inArray(teams.institutionId, institutionIds))
    .orderBy(teams.name, teams.id);
}

export async function insertTeam(db: DbOrTx, v: { institutionId: string; name: string }) {
  const [t] = await db
    .insert(teams)
    .values({ ...v, type: 'gruppe' })
    .returning({ id: teams.id, name: teams.name, institutionId: teams.institutionId });
  return t;
}

export async function renameTeam(db: DbOrTx, id: string, name: string) {
  await db.update(teams).set({ name }).where(eq(teams.id, id));
}

export async function membersOfTeams(db: DbOrTx, teamIds: string[]) {
  if (!teamIds.length) return [];
  return db
    .select({ teamId: teamMemberships.teamId, userId: teamMemberships.userId, name: users.name })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(inArray(teamMemberships.teamId, teamIds));
}

export async function removeTeamMembers(db: DbOrTx, teamId: string, userIds: string[]) {
  if (!userIds.length) return;
  await db
    .delete(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), inArray(teamMemberships.userId, userIds)));
}
