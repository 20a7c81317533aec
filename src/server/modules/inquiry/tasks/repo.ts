import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { REMINDER_HOUR, TIME_ZONE } from '../../../../shared/training.js';
import type { DbOrTx } from '../../../db/index.js';
import { inquiryCycles, inquiryTasks } from '../../../db/inquiry-schema.js';
import { institutions, teamMemberships, teams, users } from '../../../db/schema.js';

/** SQL for tasks (issue 16): no rules here — the service decides who may do what. */

const t = inquiryTasks;

/** The columns of the Task contract, with the owner's name (one join, no N+1). */
const taskColumns = {
  id: t.id,
  teamId: t.teamId,
  cycleId: t.cycleId,
  meetingId: t.meetingId,
  kind: t.kind,
  title: t.title,
  ownerId: t.ownerId,
  ownerName: users.name,
  dueOn: t.dueOn,
  analyseOn: t.analyseOn,
  remindDays: t.remindDays,
  doneAt: t.doneAt,
  position: t.position,
  createdAt: t.createdAt,
};

export type TaskRow = {
  id: string;
  teamId: string;
  cycleId: string | null;
  meetingId: string | null;
  kind: 'data' | 'action';
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  analyseOn: string | null;
  remindDays: number;
  doneAt: Date | null;
  position: number;
  createdAt: Date;
};

/** The plan's order: as the team placed the lines, then as they were made. */
const planOrder = [asc(t.position), asc(t.createdAt), asc(t.id)];

/** A cycle's tasks (its data plan and action items), in the plan's order; at most tasksPerCycle exist. */
export async function listCycleTasks(db: DbOrTx, cycleId: string): Promise<TaskRow[]> {
  return db
    .select(taskColumns)
    .from(t)
    .leftJoin(users, eq(users.id, t.ownerId))
    .where(eq(t.cycleId, cycleId))
    .orderBy(...planOrder);
}

/** A team's open tasks, soonest due first (at most `limit`). */
export async function listOpenTeamTasks(db: DbOrTx, teamId: string, limit: number): Promise<TaskRow[]> {
  return db
    .select(taskColumns)
    .from(t)
    .leftJoin(users, eq(users.id, t.ownerId))
    .where(and(eq(t.teamId, teamId), isNull(t.doneAt)))
    .orderBy(sql`${t.dueOn} asc nulls last`, asc(t.createdAt), asc(t.id))
    .limit(limit);
}

/** A meeting's action items, in the order they were made. */
export async function listMeetingTasks(db: DbOrTx, meetingId: string): Promise<TaskRow[]> {
  return db
    .select(taskColumns)
    .from(t)
    .leftJoin(users, eq(users.id, t.ownerId))
    .where(eq(t.meetingId, meetingId))
    .orderBy(...planOrder);
}

/**
 * The person's open tasks in the teams they are a member of now (team_memberships, not the session), soonest due
 * first, with the team's and the cycle's names.
 */
export async function listMyOpenTasks(db: DbOrTx, userId: string, limit: number) {
  return db
    .select({ ...taskColumns, teamName: teams.name, cycleTitle: inquiryCycles.title })
    .from(t)
    .innerJoin(teams, eq(teams.id, t.teamId))
    .innerJoin(teamMemberships, and(eq(teamMemberships.teamId, t.teamId), eq(teamMemberships.userId, userId)))
    .leftJoin(users, eq(users.id, t.ownerId))
    .leftJoin(inquiryCycles, eq(inquiryCycles.id, t.cycleId))
    .where(and(eq(t.ownerId, userId), isNull(t.doneAt)))
    .orderBy(sql`${t.dueOn} asc nulls last`, asc(t.createdAt), asc(t.id))
    .limit(limit);
}

/** One task with what its policy needs: its team's institution and kommune. */
export async function getTaskScope(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: t.id,
      teamId: t.teamId,
      cycleId: t.cycleId,
      meetingId: t.meetingId,
      ownerId: t.ownerId,
      institutionId: teams.institutionId,
      kommuneId: institutions.kommuneId,
    })
    .from(t)
    .innerJoin(teams, eq(teams.id, t.teamId))
    .innerJoin(institutions, eq(institutions.id, teams.institutionId))
    .where(eq(t.id, id));
  return row;
}

export async function getTask(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select(taskColumns)
    .from(t)
    .leftJoin(users, eq(users.id, t.ownerId))
    .where(eq(t.id, id));
  return row;
}

/** Locks the task row (inside a transaction) so two edits of one task happen one after the other. */
export async function lockTask(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: t.id }).from(t).where(eq(t.id, id)).for('update');
  return row;
}

/** Is the person a member of the team now? */
export async function isTeamMember(db: DbOrTx, teamId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)));
  return !!row;
}

/** How many tasks a cycle (or a meeting) has. */
export async function countTasks(db: DbOrTx, where: { cycleId: string } | { meetingId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(t)
    .where('cycleId' in where ? eq(t.cycleId, where.cycleId) : eq(t.meetingId, where.meetingId));
  return row?.n ?? 0;
}

export async function insertTask(db: DbOrTx, v: typeof inquiryTasks.$inferInsert): Promise<string> {
  const position =
    (v.cycleId ?? v.meetingId)
      ? sql`(select coalesce(max(${t.position}), -1) + 1 from ${t} where ${
          v.cycleId ? sql`${t.cycleId} = ${v.cycleId}` : sql`${t.meetingId} = ${v.meetingId}`
        })`
      : 0;
  const [row] = await db
    .insert(t)
    .values({ ...v, position })
    .returning({ id: t.id });
  return row.id;
}

export async function updateTask(db: DbOrTx, id: string, v: Partial<typeof inquiryTasks.$inferInsert>) {
  if (Object.keys(v).length) await db.update(t).set(v).where(eq(t.id, id));
}

export async function deleteTask(db: DbOrTx, id: string) {
  await db.delete(t).where(eq(t.id, id));
}

/**
 * When a task's reminder is due, in SQL: REMINDER_HOUR o'clock, Danish wall-clock time, `remind_days` days before
 * the Danish day it is due. Daylight saving is PostgreSQL's business (`at time zone`).
 */
const reminderDueAt: SQL = sql`(((${t.dueOn} - ${t.remindDays}) + make_time(${REMINDER_HOUR}::int, 0, 0)) at time zone ${TIME_ZONE})`;

/**
 * Claims the open tasks whose reminder is due at `now` and not yet sent, whose owner is a member of the team now,
 * and that are not past due (a late task is not "reminded"): sets reminded_at in one UPDATE … RETURNING, so two
 * workers never send one twice. Answers what the reminder says.
 */
export async function claimDueReminders(db: DbOrTx, now: Date) {
  const at = now.toISOString();
  const claimed = await db
    .update(t)
    .set({ remindedAt: sql`${at}::timestamptz` })
    .where(
      and(
        isNull(t.remindedAt),
        isNull(t.doneAt),
        sql`${t.ownerId} is not null`,
        sql`${t.dueOn} is not null`,
        sql`${t.dueOn} >= (${at}::timestamptz at time zone ${TIME_ZONE})::date`,
        sql`${at}::timestamptz >= ${reminderDueAt}`,
        sql`exists (select 1 from ${teamMemberships} m where m.team_id = ${t.teamId} and m.user_id = ${t.ownerId})`,
      ),
    )
    .returning({
      id: t.id,
      teamId: t.teamId,
      cycleId: t.cycleId,
      meetingId: t.meetingId,
      kind: t.kind,
      title: t.title,
      ownerId: t.ownerId,
      dueOn: t.dueOn,
    });
  return claimed;
}

/** The names of teams and cycles, for the reminders' words (one query each, not one per task). */
export async function teamNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function cycleTitles(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .select({ id: inquiryCycles.id, title: inquiryCycles.title })
    .from(inquiryCycles)
    .where(inArray(inquiryCycles.id, ids));
  return new Map(rows.map((r) => [r.id, r.title]));
}
