import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { progressionImportBands, type SavedBand } from '../../../db/progression-import-schema.js';
import { progressionAreas, progressionPeriods } from '../../../db/progression-schema.js';
import { rows } from '../../../db/rows.js';
import type { CellValue, ExistingCell, KnownChild } from './plan.js';

/**
 * SQL of the progression import (no rules: the service authorizes first). Lists go in as one jsonb parameter,
 * always unpacked in FROM (a set-returning function in a sub-select's target list is evaluated once per outer row).
 */

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/** The database's clock (the one updated_at is written by). */
export async function dbNow(db: DbOrTx): Promise<Date> {
  const [row] = await rows<{ now: string | Date }>(db, sql`select clock_timestamp() as now`);
  return new Date(row.now);
}

export async function areaOf(db: DbOrTx, institutionId: string, areaId: string) {
  const [row] = await db
    .select({ id: progressionAreas.id, name: progressionAreas.name, archivedAt: progressionAreas.archivedAt })
    .from(progressionAreas)
    .where(and(eq(progressionAreas.id, areaId), eq(progressionAreas.institutionId, institutionId)));
  return row ?? null;
}

export async function periodOf(db: DbOrTx, institutionId: string, periodId: string) {
  const [row] = await db
    .select({
      id: progressionPeriods.id,
      name: progressionPeriods.name,
      schoolYear: progressionPeriods.schoolYear,
      startsOn: progressionPeriods.startsOn,
      endsOn: progressionPeriods.endsOn,
    })
    .from(progressionPeriods)
    .where(and(eq(progressionPeriods.id, periodId), eq(progressionPeriods.institutionId, institutionId)));
  return row ?? null;
}

export type YearGroup = {
  id: string;
  name: string;
  teamId: string | null;
  archived: boolean;
  delegated: boolean;
  children: number;
};

/** The institution's groups of a school year, whether the actor is delegated to each, and its children now. */
export function groupsOfYear(db: DbOrTx, institutionId: string, schoolYear: number, actorId: string) {
  return rows<YearGroup>(
    db,
    sql`select g.id, g.name, g.team_id as "teamId", g.archived_at is not null as archived,
          exists (select 1 from progression_delegations d where d.group_id = g.id and d.user_id::text = ${actorId})
            as delegated,
          (select count(*)::int from progression_placements p where p.group_id = g.id and p.to_on is null) as children
        from progression_groups g
        where g.institution_id = ${institutionId} and g.school_year = ${schoolYear}`,
  );
}

/** The institution's children with these codes (lower case), with the group each is in now. */
export function childrenByCodes(db: DbOrTx, institutionId: string, lowerCodes: string[]) {
  if (!lowerCodes.length) return Promise.resolve([] as KnownChild[]);
  return rows<KnownChild>(
    db,
    sql`select c.id, c.code, p.group_id as "currentGroupId"
        from progression_children c
        left join progression_placements p on p.child_id = c.id and p.to_on is null
        where c.institution_id = ${institutionId}
          and lower(c.code) in (select x from jsonb_array_elements_text(${json(lowerCodes)}) as t(x))`,
  );
}

/** The cells of these children in one area and period. */
export async function cellsOf(db: DbOrTx, childIds: string[], areaId: string, periodId: string) {
  if (!childIds.length) return new Map<string, ExistingCell>();
  const found = await rows<ExistingCell & { childId: string; score: string | number | null }>(
    db,
    sql`select s.child_id as "childId", s.status, s.score, s.note, s.version, s.group_id as "groupId",
          s.updated_at as "updatedAt", u.name as "updatedBy"
        from progression_statuses s left join users u on u.id = s.updated_by
        where s.area_id = ${areaId} and s.period_id = ${periodId}
          and s.child_id in (select x::uuid from jsonb_array_elements_text(${json(childIds)}) as t(x))`,
  );
  return new Map(
    found.map(({ childId, ...c }) => [
      childId,
      { ...c, score: c.score === null ? null : Number(c.score), updatedAt: new Date(c.updatedAt) },
    ]),
  );
}

export async function savedBands(db: DbOrTx, areaId: string): Promise<SavedBand[] | null> {
  const [row] = await db
    .select({ bands: progressionImportBands.bands })
    .from(progressionImportBands)
    .where(eq(progressionImportBands.areaId, areaId));
  return row?.bands ?? null;
}

export async function saveBands(db: DbOrTx, areaId: string, bands: SavedBand[], userId: string) {
  await db
    .insert(progressionImportBands)
    .values({ areaId, bands, updatedBy: userId })
    .onConflictDoUpdate({
      target: progressionImportBands.areaId,
      set: { bands, updatedBy: userId, updatedAt: sql`now()` },
    });
}

/** New children with their placement in a group from a day; answers their ids by lower-case code. */
export async function createChildren(
  db: DbOrTx,
  institutionId: string,
  children: { code: string; fullName: string | null; groupId: string }[],
  fromOn: string,
): Promise<Map<string, string>> {
  const made = await rows<{ id: string; code: string }>(
    db,
    sql`insert into progression_children (institution_id, code, full_name)
        select ${institutionId}, t.code, t."fullName"
        from jsonb_to_recordset(${json(children)}) as t(code text, "fullName" text)
        returning id, code`,
  );
  const ids = new Map(made.map((c) => [c.code.toLowerCase(), c.id]));
  const placements = children.map((c) => ({ childId: ids.get(c.code.toLowerCase()), groupId: c.groupId }));
  await rows(
    db,
    sql`insert into progression_placements (child_id, group_id, from_on)
        select t."childId", t."groupId", ${fromOn}::date
        from jsonb_to_recordset(${json(placements)}) as t("childId" uuid, "groupId" uuid)`,
  );
  return ids;
}

export type CellWrite = CellValue & { childId: string; groupId: string };

/**
 * Writes the cells of one area and period in one statement: new ones inserted with their group, the others a
 * version up (a cell keeps the group it was entered in, as in the grid).
 */
export async function writeCells(
  db: DbOrTx,
  areaId: string,
  periodId: string,
  cells: CellWrite[],
  userId: string,
) {
  if (!cells.length) return;
  await rows(
    db,
    sql`insert into progression_statuses
          (child_id, area_id, period_id, group_id, status, score, note, updated_by, updated_at)
        select t."childId", ${areaId}, ${periodId}, t."groupId", t.status, t.score, t.note, ${userId}, now()
        from jsonb_to_recordset(${json(cells)})
          as t("childId" uuid, "groupId" uuid, status text, score numeric, note text)
        on conflict (child_id, area_id, period_id) do update set
          status = excluded.status, score = excluded.score, note = excluded.note,
          version = progression_statuses.version + 1, updated_by = excluded.updated_by, updated_at = now()`,
  );
}
