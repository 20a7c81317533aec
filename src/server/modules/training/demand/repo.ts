import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ACTIVE_COURSE_STATES } from '../../../../shared/training.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { teamMemberships, teams, users } from '../../../db/schema.js';
import { trainingCourses, trainingCoverage, trainingRequests } from '../../../db/training-schema.js';
import { taxonomyTerms, videos } from '../../../db/videos-schema.js';
import { policyColumns } from '../../videos/index.js';

/** The write side of asking for training (V7): requests, the per-method lock, proposals. SQL only. */

const ACTIVE_LIST = `(${ACTIVE_COURSE_STATES.map((s) => `'${s}'`).join(', ')})`;
/** `('proposed', 'planned', 'open', 'running')`: the states in which a course gathers requests. */
export const ACTIVE = sql.raw(ACTIVE_LIST);

/**
 * Does the request row under `alias` still count: waiting for the threshold, or attached to its method's active
 * course? (One attached to a completed or documented course is history.)
 */
export const current = (alias: string) =>
  sql.raw(`(${alias}.course_id is null or exists (select 1 from training_courses ac
            where ac.id = ${alias}.course_id and ac.state in ${ACTIVE_LIST}))`);

/** How much the request under `alias` weighs: 2 counted toward the active course, 1 waiting, 0 history. */
export const weight = (alias: string) =>
  sql.raw(`(case when ${alias}.course_id is null then 1
                 when exists (select 1 from training_courses wc
                              where wc.id = ${alias}.course_id and wc.state in ${ACTIVE_LIST}) then 2
                 else 0 end)`);

export type Method = { id: string; label: string };

/** A method term (kind 'method'), or undefined. */
export async function getMethod(db: DbOrTx, id: string): Promise<Method | undefined> {
  const [m] = await db
    .select({ id: taxonomyTerms.id, label: taxonomyTerms.label })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.id, id), eq(taxonomyTerms.kind, 'method')));
  return m;
}

/**
 * Locks the method's taxonomy row for the rest of the transaction: every change to a method's requests and
 * proposal takes this lock first, so counting and proposing are serialised per method. Undefined when the
 * term is gone or is not a method.
 */
export async function lockMethod(db: DbOrTx, id: string): Promise<Method | undefined> {
  const [m] = await db
    .select({ id: taxonomyTerms.id, label: taxonomyTerms.label })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.id, id), eq(taxonomyTerms.kind, 'method')))
    .for('update');
  return m;
}

/** The video fields asking needs: what the policy decides on, and its title. */
export async function getVideo(db: DbOrTx, id: string) {
  const [v] = await db
    .select({ ...policyColumns, title: videos.title })
    .from(videos)
    .where(eq(videos.id, id));
  return v;
}

export async function videoHasMethod(db: DbOrTx, videoId: string, methodId: string): Promise<boolean> {
  const found = await rows(
    db,
    sql`select 1 from video_methods where video_id = ${videoId} and term_id = ${methodId}`,
  );
  return found.length > 0;
}

/** The team, when `userId` is a member of it now. */
export async function teamOfMember(db: DbOrTx, teamId: string, userId: string) {
  const [t] = await db
    .select({ id: teams.id, name: teams.name, institutionId: teams.institutionId })
    .from(teams)
    .innerJoin(teamMemberships, eq(teamMemberships.teamId, teams.id))
    .where(and(eq(teams.id, teamId), eq(teamMemberships.userId, userId)));
  return t;
}

/** The team's members who can still take part (not disabled accounts). */
export async function teamMemberIds(db: DbOrTx, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, teamId), sql`${users.status} <> 'disabled'`));
  return rows.map((r) => r.id);
}

/** The method's active course (proposed, planned, open or running), if any. */
export async function activeCourse(db: DbOrTx, methodId: string) {
  const [c] = await db
    .select({ id: trainingCourses.id, state: trainingCourses.state, title: trainingCourses.title })
    .from(trainingCourses)
    .where(
      and(eq(trainingCourses.methodId, methodId), inArray(trainingCourses.state, [...ACTIVE_COURSE_STATES])),
    );
  return c;
}

/**
 * Records requests for these people. A person who already counts for the method keeps their request as it is;
 * one whose earlier request belongs to a finished course asks anew. Returns the people counted by this call.
 */
export async function upsertRequests(
  db: DbOrTx,
  r: {
    methodId: string;
    userIds: string[];
    videoId: string | null;
    teamId: string | null;
    requestedBy: string;
    institutionId: string | null;
    courseId: string | null;
  },
): Promise<string[]> {
  if (r.userIds.length === 0) return [];
  const t = trainingRequests;
  const rows = await db
    .insert(t)
    .values(
      r.userIds.map((userId) => ({
        methodId: r.methodId,
        userId,
        videoId: r.videoId,
        teamId: r.teamId,
        requestedBy: r.requestedBy,
        institutionId: r.institutionId,
        courseId: r.courseId,
      })),
    )
    .onConflictDoUpdate({
      target: [t.methodId, t.userId],
      set: {
        videoId: sql`excluded.video_id`,
        teamId: sql`excluded.team_id`,
        requestedBy: sql`excluded.requested_by`,
        institutionId: sql`excluded.institution_id`,
        courseId: sql`excluded.course_id`,
        createdAt: sql`now()`,
      },
      setWhere: sql`not ${current('training_requests')}`,
    })
    .returning({ userId: t.userId });
  return rows.map((x) => x.userId);
}

/** Withdraws the person's request while it still counts (history on finished courses stays). */
export async function deleteCurrentRequest(db: DbOrTx, methodId: string, userId: string) {
  await db.execute(sql`delete from training_requests r
    where r.method_id = ${methodId} and r.user_id = ${userId} and ${current('r')}`);
}

/** How many requests for the method wait for the threshold (no course yet). */
export async function countWaiting(db: DbOrTx, methodId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from training_requests where method_id = ${methodId} and course_id is null`,
  );
  return row?.n ?? 0;
}

export async function countAttached(db: DbOrTx, courseId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from training_requests where course_id = ${courseId}`,
  );
  return row?.n ?? 0;
}

/** A new proposal for the method, with its secret calendar token. */
export async function insertProposal(db: DbOrTx, methodId: string): Promise<string> {
  const [c] = await db
    .insert(trainingCourses)
    .values({ methodId, state: 'proposed', calendarToken: randomBytes(24).toString('base64url') })
    .returning({ id: trainingCourses.id });
  return c.id;
}

/** Attaches every waiting request of the method to the course. */
export async function attachWaiting(db: DbOrTx, methodId: string, courseId: string) {
  await db.execute(sql`update training_requests set course_id = ${courseId}
    where method_id = ${methodId} and course_id is null`);
}

/** Remembers the videos the course's requests came from (kept when a request is withdrawn). */
export async function addCourseVideos(db: DbOrTx, courseId: string) {
  await db.execute(sql`insert into training_course_videos (course_id, video_id)
    select distinct course_id, video_id from training_requests
    where course_id = ${courseId} and video_id is not null
    on conflict do nothing`);
}

export async function requesterIds(db: DbOrTx, courseId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`select user_id as id from training_requests where course_id = ${courseId}`,
  );
  return found.map((r) => r.id);
}

/**
 * Who hears that a proposal was made: resource persons who cover the method and work in a kommune involved (or,
 * when there are none, every resource person at the requesters' institutions), all editors, and forvaltning of
 * the kommuner involved. Each person once; disabled accounts never.
 */
export async function proposalRecipients(db: DbOrTx, courseId: string, methodId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`with insts as (
          select distinct institution_id as id from training_requests
          where course_id = ${courseId} and institution_id is not null),
        komm as (select distinct i.kommune_id as id from institutions i where i.id in (select id from insts)),
        covering as (
          select distinct g.user_id from role_grants g
          join institutions i on i.id = g.institution_id
          join training_coverage tc on tc.user_id = g.user_id and tc.method_id = ${methodId}
          join users u on u.id = g.user_id and u.status <> 'disabled'
          where g.role = 'ressourceperson' and i.kommune_id in (select id from komm))
        select x.user_id as id from (
          select user_id from covering
          union select g.user_id from role_grants g
            where g.role = 'ressourceperson' and g.institution_id in (select id from insts)
              and not exists (select 1 from covering)
          union select g.user_id from role_grants g where g.role = 'redaktoer'
          union select g.user_id from role_grants g
            where g.role = 'forvaltning' and g.kommune_id in (select id from komm)
        ) x join users u on u.id = x.user_id and u.status <> 'disabled'`,
  );
  return found.map((r) => r.id);
}

/** Methods with at least `threshold` waiting requests and no active course: due for a proposal. */
export async function dueMethods(db: DbOrTx, threshold: number): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    sql`select r.method_id as id from training_requests r
        where r.course_id is null
          and not exists (select 1 from training_courses c where c.method_id = r.method_id and c.state in ${ACTIVE})
        group by r.method_id having count(*) >= ${threshold}`,
  );
  return found.map((r) => r.id);
}

/** Is the method asked for, or has it had a course? (Then it is in use and cannot be deleted.) */
export async function methodHasTraining(db: DbOrTx, methodId: string): Promise<boolean> {
  const found = await rows(
    db,
    sql`select 1 where exists (select 1 from training_requests where method_id = ${methodId})
           or exists (select 1 from training_courses where method_id = ${methodId})`,
  );
  return found.length > 0;
}

/** Every method (by label), and whether the person covers it. */
export async function coverageOf(db: DbOrTx, userId: string, limit: number) {
  return rows<{ id: string; label: string; covered: boolean }>(
    db,
    sql`select t.id, t.label,
               exists (select 1 from training_coverage c where c.user_id = ${userId} and c.method_id = t.id) as covered
        from taxonomy_terms t where t.kind = 'method' order by t.label, t.id limit ${limit}`,
  );
}

/** How many of these ids are method terms. */
export async function countMethods(db: DbOrTx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from taxonomy_terms t where t.kind = 'method' and ${inArray(sql.raw('t.id'), ids)}`,
  );
  return row?.n ?? 0;
}

export async function replaceCoverage(db: DbOrTx, userId: string, methodIds: string[]) {
  await db.delete(trainingCoverage).where(eq(trainingCoverage.userId, userId));
  if (methodIds.length)
    await db.insert(trainingCoverage).values(methodIds.map((methodId) => ({ userId, methodId })));
}
