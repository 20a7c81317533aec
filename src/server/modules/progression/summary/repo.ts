import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { PROGRESSION_MIN_GROUP } from '../../../../shared/progression.js';
import type { DbOrTx } from '../../../db/index.js';
import { observationSettings } from '../../../db/observation-schema.js';
import {
  progressionAreas,
  progressionGroups,
  progressionPeriods,
  progressionTotals,
} from '../../../db/progression-schema.js';
import { institutions } from '../../../db/schema.js';
import type { Counts } from './suppress.js';

/** Summaries read progression_totals only — never a per-child row. SQL only. */

export type SummaryInstitution = {
  id: string;
  name: string;
  type: string;
  kommuneId: string;
  /** The institution's floor: PROGRESSION_MIN_GROUP or its observation minimum group size, whichever is larger. */
  minGroup: number;
};

const institutionColumns = {
  id: institutions.id,
  name: institutions.name,
  type: institutions.type,
  kommuneId: institutions.kommuneId,
  minGroup: sql<number>`greatest(${PROGRESSION_MIN_GROUP}, coalesce(${observationSettings.minGroupSize}, 0))::int`,
};

export async function institution(db: DbOrTx, id: string): Promise<SummaryInstitution | undefined> {
  const [row] = await db
    .select(institutionColumns)
    .from(institutions)
    .leftJoin(observationSettings, eq(observationSettings.institutionId, institutions.id))
    .where(eq(institutions.id, id));
  return row;
}

/** A group's institution and school year (no access decided here). */
export async function group(
  db: DbOrTx,
  id: string,
): Promise<{ id: string; name: string; schoolYear: number; institutionId: string } | undefined> {
  const [row] = await db
    .select({
      id: progressionGroups.id,
      name: progressionGroups.name,
      schoolYear: progressionGroups.schoolYear,
      institutionId: progressionGroups.institutionId,
    })
    .from(progressionGroups)
    .where(eq(progressionGroups.id, id));
  return row;
}

/** The kommune's institutions that follow progression (have an area or a group), by name. */
export async function kommuneInstitutions(db: DbOrTx, kommuneId: string): Promise<SummaryInstitution[]> {
  return db
    .select(institutionColumns)
    .from(institutions)
    .leftJoin(observationSettings, eq(observationSettings.institutionId, institutions.id))
    .where(
      and(
        eq(institutions.kommuneId, kommuneId),
        or(
          sql`exists (select 1 from ${progressionAreas} a where a.institution_id = ${institutions.id})`,
          sql`exists (select 1 from ${progressionGroups} g where g.institution_id = ${institutions.id})`,
        ),
      ),
    )
    .orderBy(asc(institutions.name));
}

/** Every school year with periods at the institutions, newest first. */
export async function schoolYears(db: DbOrTx, institutionIds: string[]): Promise<number[]> {
  if (!institutionIds.length) return [];
  const rows = await db
    .selectDistinct({ y: progressionPeriods.schoolYear })
    .from(progressionPeriods)
    .where(inArray(progressionPeriods.institutionId, institutionIds));
  return rows.map((r) => r.y).sort((a, b) => b - a);
}

export type AreaRow = {
  id: string;
  institutionId: string;
  name: string;
  position: number;
  archived: boolean;
};
export type PeriodRow = {
  id: string;
  institutionId: string;
  name: string;
  schoolYear: number;
  startsOn: string;
  endsOn: string;
};

/** The institutions' areas: the active ones, and archived ones only when they have figures in the school year. */
export async function areas(db: DbOrTx, institutionIds: string[], schoolYear: number): Promise<AreaRow[]> {
  if (!institutionIds.length) return [];
  const rows = await db
    .select({
      id: progressionAreas.id,
      institutionId: progressionAreas.institutionId,
      name: progressionAreas.name,
      position: progressionAreas.position,
      archivedAt: progressionAreas.archivedAt,
    })
    .from(progressionAreas)
    .where(
      and(
        inArray(progressionAreas.institutionId, institutionIds),
        or(
          isNull(progressionAreas.archivedAt),
          sql`exists (select 1 from ${progressionTotals} t join ${progressionPeriods} p on p.id = t.period_id
                where t.area_id = ${progressionAreas.id} and p.school_year = ${schoolYear})`,
        ),
      ),
    )
    .orderBy(asc(progressionAreas.position), asc(progressionAreas.name));
  return rows.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null }));
}

/** The institutions' periods of the school year, in order. */
export async function periods(
  db: DbOrTx,
  institutionIds: string[],
  schoolYear: number,
): Promise<PeriodRow[]> {
  if (!institutionIds.length) return [];
  return db
    .select({
      id: progressionPeriods.id,
      institutionId: progressionPeriods.institutionId,
      name: progressionPeriods.name,
      schoolYear: progressionPeriods.schoolYear,
      startsOn: progressionPeriods.startsOn,
      endsOn: progressionPeriods.endsOn,
    })
    .from(progressionPeriods)
    .where(
      and(
        inArray(progressionPeriods.institutionId, institutionIds),
        eq(progressionPeriods.schoolYear, schoolYear),
      ),
    )
    .orderBy(asc(progressionPeriods.startsOn), asc(progressionPeriods.name));
}

/**
 * The rows of the institution's table for a school year: its active groups of that year and every group with
 * figures in the year's periods (archived or not) — so the total is always the sum of the rows.
 */
export async function groups(
  db: DbOrTx,
  institutionId: string,
  schoolYear: number,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: progressionGroups.id, name: progressionGroups.name })
    .from(progressionGroups)
    .where(
      and(
        eq(progressionGroups.institutionId, institutionId),
        or(
          and(eq(progressionGroups.schoolYear, schoolYear), isNull(progressionGroups.archivedAt)),
          sql`exists (select 1 from ${progressionTotals} t join ${progressionPeriods} p on p.id = t.period_id
                where t.group_id = ${progressionGroups.id} and p.school_year = ${schoolYear})`,
        ),
      ),
    )
    .orderBy(sql`${progressionGroups.grade} nulls last`, asc(progressionGroups.name));
}

export type TotalRow = Counts & { institutionId: string; groupId: string; areaId: string; periodId: string };

/** Every totals row of the institutions' periods in the school year (the figures of whole populations). */
export async function totals(db: DbOrTx, institutionIds: string[], schoolYear: number): Promise<TotalRow[]> {
  if (!institutionIds.length) return [];
  return db
    .select({
      institutionId: progressionPeriods.institutionId,
      groupId: progressionTotals.groupId,
      areaId: progressionTotals.areaId,
      periodId: progressionTotals.periodId,
      groen: progressionTotals.groen,
      gul: progressionTotals.gul,
      roed: progressionTotals.roed,
      movedUp: progressionTotals.movedUp,
      movedDown: progressionTotals.movedDown,
    })
    .from(progressionTotals)
    .innerJoin(progressionPeriods, eq(progressionPeriods.id, progressionTotals.periodId))
    .where(
      and(
        inArray(progressionPeriods.institutionId, institutionIds),
        eq(progressionPeriods.schoolYear, schoolYear),
      ),
    );
}

/**
 * Per institution, area and period of the school year: the sum over its groups (the kommune view needs only each
 * institution's total, so it reads one row per population instead of one per group).
 */
export async function institutionTotals(
  db: DbOrTx,
  institutionIds: string[],
  schoolYear: number,
): Promise<Omit<TotalRow, 'groupId'>[]> {
  if (!institutionIds.length) return [];
  return db
    .select({
      institutionId: progressionPeriods.institutionId,
      areaId: progressionTotals.areaId,
      periodId: progressionTotals.periodId,
      groen: sql<number>`sum(${progressionTotals.groen})::int`,
      gul: sql<number>`sum(${progressionTotals.gul})::int`,
      roed: sql<number>`sum(${progressionTotals.roed})::int`,
      movedUp: sql<number>`sum(${progressionTotals.movedUp})::int`,
      movedDown: sql<number>`sum(${progressionTotals.movedDown})::int`,
    })
    .from(progressionTotals)
    .innerJoin(progressionPeriods, eq(progressionPeriods.id, progressionTotals.periodId))
    .where(
      and(
        inArray(progressionPeriods.institutionId, institutionIds),
        eq(progressionPeriods.schoolYear, schoolYear),
      ),
    )
    .groupBy(progressionPeriods.institutionId, progressionTotals.areaId, progressionTotals.periodId);
}
