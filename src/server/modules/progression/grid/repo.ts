import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import {
  progressionAreas,
  progressionChildren,
  progressionPeriods,
  progressionPlacements,
  progressionStatuses,
  progressionTotals,
} from '../../../db/progression-schema.js';
import { users } from '../../../db/schema.js';

/** The grid's SQL (issue 17 part 2): children, placements, statuses, totals. No rules here. */

/** Children placed in the group at any time, with their span in it (to_on null while any placement is open). */
export const childrenOfGroup = (db: DbOrTx, groupId: string) =>
  db
    .select({
      id: progressionChildren.id,
      code: progressionChildren.code,
      fullName: progressionChildren.fullName,
      fromOn: sql<string>`min(${progressionPlacements.fromOn})::text`,
      toOn: sql<string | null>`case when bool_or(${progressionPlacements.toOn} is null) then null
        else max(${progressionPlacements.toOn})::text end`,
    })
    .from(progressionPlacements)
    .innerJoin(progressionChildren, eq(progressionChildren.id, progressionPlacements.childId))
    .where(eq(progressionPlacements.groupId, groupId))
    .groupBy(progressionChildren.id)
    .orderBy(sql`lower(${progressionChildren.code})`);

/** A cell's columns with who wrote it last (the grid's read and a write's check read the same). */
const cellColumns = {
  childId: progressionStatuses.childId,
  areaId: progressionStatuses.areaId,
  periodId: progressionStatuses.periodId,
  status: progressionStatuses.status,
  score: progressionStatuses.score,
  note: progressionStatuses.note,
  version: progressionStatuses.version,
  groupId: progressionStatuses.groupId,
  updatedAt: progressionStatuses.updatedAt,
  updatedById: users.id,
  updatedByName: users.name,
};

/** Every cell of these children in these periods, whichever group they were entered in. */
export const cellsOf = (db: DbOrTx, childIds: string[], periodIds: string[]) =>
  childIds.length && periodIds.length
    ? db
        .select(cellColumns)
        .from(progressionStatuses)
        .leftJoin(users, eq(users.id, progressionStatuses.updatedBy))
        .where(
          and(
            inArray(progressionStatuses.childId, childIds),
            inArray(progressionStatuses.periodId, periodIds),
          ),
        )
    : Promise.resolve([]);

export type CellRow = Awaited<ReturnType<typeof cellsOf>>[number];

export const cellOut = (r: CellRow) => ({
  areaId: r.areaId,
  periodId: r.periodId,
  status: r.status as 'groen' | 'gul' | 'roed',
  score: r.score === null ? null : Number(r.score),
  note: r.note,
  version: r.version,
  groupId: r.groupId,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedById ? { id: r.updatedById, name: r.updatedByName ?? '' } : null,
});

export const totalsOf = (db: DbOrTx, groupId: string, periodIds: string[]) =>
  periodIds.length
    ? db
        .select()
        .from(progressionTotals)
        .where(and(eq(progressionTotals.groupId, groupId), inArray(progressionTotals.periodId, periodIds)))
    : Promise.resolve([]);

/** One cell (for a write), with who wrote it last. */
export async function cell(db: DbOrTx, childId: string, areaId: string, periodId: string) {
  const [r] = await db
    .select({ id: progressionStatuses.id, ...cellColumns })
    .from(progressionStatuses)
    .leftJoin(users, eq(users.id, progressionStatuses.updatedBy))
    .where(
      and(
        eq(progressionStatuses.childId, childId),
        eq(progressionStatuses.areaId, areaId),
        eq(progressionStatuses.periodId, periodId),
      ),
    );
  return r;
}

/** The child with its current placement, else its latest one; `lock` locks the child row (status writers). */
export async function childWithPlacement(db: DbOrTx, childId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(progressionChildren).where(eq(progressionChildren.id, childId));
  const [child] = opts.lock ? await q.for('update') : await q;
  if (!child) return undefined;
  const [placement] = await db
    .select()
    .from(progressionPlacements)
    .where(eq(progressionPlacements.childId, childId))
    .orderBy(sql`${progressionPlacements.toOn} is null desc`, desc(progressionPlacements.fromOn))
    .limit(1);
  return placement ? { child, placement } : undefined;
}

export async function currentChildren(db: DbOrTx, groupId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(progressionPlacements)
    .where(and(eq(progressionPlacements.groupId, groupId), isNull(progressionPlacements.toOn)));
  return r.n;
}

export async function areaOf(db: DbOrTx, institutionId: string, areaId: string) {
  const [a] = await db
    .select()
    .from(progressionAreas)
    .where(and(eq(progressionAreas.id, areaId), eq(progressionAreas.institutionId, institutionId)));
  return a;
}

export async function periodOf(db: DbOrTx, institutionId: string, periodId: string) {
  const [p] = await db
    .select()
    .from(progressionPeriods)
    .where(and(eq(progressionPeriods.id, periodId), eq(progressionPeriods.institutionId, institutionId)));
  return p;
}

export const areasOf = (db: DbOrTx, institutionId: string) =>
  db
    .select()
    .from(progressionAreas)
    .where(eq(progressionAreas.institutionId, institutionId))
    .orderBy(asc(progressionAreas.position), asc(progressionAreas.name));
