import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import { AppError } from '../../../http/errors.js';
import { type NotificationPayload, notifyMany } from '../../notifications/index.js';
import * as repo from './repo.js';
import { getThreshold } from './settings.js';

/**
 * Threshold → proposal (V7). Every function here runs inside a transaction that holds the method's lock
 * (repo.ts: lockMethod), so counting and proposing happen one at a time per method.
 */

type Course = { id: string; title: string };

const payload = (
  course: Course,
  method: repo.Method,
  count: number,
  threshold: number,
): NotificationPayload => ({
  courseId: course.id,
  courseTitle: course.title,
  methodId: method.id,
  methodLabel: method.label,
  count,
  threshold,
});

/**
 * Makes the proposal when the method's waiting requests reach the threshold and it has no active course: the
 * course (state proposed), every waiting request attached to it, the videos they came from; then tells every
 * requester their request counted, and the people who can take it up (repo.ts: proposalRecipients) that it
 * was proposed. Returns the new course's id, or null when nothing was due.
 */
export async function proposeIfDue(
  tx: DbOrTx,
  method: repo.Method,
  threshold: number,
): Promise<string | null> {
  if (await repo.activeCourse(tx, method.id)) return null;
  const waiting = await repo.countWaiting(tx, method.id);
  if (waiting < threshold) return null;
  const course = { id: await repo.insertProposal(tx, method.id), title: '' };
  await repo.attachWaiting(tx, method.id, course.id);
  await repo.addCourseVideos(tx, course.id);
  const p = payload(course, method, waiting, threshold);
  const requesters = await repo.requesterIds(tx, course.id);
  const recipients = await repo.proposalRecipients(tx, course.id, method.id);
  await notifyMany(tx, [
    ...requesters.map((userId) => ({ userId, kind: 'training.request_counted', payload: p })),
    ...recipients.map((userId) => ({ userId, kind: 'training.proposed', payload: p })),
  ]);
  return course.id;
}

/** These people's requests were just attached to the method's active course: remember their videos, tell them. */
export async function countedTowardCourse(
  tx: DbOrTx,
  course: Course,
  method: repo.Method,
  userIds: string[],
  threshold: number,
): Promise<void> {
  if (userIds.length === 0) return;
  await repo.addCourseVideos(tx, course.id);
  const p = payload(course, method, await repo.countAttached(tx, course.id), threshold);
  await notifyMany(
    tx,
    userIds.map((userId) => ({ userId, kind: 'training.request_counted', payload: p })),
  );
}

/**
 * Before the method term `fromId` is merged into `intoId` (catalogue/taxonomy.merge): moves its coverage,
 * requests and courses to the kept term. A person who asked for both keeps one request (the one counted toward
 * a course, else the waiting one, else the kept term's). Refused (training.merge_active_courses) when both have an active course. The
 * kept term's waiting requests then join its active course, or make a proposal when they reach the threshold.
 */
export async function mergeMethodDemand(tx: DbOrTx, fromId: string, intoId: string): Promise<void> {
  // Both locks, in a stable order, so a request for either method waits for the merge.
  const locked = await rows<repo.Method>(
    tx,
    sql`select id, label from taxonomy_terms where id in (${fromId}, ${intoId}) and kind = 'method'
        order by id for update`,
  );
  const into = locked.find((m) => m.id === intoId);
  if (!into || locked.length < 2) return;
  const fromActive = await repo.activeCourse(tx, fromId);
  const intoActive = await repo.activeCourse(tx, intoId);
  if (fromActive && intoActive) throw new AppError('training.merge_active_courses');

  await tx.execute(sql`insert into training_coverage (user_id, method_id)
    select user_id, ${intoId}::uuid from training_coverage where method_id = ${fromId} on conflict do nothing`);
  await tx.execute(sql`delete from training_coverage where method_id = ${fromId}`);
  // A person with both keeps the one that weighs most (counted toward a course, then waiting, then history),
  // the kept term's on a tie.
  await tx.execute(sql`delete from training_requests ti using training_requests tf
    where ti.method_id = ${intoId} and tf.method_id = ${fromId} and ti.user_id = tf.user_id
      and ${repo.weight('tf')} > ${repo.weight('ti')}`);
  // The kept one remembers the other's video when it has none of its own.
  await tx.execute(sql`update training_requests ti set video_id = tf.video_id from training_requests tf
    where ti.method_id = ${intoId} and tf.method_id = ${fromId} and ti.user_id = tf.user_id
      and ti.video_id is null and tf.video_id is not null`);
  await tx.execute(sql`delete from training_requests tf using training_requests ti
    where tf.method_id = ${fromId} and ti.method_id = ${intoId} and tf.user_id = ti.user_id`);
  await tx.execute(sql`update training_requests set method_id = ${intoId} where method_id = ${fromId}`);
  await tx.execute(sql`update training_courses set method_id = ${intoId}, updated_at = now()
    where method_id = ${fromId}`);

  const threshold = await getThreshold(tx);
  const active = fromActive ?? intoActive;
  if (!active) {
    await proposeIfDue(tx, into, threshold);
    return;
  }
  const joined = await rows<{ id: string }>(
    tx,
    sql`update training_requests set course_id = ${active.id}
        where method_id = ${intoId} and course_id is null returning user_id as id`,
  );
  await repo.addCourseVideos(tx, active.id);
  await countedTowardCourse(
    tx,
    active,
    into,
    joined.map((r) => r.id),
    threshold,
  );
}
