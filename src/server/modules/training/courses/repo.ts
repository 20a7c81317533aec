import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { COURSE_STATES, type CourseState } from '../../../../shared/training.js';
import type { DbOrTx } from '../../../db/index.js';
import { institutions, teams, users } from '../../../db/schema.js';
import {
  trainingCourseInstitutions,
  trainingCourses,
  trainingCourseTrainers,
  trainingCourseVideos,
  trainingEnrolments,
  trainingRequests,
  trainingSessions,
} from '../../../db/training-schema.js';
import { taxonomyTerms, videos } from '../../../db/videos-schema.js';

/** SQL for training courses (V7): lists, the pieces of a course page, and plain writes. No policy here. */

const c = trainingCourses;
const t = (ts: SQL) => ts.mapWith(trainingSessions.startsAt);

/** Where a state comes in the course's life (0 = proposed): lists are ordered by it. */
const stateRank = sql<number>`array_position(array[${sql.raw(COURSE_STATES.map((s) => `'${s}'`).join(','))}]::text[], ${c.state}::text)`;

const countWhere = (status: string) =>
  sql<number>`(select count(*)::int from ${trainingEnrolments} e where e.course_id = ${c.id} and e.status = ${status})`;

/** The columns a course list and a course page share, for the actor `uid` (null: nobody signed in). */
const courseColumns = (uid: string | null) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  state: c.state,
  capacity: c.capacity,
  methodId: c.methodId,
  methodLabel: taxonomyTerms.label,
  plannerId: c.plannerId,
  plannerName: sql<string | null>`(select u.name from ${users} u where u.id = ${c.plannerId})`,
  documentationVideoId: c.documentationVideoId,
  calendarToken: c.calendarToken,
  proposedAt: c.proposedAt,
  plannedAt: c.plannedAt,
  openedAt: c.openedAt,
  startedAt: c.startedAt,
  completedAt: c.completedAt,
  documentedAt: c.documentedAt,
  updatedAt: c.updatedAt,
  requests: sql<number>`(select count(*)::int from ${trainingRequests} r where r.course_id = ${c.id})`,
  enrolled: countWhere('enrolled'),
  waiting: countWhere('waiting'),
  invited: countWhere('invited'),
  nextSessionAt: t(
    sql`(select min(s.starts_at) from ${trainingSessions} s where s.course_id = ${c.id} and s.ends_at > now())`,
  ),
  myStatus: sql<
    'invited' | 'enrolled' | 'waiting' | 'cancelled' | null
  >`(select e.status from ${trainingEnrolments} e where e.course_id = ${c.id} and e.user_id = ${uid})`,
  requester: sql<boolean>`exists (select 1 from ${trainingRequests} r where r.course_id = ${c.id} and r.user_id = ${uid})`,
  rank: stateRank,
  /** proposed_at as PostgreSQL writes it (microseconds kept): the list cursor compares it exactly. */
  proposedAtText: sql<string>`to_char(${c.proposedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
});

export type CourseRow = NonNullable<Awaited<ReturnType<typeof getCourse>>>;

export async function getCourse(db: DbOrTx, id: string, uid: string | null) {
  const [row] = await db
    .select(courseColumns(uid))
    .from(c)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, c.methodId))
    .where(eq(c.id, id));
  return row;
}

export type ListCursor = { rank: number; proposedAt: string; id: string };

/** Courses satisfying `where`, in state order, then newest first; `limit` rows after the cursor. */
export async function listCourses(
  db: DbOrTx,
  where: SQL,
  opts: { uid: string; state?: CourseState; mine?: boolean; after?: ListCursor; limit: number },
) {
  const uid = opts.uid;
  const mine = opts.mine
    ? or(
        eq(c.plannerId, uid),
        sql`exists (select 1 from ${trainingCourseTrainers} x where x.course_id = ${c.id} and x.user_id = ${uid})`,
        sql`exists (select 1 from ${trainingRequests} r where r.course_id = ${c.id} and r.user_id = ${uid})`,
        sql`exists (select 1 from ${trainingEnrolments} e where e.course_id = ${c.id} and e.user_id = ${uid} and e.status <> 'cancelled')`,
      )
    : undefined;
  const a = opts.after;
  const after = a
    ? sql`(${stateRank} > ${a.rank} or (${stateRank} = ${a.rank} and (${c.proposedAt} < ${a.proposedAt}::timestamptz
           or (${c.proposedAt} = ${a.proposedAt}::timestamptz and ${c.id} < ${a.id}))))`
    : undefined;
  return db
    .select(courseColumns(uid))
    .from(c)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, c.methodId))
    .where(and(where, opts.state ? eq(c.state, opts.state) : undefined, mine, after))
    .orderBy(asc(stateRank), sql`${c.proposedAt} desc`, sql`${c.id} desc`)
    .limit(opts.limit);
}

/** The people, places and videos on a course page, in one round trip per kind. */
export async function coursePeople(db: DbOrTx, id: string) {
  const trainers = await db
    .select({ id: users.id, name: users.name })
    .from(trainingCourseTrainers)
    .innerJoin(users, eq(users.id, trainingCourseTrainers.userId))
    .where(eq(trainingCourseTrainers.courseId, id))
    .orderBy(asc(users.name), asc(users.id));
  const insts = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(trainingCourseInstitutions)
    .innerJoin(institutions, eq(institutions.id, trainingCourseInstitutions.institutionId))
    .where(eq(trainingCourseInstitutions.courseId, id))
    .orderBy(asc(institutions.name), asc(institutions.id));
  const requestInstitutions = await db
    .select({ id: institutions.id, name: institutions.name, count: sql<number>`count(*)::int` })
    .from(trainingRequests)
    .innerJoin(institutions, eq(institutions.id, trainingRequests.institutionId))
    .where(eq(trainingRequests.courseId, id))
    .groupBy(institutions.id, institutions.name)
    .orderBy(sql`count(*) desc`, asc(institutions.name));
  return { trainers, institutions: insts, requestInstitutions };
}

export async function sessionsOf(db: DbOrTx, courseId: string) {
  return db
    .select({
      id: trainingSessions.id,
      startsAt: trainingSessions.startsAt,
      endsAt: trainingSessions.endsAt,
      place: trainingSessions.place,
      onlineUrl: trainingSessions.onlineUrl,
      createdAt: trainingSessions.createdAt,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.courseId, courseId))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
}

/** The videos the requests came from, and the documentation video, that `visible` (the viewer's videos) allows. */
export async function courseVideos(
  db: DbOrTx,
  courseId: string,
  documentationId: string | null,
  visible: SQL,
) {
  const source = await db
    .select({ id: videos.id, title: videos.title })
    .from(trainingCourseVideos)
    .innerJoin(videos, eq(videos.id, trainingCourseVideos.videoId))
    .where(and(eq(trainingCourseVideos.courseId, courseId), visible))
    .orderBy(asc(videos.title), asc(videos.id));
  const [doc] = documentationId
    ? await db
        .select({ id: videos.id, title: videos.title })
        .from(videos)
        .where(and(eq(videos.id, documentationId), visible))
    : [];
  return { source, documentation: doc ?? null };
}

/** Who asked, with where they work, the team they were counted in by, and the video (its title only if `visible`). */
export async function requestersOf(db: DbOrTx, courseId: string, visible: SQL) {
  return db
    .select({
      id: users.id,
      name: users.name,
      institutionName: institutions.name,
      teamName: teams.name,
      viaTeam: sql<boolean>`${trainingRequests.teamId} is not null`,
      videoTitle: sql<
        string | null
      >`case when ${videos.id} is not null and ${visible} then ${videos.title} end`,
    })
    .from(trainingRequests)
    .innerJoin(users, eq(users.id, trainingRequests.userId))
    .leftJoin(institutions, eq(institutions.id, trainingRequests.institutionId))
    .leftJoin(teams, eq(teams.id, trainingRequests.teamId))
    .leftJoin(videos, eq(videos.id, trainingRequests.videoId))
    .where(eq(trainingRequests.courseId, courseId))
    .orderBy(asc(users.name), asc(users.id));
}

/** The user ids among `ids` that satisfy `where` (over users; e.g. the people the actor may see) and are not disabled. */
export async function existingPeople(db: DbOrTx, ids: string[], where: SQL) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), sql`${users.status} <> 'disabled'`, where));
  return rows.map((r) => r.id);
}

/** The institution ids among `ids` that satisfy `where` (over institutions). */
/** Institutions the course's requests came from: a planner may name them even without seeing them otherwise. */
export const requestInstitutionsOf = (courseId: string): SQL =>
  sql`${institutions.id} in (select r.institution_id from ${trainingRequests} r where r.course_id = ${courseId})`;

export async function existingInstitutions(db: DbOrTx, ids: string[], where: SQL) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(and(inArray(institutions.id, ids), where));
  return rows.map((r) => r.id);
}

export async function updateCourse(db: DbOrTx, id: string, v: PgUpdateSetSource<typeof trainingCourses>) {
  await db
    .update(c)
    .set({ ...v, updatedAt: sql`now()` })
    .where(eq(c.id, id));
}

export async function replaceTrainers(db: DbOrTx, courseId: string, userIds: string[]) {
  await db.delete(trainingCourseTrainers).where(eq(trainingCourseTrainers.courseId, courseId));
  if (userIds.length)
    await db.insert(trainingCourseTrainers).values(userIds.map((userId) => ({ courseId, userId })));
}

export async function replaceInstitutions(db: DbOrTx, courseId: string, institutionIds: string[]) {
  await db.delete(trainingCourseInstitutions).where(eq(trainingCourseInstitutions.courseId, courseId));
  if (institutionIds.length)
    await db
      .insert(trainingCourseInstitutions)
      .values(institutionIds.map((institutionId) => ({ courseId, institutionId })));
}

/** The ids of the people who asked for this course (their requests counted toward it). */
export async function requesterIds(db: DbOrTx, courseId: string) {
  const rows = await db
    .select({ id: trainingRequests.userId })
    .from(trainingRequests)
    .where(eq(trainingRequests.courseId, courseId));
  return rows.map((r) => r.id);
}

export async function courseByToken(db: DbOrTx, token: string) {
  const [row] = await db.select({ id: c.id }).from(c).where(eq(c.calendarToken, token));
  return row?.id ?? null;
}

export async function sessionCourseId(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ courseId: trainingSessions.courseId })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  return row?.courseId ?? null;
}

/** What notifications about a course need, read inside the transaction of the change. */
export async function courseBasics(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: c.id,
      title: c.title,
      state: c.state,
      capacity: c.capacity,
      methodId: c.methodId,
      methodLabel: taxonomyTerms.label,
      plannerId: c.plannerId,
    })
    .from(c)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, c.methodId))
    .where(eq(c.id, id));
  return row;
}

export type Basics = NonNullable<Awaited<ReturnType<typeof courseBasics>>>;

/** Every training notification carries these (COMMON.md): the title stays empty while only proposed. */
export const coursePayload = (b: {
  id: string;
  title: string;
  state: CourseState;
  methodId: string;
  methodLabel: string;
}) => ({
  courseId: b.id,
  courseTitle: b.state === 'proposed' ? '' : b.title,
  methodId: b.methodId,
  methodLabel: b.methodLabel,
});
