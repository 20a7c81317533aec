import { aliasedTable, and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { ConferenceSnapshot } from '../../../../shared/contracts/progression.js';
import type { ProgressionStatus } from '../../../../shared/progression.js';
import type { DbOrTx } from '../../../db/index.js';
import {
  progressionAreas,
  progressionChildren,
  progressionConferences,
  progressionPeriods,
  progressionPlacements,
  progressionStatuses,
  progressionTotals,
} from '../../../db/progression-schema.js';
import { roleGrants, users } from '../../../db/schema.js';

/** Læringssamtaler (konferencer) per group: SQL only. */

export const CONFERENCES_MAX = 100;

const resourcePerson = aliasedTable(users, 'resource_person');
const creator = aliasedTable(users, 'creator');

const conferenceColumns = {
  row: progressionConferences,
  resourcePersonName: resourcePerson.name,
  createdByName: creator.name,
};

export type ConferenceRow = {
  row: typeof progressionConferences.$inferSelect;
  resourcePersonName: string | null;
  createdByName: string | null;
};

export async function byId(db: DbOrTx, id: string): Promise<ConferenceRow | undefined> {
  const [r] = await db
    .select(conferenceColumns)
    .from(progressionConferences)
    .leftJoin(resourcePerson, eq(resourcePerson.id, progressionConferences.resourcePersonId))
    .leftJoin(creator, eq(creator.id, progressionConferences.createdBy))
    .where(eq(progressionConferences.id, id));
  return r;
}

/** The group's conferences, newest first (held on, then written). */
export async function list(db: DbOrTx, groupId: string) {
  return db
    .select({
      id: progressionConferences.id,
      heldOn: progressionConferences.heldOn,
      focus: progressionConferences.focus,
      decisions: progressionConferences.decisions,
      followUp: progressionConferences.followUp,
    })
    .from(progressionConferences)
    .where(eq(progressionConferences.groupId, groupId))
    .orderBy(desc(progressionConferences.heldOn), desc(progressionConferences.createdAt))
    .limit(CONFERENCES_MAX);
}

/** The group id of a conference (no access decided here). */
export async function groupOf(db: DbOrTx, id: string): Promise<string | undefined> {
  const [r] = await db
    .select({ groupId: progressionConferences.groupId })
    .from(progressionConferences)
    .where(eq(progressionConferences.id, id));
  return r?.groupId;
}

/** Whether the person is a ressourceperson or leder of the institution now. */
export async function isResourcePersonAt(
  db: DbOrTx,
  userId: string,
  institutionId: string,
): Promise<boolean> {
  const [r] = await db
    .select({ one: sql<number>`1` })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.institutionId, institutionId),
        inArray(roleGrants.role, ['ressourceperson', 'leder']),
      ),
    )
    .limit(1);
  return !!r;
}

/** Who may be named a conference's resource person: the institution's ressourcepersoner and ledere (not disabled). */
export async function resourcePersons(
  db: DbOrTx,
  institutionId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(
      and(
        eq(roleGrants.institutionId, institutionId),
        inArray(roleGrants.role, ['ressourceperson', 'leder']),
        ne(users.status, 'disabled'),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * The overview of the group at this moment: the institution's areas (active, or with figures in the year), the
 * year's periods, every child placed in the group with its statuses entered in this group (by code; never a
 * name), and the group's counts.
 */
export async function snapshot(
  db: DbOrTx,
  g: { id: string; institutionId: string; schoolYear: number },
  takenAt: Date,
): Promise<ConferenceSnapshot> {
  const periods = await db
    .select({ id: progressionPeriods.id, name: progressionPeriods.name })
    .from(progressionPeriods)
    .where(
      and(
        eq(progressionPeriods.institutionId, g.institutionId),
        eq(progressionPeriods.schoolYear, g.schoolYear),
      ),
    )
    .orderBy(asc(progressionPeriods.startsOn), asc(progressionPeriods.name));
  const periodIds = periods.map((p) => p.id);
  const areas = await db
    .select({ id: progressionAreas.id, name: progressionAreas.name })
    .from(progressionAreas)
    .where(
      and(
        eq(progressionAreas.institutionId, g.institutionId),
        or(
          isNull(progressionAreas.archivedAt),
          sql`exists (select 1 from ${progressionTotals} t where t.area_id = ${progressionAreas.id} and t.group_id = ${g.id})`,
        ),
      ),
    )
    .orderBy(asc(progressionAreas.position), asc(progressionAreas.name));
  const children = await db
    .selectDistinct({ id: progressionChildren.id, code: progressionChildren.code })
    .from(progressionChildren)
    .innerJoin(progressionPlacements, eq(progressionPlacements.childId, progressionChildren.id))
    .where(eq(progressionPlacements.groupId, g.id))
    .orderBy(asc(progressionChildren.code));
  const statuses = periodIds.length
    ? await db
        .select({
          childId: progressionStatuses.childId,
          areaId: progressionStatuses.areaId,
          periodId: progressionStatuses.periodId,
          status: progressionStatuses.status,
        })
        .from(progressionStatuses)
        .where(and(eq(progressionStatuses.groupId, g.id), inArray(progressionStatuses.periodId, periodIds)))
    : [];
  const cells = new Map<string, { areaId: string; periodId: string; status: ProgressionStatus }[]>();
  for (const s of statuses) {
    const list = cells.get(s.childId) ?? [];
    list.push({ areaId: s.areaId, periodId: s.periodId, status: s.status as ProgressionStatus });
    cells.set(s.childId, list);
  }
  const totals = await db
    .select({
      areaId: progressionTotals.areaId,
      periodId: progressionTotals.periodId,
      groen: progressionTotals.groen,
      gul: progressionTotals.gul,
      roed: progressionTotals.roed,
      movedUp: progressionTotals.movedUp,
      movedDown: progressionTotals.movedDown,
    })
    .from(progressionTotals)
    .where(eq(progressionTotals.groupId, g.id));
  const inYear = new Set(periodIds);
  return {
    takenAt: takenAt.toISOString(),
    areas,
    periods,
    children: children.map((ch) => ({ code: ch.code, cells: cells.get(ch.id) ?? [] })),
    summary: totals
      .filter((x) => inYear.has(x.periodId))
      .map(({ areaId, periodId, ...counts }) => ({ areaId, periodId, counts })),
  };
}

export type ConferenceFields = {
  heldOn: string;
  focus: string;
  why: string;
  resourcePersonId: string | null;
  participants: string;
  decisions: string;
  followUp: string;
  previousOutcome: string;
};

export async function insert(
  db: DbOrTx,
  groupId: string,
  fields: ConferenceFields,
  snap: ConferenceSnapshot,
  by: string,
): Promise<string> {
  const [r] = await db
    .insert(progressionConferences)
    .values({ groupId, ...fields, snapshot: snap, createdBy: by })
    .returning({ id: progressionConferences.id });
  return r.id;
}

/** Writes the fields when the conference is still at `version`; false when someone saved meanwhile. */
export async function update(
  db: DbOrTx,
  id: string,
  version: number,
  fields: ConferenceFields,
): Promise<boolean> {
  const rows = await db
    .update(progressionConferences)
    .set({ ...fields, version: sql`${progressionConferences.version} + 1`, updatedAt: new Date() })
    .where(and(eq(progressionConferences.id, id), eq(progressionConferences.version, version)))
    .returning({ id: progressionConferences.id });
  return rows.length > 0;
}
