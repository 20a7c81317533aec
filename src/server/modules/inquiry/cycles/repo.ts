import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryCycles, inquiryReflections, inquiryTasks } from '../../../db/inquiry-schema.js';
import { rows } from '../../../db/rows.js';
import { teamMemberships, users } from '../../../db/schema.js';

/** Inquiry cycles: SQL only. */

/** Loops of one series shown at most (a team starts a handful). */
const LOOPS_MAX = 100;

export type CycleInsert = typeof inquiryCycles.$inferInsert;

export async function insertCycle(db: DbOrTx, values: CycleInsert) {
  const [row] = await db.insert(inquiryCycles).values(values).returning({ id: inquiryCycles.id });
  return row.id;
}

/** Writes the changed columns, moves the version on and stamps updated_at. */
export async function updateCycle(db: DbOrTx, id: string, set: Partial<CycleInsert>) {
  await db
    .update(inquiryCycles)
    .set({ ...set, version: sql`${inquiryCycles.version} + 1`, updatedAt: sql`now()` })
    .where(eq(inquiryCycles.id, id));
}

/** The series' loops, oldest first. */
export function loops(db: DbOrTx, seriesId: string) {
  return db
    .select({
      id: inquiryCycles.id,
      loop: inquiryCycles.loop,
      state: inquiryCycles.state,
      title: inquiryCycles.title,
    })
    .from(inquiryCycles)
    .where(eq(inquiryCycles.seriesId, seriesId))
    .orderBy(asc(inquiryCycles.loop), asc(inquiryCycles.createdAt))
    .limit(LOOPS_MAX);
}

/** The highest loop number of the series. */
export async function lastLoop(db: DbOrTx, seriesId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`max(${inquiryCycles.loop})::int` })
    .from(inquiryCycles)
    .where(eq(inquiryCycles.seriesId, seriesId));
  return row?.n ?? 0;
}

export async function personName(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [u] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  return u ?? null;
}

/**
 * Carries the open lines of a loop's data plan into the next loop as new tasks: same title and order; the owner
 * only while still a member of the team; dates and reminders start afresh (the team dates the new loop's plan).
 * Answers how many were carried.
 */
export async function carryDataPlan(
  db: DbOrTx,
  from: { cycleId: string; teamId: string },
  toCycleId: string,
  actorId: string,
) {
  const carried = await rows<{ id: string }>(
    db,
    sql`insert into ${inquiryTasks} (team_id, cycle_id, kind, title, owner_id, remind_days, position, created_by)
      select k.team_id, ${toCycleId}::uuid, 'data', k.title,
        case when exists (select 1 from ${teamMemberships} m where m.team_id = ${from.teamId} and m.user_id = k.owner_id)
          then k.owner_id end,
        k.remind_days, row_number() over (order by k.position, k.created_at, k.id) - 1, ${actorId}::uuid
      from ${inquiryTasks} k
      where k.cycle_id = ${from.cycleId} and k.kind = 'data' and k.done_at is null
      order by k.position, k.created_at, k.id
      returning id`,
  );
  return carried.length;
}

export function reflections(db: DbOrTx, cycleId: string) {
  return db
    .select({
      userId: inquiryReflections.userId,
      name: users.name,
      body: inquiryReflections.body,
      updatedAt: inquiryReflections.updatedAt,
    })
    .from(inquiryReflections)
    .innerJoin(users, eq(users.id, inquiryReflections.userId))
    .where(eq(inquiryReflections.cycleId, cycleId))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

export async function saveReflection(db: DbOrTx, cycleId: string, userId: string, body: string) {
  const [row] = await db
    .insert(inquiryReflections)
    .values({ cycleId, userId, body })
    .onConflictDoUpdate({
      target: [inquiryReflections.cycleId, inquiryReflections.userId],
      set: { body, updatedAt: sql`now()` },
    })
    .returning({ updatedAt: inquiryReflections.updatedAt });
  return row.updatedAt;
}

export async function deleteReflection(db: DbOrTx, cycleId: string, userId: string) {
  await db
    .delete(inquiryReflections)
    .where(and(eq(inquiryReflections.cycleId, cycleId), eq(inquiryReflections.userId, userId)));
}
