import { and, asc, count, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PlanScope } from '../../../shared/evaluation.js';
import {
  evaluationFeedTokens,
  evaluationItems as i,
  evaluationPlans as p,
} from '../../db/evaluation-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { institutions, kommuner, roleGrants, teamMemberships, teams, users } from '../../db/schema.js';

/** SQL only (issue 17 part 1): plans, items, the people and teams around them, feed tokens. No rules here. */

export type PlanRow = typeof p.$inferSelect;
export type ItemRow = typeof i.$inferSelect;

export async function institutionOwner(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      type: institutions.type,
      kommuneId: institutions.kommuneId,
    })
    .from(institutions)
    .where(eq(institutions.id, id));
  return row;
}

export async function kommuneOwner(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: kommuner.id, name: kommuner.name })
    .from(kommuner)
    .where(eq(kommuner.id, id));
  return row;
}

export async function teamOwner(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: teams.id,
      name: teams.name,
      institutionId: teams.institutionId,
      institutionType: institutions.type,
      kommuneId: institutions.kommuneId,
    })
    .from(teams)
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .where(eq(teams.id, id));
  return row;
}

const ownerColumn = (scope: PlanScope) =>
  scope === 'kommune' ? p.kommuneId : scope === 'institution' ? p.institutionId : p.teamId;

export async function findPlan(db: DbOrTx, scope: PlanScope, ownerId: string, year: number) {
  const [row] = await db
    .select()
    .from(p)
    .where(and(eq(p.scope, scope), eq(ownerColumn(scope), ownerId), eq(p.schoolYear, year)));
  return row;
}

/** The plan of an owner and year, made if missing (two at once: one row), locked for the transaction. */
export async function ensurePlan(
  db: DbOrTx,
  scope: PlanScope,
  ownerId: string,
  year: number,
  createdBy: string,
): Promise<PlanRow> {
  await db
    .insert(p)
    .values({
      scope,
      schoolYear: year,
      createdBy,
      kommuneId: scope === 'kommune' ? ownerId : null,
      institutionId: scope === 'institution' ? ownerId : null,
      teamId: scope === 'team' ? ownerId : null,
    })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(p)
    .where(and(eq(p.scope, scope), eq(ownerColumn(scope), ownerId), eq(p.schoolYear, year)))
    .for('update');
  return row;
}

export async function setPublished(db: DbOrTx, id: string, by: string | null) {
  await db
    .update(p)
    .set(by ? { publishedAt: sql`now()`, publishedBy: by } : { publishedAt: null, publishedBy: null })
    .where(eq(p.id, id));
}

export async function markCopied(db: DbOrTx, id: string, fromYear: number) {
  await db.update(p).set({ copiedFromYear: fromYear }).where(eq(p.id, id));
}

/**
 * The plans of an institution's wheel for a year that `visible` lets through: the kommune's, the institution's and
 * its teams'; or (no institution) the kommune's alone. With their item counts.
 */
export async function wheelPlans(
  db: DbOrTx,
  o: { kommuneId: string; institutionId: string | null; year: number },
  visible: SQL,
) {
  const owners = [sql`${p.kommuneId} = ${o.kommuneId}`];
  if (o.institutionId)
    owners.push(
      sql`${p.institutionId} = ${o.institutionId}`,
      sql`${p.teamId} in (select t.id from ${teams} t where t.institution_id = ${o.institutionId})`,
    );
  return db
    .select({
      plan: p,
      items: sql<number>`(select count(*) from evaluation_items x where x.plan_id = "evaluation_plans"."id")::int`,
    })
    .from(p)
    .where(and(eq(p.schoolYear, o.year), sql`(${sql.join(owners, sql` or `)})`, visible));
}

/** How many items each of these owners' plans had in a year (to offer copying last year's). */
export async function itemCountsOfYear(db: DbOrTx, scope: PlanScope, ownerIds: string[], year: number) {
  if (!ownerIds.length) return new Map<string, number>();
  const col = ownerColumn(scope);
  const found = await db
    .select({ ownerId: col, n: count(i.id) })
    .from(p)
    .innerJoin(i, eq(i.planId, p.id))
    .where(and(eq(p.scope, scope), inArray(col, ownerIds), eq(p.schoolYear, year)))
    .groupBy(col);
  return new Map(found.map((r) => [r.ownerId as string, Number(r.n)]));
}

const responsible = alias(users, 'responsible');
const meetingTeam = alias(teams, 'meeting_team');

/** Items of these plans with the responsible person's and the meeting team's names, by collection start. */
export async function itemsOf(db: DbOrTx, planIds: string[]) {
  if (!planIds.length) return [];
  return db
    .select({
      item: i,
      responsibleName: responsible.name,
      meetingTeamName: meetingTeam.name,
    })
    .from(i)
    .leftJoin(responsible, eq(responsible.id, i.responsibleId))
    .leftJoin(meetingTeam, eq(meetingTeam.id, i.meetingTeamId))
    .where(inArray(i.planId, planIds))
    .orderBy(asc(i.collectFrom), asc(i.title), asc(i.id));
}

export async function itemById(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select({ item: i, plan: p }).from(i).innerJoin(p, eq(p.id, i.planId)).where(eq(i.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: i }) : await q;
  return row;
}

export async function countItems(db: DbOrTx, planId: string) {
  const [row] = await db.select({ n: count() }).from(i).where(eq(i.planId, planId));
  return Number(row.n);
}

export async function insertItems(db: DbOrTx, values: (typeof i.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(i).values(values).returning({ id: i.id });
}

export async function updateItem(db: DbOrTx, id: string, v: Partial<typeof i.$inferInsert>) {
  await db
    .update(i)
    .set({ ...v, version: sql`${i.version} + 1`, updatedAt: sql`now()` })
    .where(eq(i.id, id));
}

export async function deleteItem(db: DbOrTx, id: string) {
  await db.delete(i).where(eq(i.id, id));
}

export async function itemsOfPlan(db: DbOrTx, planId: string) {
  return db.select().from(i).where(eq(i.planId, planId)).orderBy(asc(i.collectFrom));
}

/** The teams of an institution, by name. */
export async function institutionTeams(db: DbOrTx, institutionId: string) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.institutionId, institutionId))
    .orderBy(asc(teams.name));
}

/** The teams of an institution the person is a member of. */
export async function memberTeamIds(db: DbOrTx, institutionId: string, userId: string) {
  const found = await db
    .select({ id: teams.id })
    .from(teams)
    .innerJoin(teamMemberships, eq(teamMemberships.teamId, teams.id))
    .where(and(eq(teams.institutionId, institutionId), eq(teamMemberships.userId, userId)));
  return found.map((r) => r.id);
}

/**
 * Who may be responsible for an item: people holding a role at the institution (for a kommune plan: its
 * forvaltning and the leders of its institutions), not disabled. `only`: just this one (a check).
 */
export async function peopleHere(
  db: DbOrTx,
  where: { institutionId: string } | { kommuneId: string },
  only?: string,
) {
  const place =
    'institutionId' in where
      ? sql`${roleGrants.institutionId} = ${where.institutionId}`
      : sql`((${roleGrants.role} = 'forvaltning' and ${roleGrants.kommuneId} = ${where.kommuneId})
          or (${roleGrants.role} = 'leder' and ${roleGrants.institutionId} in
            (select x.id from ${institutions} x where x.kommune_id = ${where.kommuneId})))`;
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(place, ne(users.status, 'disabled'), only ? eq(users.id, only) : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(1000);
}

// Calendar feed tokens
export async function setFeedToken(db: DbOrTx, userId: string, tokenHash: string) {
  const [row] = await db
    .insert(evaluationFeedTokens)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({
      target: evaluationFeedTokens.userId,
      set: { tokenHash, createdAt: sql`now()` },
    })
    .returning({ createdAt: evaluationFeedTokens.createdAt });
  return row.createdAt;
}

export async function feedToken(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ createdAt: evaluationFeedTokens.createdAt })
    .from(evaluationFeedTokens)
    .where(eq(evaluationFeedTokens.userId, userId));
  return row;
}

export async function deleteFeedToken(db: DbOrTx, userId: string) {
  await db.delete(evaluationFeedTokens).where(eq(evaluationFeedTokens.userId, userId));
}

export async function feedOwner(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ userId: evaluationFeedTokens.userId })
    .from(evaluationFeedTokens)
    .where(eq(evaluationFeedTokens.tokenHash, tokenHash));
  return row?.userId ?? null;
}

/** Items of every plan `visible` lets through, from school year `fromYear` on, with their plan's owner name. */
export async function feedItems(db: DbOrTx, visible: SQL, fromYear: number, limit: number) {
  return db
    .select({
      item: i,
      scope: p.scope,
      kommuneId: p.kommuneId,
      ownerName: sql<string>`coalesce(${kommuner.name}, ${institutions.name}, ${teams.name}, '')`,
      meetingTeamName: meetingTeam.name,
    })
    .from(i)
    .innerJoin(p, eq(p.id, i.planId))
    .leftJoin(kommuner, eq(kommuner.id, p.kommuneId))
    .leftJoin(institutions, eq(institutions.id, p.institutionId))
    .leftJoin(teams, eq(teams.id, p.teamId))
    .leftJoin(meetingTeam, eq(meetingTeam.id, i.meetingTeamId))
    .where(and(visible, sql`${p.schoolYear} >= ${fromYear}`))
    .orderBy(asc(i.collectFrom), asc(i.id))
    .limit(limit);
}
