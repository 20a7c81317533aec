import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { institutions } from '../../../db/schema.js';
import {
  trainingCourseInstitutions,
  trainingCourses,
  trainingCourseTrainers,
  trainingEnrolments,
  trainingRequests,
} from '../../../db/training-schema.js';
import { AppError } from '../../../http/errors.js';
import type { Actor, CourseResource } from '../../../policy/index.js';

/**
 * The one policy view of a course for this actor (see policy/types.CourseResource): kommuner involved, the
 * participating institutions, planner and trainers, and the actor's own request and enrolment. One round trip.
 * Throws training.course_not_found when there is no such course. Pass `forUpdate` inside a transaction to lock
 * the course row (enrolment, state changes).
 */
/**
 * The course's id, always qualified: drizzle writes a single-table select's columns unqualified ("id"), which
 * inside a correlated subquery would mean the subquery's own table.
 */
const courseIdCol = sql`${trainingCourses}."id"`;

export async function loadCourseResource(
  db: DbOrTx,
  actor: Actor,
  courseId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CourseResource> {
  const uid = actor.id || null;
  const q = db
    .select({
      id: trainingCourses.id,
      state: trainingCourses.state,
      plannerId: trainingCourses.plannerId,
      kommuneIds: sql<string[]>`array(
        select distinct i.kommune_id from ${institutions} i
        where i.id in (select r.institution_id from ${trainingRequests} r where r.course_id = ${courseIdCol})
           or i.id in (select ci.institution_id from ${trainingCourseInstitutions} ci where ci.course_id = ${courseIdCol}))`,
      institutionIds: sql<
        string[]
      >`array(select ci.institution_id from ${trainingCourseInstitutions} ci where ci.course_id = ${courseIdCol})`,
      trainerIds: sql<
        string[]
      >`array(select t.user_id from ${trainingCourseTrainers} t where t.course_id = ${courseIdCol})`,
      requester: sql<boolean>`exists (select 1 from ${trainingRequests} r where r.course_id = ${courseIdCol} and r.user_id = ${uid})`,
      enrolment: sql<
        CourseResource['enrolment']
      >`(select e.status from ${trainingEnrolments} e where e.course_id = ${courseIdCol} and e.user_id = ${uid})`,
    })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, courseId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: trainingCourses }) : await q;
  if (!row) throw new AppError('training.course_not_found');
  return { type: 'course', ...row };
}
