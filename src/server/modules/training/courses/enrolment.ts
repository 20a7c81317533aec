import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { EnrolmentStatus } from '../../../../shared/training.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { users } from '../../../db/schema.js';
import { trainingEnrolments, trainingRequests } from '../../../db/training-schema.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize } from '../../../policy/index.js';
import { notify, notifyMany } from '../../notifications/index.js';
import { type Basics, courseBasics, coursePayload } from './repo.js';
import { loadCourseResource } from './resource.js';

/**
 * Enrolment and the waiting list (V7). Every change locks the course row first, so parallel clicks line up:
 * exactly `capacity` people are enrolled, the rest wait in the order they came (queued_at), and a freed seat
 * goes to the first waiting person in the same transaction.
 */

const e = trainingEnrolments;

/** The person's enrolment status as it is now (read after the lock, never from an earlier snapshot). */
export async function statusOf(db: DbOrTx, courseId: string, userId: string) {
  if (!userId) return null;
  const [row] = await db
    .select({ status: e.status })
    .from(e)
    .where(and(eq(e.courseId, courseId), eq(e.userId, userId)));
  return row?.status ?? null;
}

async function countStatus(db: DbOrTx, courseId: string, status: EnrolmentStatus) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(e)
    .where(and(eq(e.courseId, courseId), eq(e.status, status)));
  return row.n;
}

/** 1 for the first person on the waiting list; null when the person is not waiting. */
export async function waitingPosition(db: DbOrTx, courseId: string, userId: string) {
  if (!userId) return null;
  const [row] = await rows<{ position: number }>(
    db,
    sql`
    select (select count(*)::int from ${e} o where o.course_id = me.course_id and o.status = 'waiting'
              and (o.queued_at, o.user_id) < (me.queued_at, me.user_id)) + 1 as position
    from ${e} me where me.course_id = ${courseId} and me.user_id = ${userId} and me.status = 'waiting'`,
  );
  return row ? Number(row.position) : null;
}

/**
 * Moves the first waiting people up into free seats (capacity − enrolled) and tells them. Call it with the course
 * row locked. Returns who moved up.
 */
export async function fillSeats(db: DbOrTx, course: Basics): Promise<string[]> {
  const free = (course.capacity ?? 0) - (await countStatus(db, course.id, 'enrolled'));
  if (free <= 0) return [];
  const first = await db
    .select({ userId: e.userId })
    .from(e)
    .where(and(eq(e.courseId, course.id), eq(e.status, 'waiting')))
    .orderBy(asc(e.queuedAt), asc(e.userId))
    .limit(free);
  const ids = first.map((r) => r.userId);
  if (!ids.length) return [];
  await db
    .update(e)
    .set({ status: 'enrolled', updatedAt: sql`now()` })
    .where(and(eq(e.courseId, course.id), inArray(e.userId, ids)));
  const payload = coursePayload(course);
  await notifyMany(
    db,
    ids.map((userId) => ({ userId, kind: 'training.moved_up', payload })),
  );
  return ids;
}

export function createEnrolmentService(ctx: AppContext) {
  const { db } = ctx;

  return {
    /**
     * Enrols the actor, or puts them on the waiting list when every seat is taken. A second click changes
     * nothing. Planned: requesters and the participating institutions only; open: everyone who sees the course.
     */
    async enrol(actor: Actor, courseId: string) {
      await db.transaction(async (tx) => {
        const r = await loadCourseResource(tx, actor, courseId, { forUpdate: true });
        authorize(actor, 'course.read', r);
        if (r.state !== 'planned' && r.state !== 'open') throw new AppError('training.enrolment_closed');
        const current = await statusOf(tx, courseId, actor.id);
        if (current === 'enrolled' || current === 'waiting') return;
        authorize(actor, 'course.enrol', { ...r, enrolment: current });
        const course = (await courseBasics(tx, courseId)) as Basics;
        await fillSeats(tx, course);
        const taken = await countStatus(tx, courseId, 'enrolled');
        const status = taken < (course.capacity ?? 0) ? 'enrolled' : 'waiting';
        // clock_timestamp(): the moment this transaction got the lock, so the queue follows the lock order.
        await tx
          .insert(e)
          .values({ courseId, userId: actor.id, status, queuedAt: sql`clock_timestamp()` })
          .onConflictDoUpdate({
            target: [e.courseId, e.userId],
            set: { status, queuedAt: sql`clock_timestamp()`, updatedAt: sql`now()` },
          });
        await notify(
          tx,
          actor.id,
          status === 'enrolled' ? 'training.enrolled' : 'training.waitlisted',
          coursePayload(course),
        );
      });
    },

    /** Cancels the actor's enrolment, place on the waiting list or invitation; a freed seat goes to the first waiting. */
    async cancel(actor: Actor, courseId: string) {
      await db.transaction(async (tx) => {
        const r = await loadCourseResource(tx, actor, courseId, { forUpdate: true });
        authorize(actor, 'course.read', r);
        const current = await statusOf(tx, courseId, actor.id);
        if (current === null || current === 'cancelled') throw new AppError('training.not_enrolled');
        if (r.state !== 'planned' && r.state !== 'open' && r.state !== 'running')
          throw new AppError('training.enrolment_closed');
        await tx
          .update(e)
          .set({ status: 'cancelled', updatedAt: sql`now()` })
          .where(and(eq(e.courseId, courseId), eq(e.userId, actor.id)));
        if (current === 'enrolled') await fillSeats(tx, (await courseBasics(tx, courseId)) as Basics);
      });
    },

    /** Everyone with an enrolment row: enrolled, then the waiting list in order, then invited, then cancelled. */
    async participants(actor: Actor, courseId: string) {
      const r = await loadCourseResource(db, actor, courseId);
      authorize(actor, 'course.manage', r);
      const rows = await db
        .select({
          id: users.id,
          name: users.name,
          status: e.status,
          queuedAt: e.queuedAt,
          requester: sql<boolean>`exists (select 1 from ${trainingRequests} r
            where r.course_id = ${e.courseId} and r.user_id = ${e.userId})`,
        })
        .from(e)
        .innerJoin(users, eq(users.id, e.userId))
        .where(eq(e.courseId, courseId))
        .orderBy(
          sql`array_position(array['enrolled','waiting','invited','cancelled']::text[], ${e.status}::text)`,
          asc(e.queuedAt),
          asc(e.userId),
        );
      return rows;
    },
  };
}
