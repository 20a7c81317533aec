import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import {
  progressionAreas,
  progressionChildren,
  progressionConferences,
  progressionDelegations,
  progressionGroups,
  progressionPeriods,
  progressionPlacements,
  progressionSettings,
  progressionStatuses,
  progressionTotals,
} from '../../../db/progression-schema.js';
import { rows } from '../../../db/rows.js';
import { institutions, roleGrants, teams, users } from '../../../db/schema.js';

/** Progression setup's SQL (issue 17 part 2): settings, areas, periods, groups, delegations. No rules here. */

export const areaRow = {
  id: progressionAreas.id,
  institutionId: progressionAreas.institutionId,
  name: progressionAreas.name,
  position: progressionAreas.position,
  archivedAt: progressionAreas.archivedAt,
};
export const periodRow = {
  id: progressionPeriods.id,
  institutionId: progressionPeriods.institutionId,
  name: progressionPeriods.name,
  schoolYear: progressionPeriods.schoolYear,
  startsOn: progressionPeriods.startsOn,
  endsOn: progressionPeriods.endsOn,
};

export const listAreas = (db: DbOrTx, institutionId: string) =>
  db
    .select(areaRow)
    .from(progressionAreas)
    .where(eq(progressionAreas.institutionId, institutionId))
    .orderBy(asc(progressionAreas.position), asc(progressionAreas.name));

export const listPeriods = (db: DbOrTx, institutionId: string, schoolYear?: number) =>
  db
    .select(periodRow)
    .from(progressionPeriods)
    .where(
      and(
        eq(progressionPeriods.institutionId, institutionId),
        schoolYear === undefined ? undefined : eq(progressionPeriods.schoolYear, schoolYear),
      ),
    )
    .orderBy(asc(progressionPeriods.startsOn), asc(progressionPeriods.id));

/** The institution's first areas (by its kind), once: concurrent first reads insert them only once. */
export async function ensureAreas(db: DbOrTx, institutionId: string, names: readonly string[]) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(progressionAreas)
    .where(eq(progressionAreas.institutionId, institutionId));
  if (n > 0) return;
  await db
    .insert(progressionAreas)
    .values(names.map((name, position) => ({ institutionId, name, position })))
    .onConflictDoNothing();
}

export async function upsertSettings(
  db: DbOrTx,
  institutionId: string,
  v: { showFullNames: boolean; retentionMonths: number },
) {
  await db
    .insert(progressionSettings)
    .values({ institutionId, ...v })
    .onConflictDoUpdate({
      target: progressionSettings.institutionId,
      set: { ...v, updatedAt: sql`now()` },
    });
}

/** Erases every stored full name of the institution's children; answers how many were erased. */
export async function eraseFullNames(db: DbOrTx, institutionId: string): Promise<number> {
  const erased = await db
    .update(progressionChildren)
    .set({ fullName: null })
    .where(
      and(
        eq(progressionChildren.institutionId, institutionId),
        sql`${progressionChildren.fullName} is not null`,
      ),
    )
    .returning({ id: progressionChildren.id });
  return erased.length;
}

export async function areaById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...areaRow, kommuneId: institutions.kommuneId })
    .from(progressionAreas)
    .innerJoin(institutions, eq(institutions.id, progressionAreas.institutionId))
    .where(eq(progressionAreas.id, id));
  return row;
}

export async function periodById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...periodRow, kommuneId: institutions.kommuneId })
    .from(progressionPeriods)
    .innerJoin(institutions, eq(institutions.id, progressionPeriods.institutionId))
    .where(eq(progressionPeriods.id, id));
  return row;
}

export async function groupById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: progressionGroups.id,
      institutionId: progressionGroups.institutionId,
      kommuneId: institutions.kommuneId,
    })
    .from(progressionGroups)
    .innerJoin(institutions, eq(institutions.id, progressionGroups.institutionId))
    .where(eq(progressionGroups.id, id));
  return row;
}

export async function nextAreaPosition(db: DbOrTx, institutionId: string) {
  const [r] = await db
    .select({ n: count(), top: max(progressionAreas.position) })
    .from(progressionAreas)
    .where(eq(progressionAreas.institutionId, institutionId));
  return { count: r.n, position: (r.top ?? -1) + 1 };
}

export async function periodsInYear(db: DbOrTx, institutionId: string, schoolYear: number) {
  const [r] = await db
    .select({ n: count() })
    .from(progressionPeriods)
    .where(
      and(eq(progressionPeriods.institutionId, institutionId), eq(progressionPeriods.schoolYear, schoolYear)),
    );
  return r.n;
}

/** Whether anything has been recorded with the area / period / group (then it is archived, not deleted). */
export async function areaInUse(db: DbOrTx, id: string) {
  const [r] = await rows<{ used: boolean }>(
    db,
    sql`select
    exists (select 1 from ${progressionStatuses} where area_id = ${id})
    or exists (select 1 from ${progressionTotals} where area_id = ${id}) as used`,
  );
  return !!r?.used;
}
export async function periodInUse(db: DbOrTx, id: string) {
  const [r] = await rows<{ used: boolean }>(
    db,
    sql`select
    exists (select 1 from ${progressionStatuses} where period_id = ${id})
    or exists (select 1 from ${progressionTotals} where period_id = ${id}) as used`,
  );
  return !!r?.used;
}
export async function groupInUse(db: DbOrTx, id: string) {
  const [r] = await rows<{ used: boolean }>(
    db,
    sql`select
    exists (select 1 from ${progressionPlacements} where group_id = ${id})
    or exists (select 1 from ${progressionStatuses} where group_id = ${id})
    or exists (select 1 from ${progressionTotals} where group_id = ${id})
    or exists (select 1 from ${progressionConferences} where group_id = ${id}) as used`,
  );
  return !!r?.used;
}

/** The team, when it belongs to the institution. */
export async function teamAt(db: DbOrTx, institutionId: string, teamId: string) {
  const [t] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.institutionId, institutionId)));
  return t;
}

/** Active people holding the ressourceperson role at the institution. */
export const resourcePersons = (db: DbOrTx, institutionId: string) =>
  db
    .selectDistinct({ id: users.id, name: users.name })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.institutionId, institutionId),
        eq(roleGrants.role, 'ressourceperson'),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.name));

export async function replaceDelegations(db: DbOrTx, groupId: string, userIds: string[], by: string) {
  await db.delete(progressionDelegations).where(eq(progressionDelegations.groupId, groupId));
  if (userIds.length)
    await db
      .insert(progressionDelegations)
      .values(userIds.map((userId) => ({ groupId, userId, grantedBy: by })));
}

/** Groups as the setup page and the grid show them: team, children now, delegates. */
export async function listGroups(db: DbOrTx, where: { institutionId?: string; ids?: string[] }) {
  const groups = await db
    .select({
      id: progressionGroups.id,
      name: progressionGroups.name,
      schoolYear: progressionGroups.schoolYear,
      teamId: teams.id,
      teamName: teams.name,
      grade: progressionGroups.grade,
      ageBand: progressionGroups.ageBand,
      archivedAt: progressionGroups.archivedAt,
      children: sql<number>`(select count(*)::int from ${progressionPlacements} pl
        where pl.group_id = ${progressionGroups.id} and pl.to_on is null)`,
    })
    .from(progressionGroups)
    .leftJoin(teams, eq(teams.id, progressionGroups.teamId))
    .where(
      and(
        where.institutionId ? eq(progressionGroups.institutionId, where.institutionId) : undefined,
        where.ids ? inArray(progressionGroups.id, where.ids.length ? where.ids : ['']) : undefined,
      ),
    )
    .orderBy(
      sql`${progressionGroups.schoolYear} desc`,
      asc(progressionGroups.grade),
      asc(progressionGroups.name),
    );
  const ids = groups.map((g) => g.id);
  const delegates = ids.length
    ? await db
        .select({ groupId: progressionDelegations.groupId, id: users.id, name: users.name })
        .from(progressionDelegations)
        .innerJoin(users, eq(users.id, progressionDelegations.userId))
        .where(inArray(progressionDelegations.groupId, ids))
        .orderBy(asc(users.name))
    : [];
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    schoolYear: g.schoolYear,
    team: g.teamId ? { id: g.teamId, name: g.teamName ?? '' } : null,
    grade: g.grade,
    ageBand: g.ageBand as never,
    archived: g.archivedAt !== null,
    children: Number(g.children),
    delegates: delegates.filter((d) => d.groupId === g.id).map((d) => ({ id: d.id, name: d.name })),
  }));
}
