import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { REMINDER_HOUR, TIME_ZONE } from '../../../../shared/training.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { trainingCourses, trainingEnrolments, trainingSessions } from '../../../db/training-schema.js';
import { taxonomyTerms } from '../../../db/videos-schema.js';
import { type NotificationPayload, notifyMany } from '../../notifications/index.js';
import { coursePayload } from './repo.js';

/**
 * Session reminders (I3): the day before a session, from REMINDER_HOUR Danish time, everyone enrolled is told.
 * A session created after that moment (but before it starts) is reminded at once. Each session is claimed once
 * (reminded_at) by an UPDATE … RETURNING, so several workers never send two; a session moved to another time
 * gets a new reminder (sessions.ts clears reminded_at).
 */

const s = trainingSessions;

/**
 * When a session's reminder is due, in SQL: REMINDER_HOUR o'clock, Danish wall-clock time, on the Danish day
 * before the session's Danish date. Daylight saving is PostgreSQL's business (`at time zone`).
 */
export const reminderDueAt = (startsAt: SQL | typeof s.startsAt): SQL =>
  sql`((((${startsAt} at time zone ${TIME_ZONE})::date - 1) + make_time(${REMINDER_HOUR}::int, 0, 0)) at time zone ${TIME_ZONE})`;

/** Claims the due sessions (courses planned, open or running) and returns them. */
async function claimDue(db: DbOrTx, now: Date) {
  const at = now.toISOString();
  const claimed = await db
    .update(s)
    .set({ remindedAt: sql`${at}::timestamptz` })
    .where(
      and(
        sql`${s.remindedAt} is null`,
        sql`${s.startsAt} > ${at}::timestamptz`,
        sql`${at}::timestamptz >= ${reminderDueAt(s.startsAt)}`,
        sql`exists (select 1 from ${trainingCourses} c where c.id = ${s}."course_id"
                    and c.state in ('planned', 'open', 'running'))`,
      ),
    )
    .returning({
      id: s.id,
      courseId: s.courseId,
      startsAt: s.startsAt,
      place: s.place,
      onlineUrl: s.onlineUrl,
    });
  return claimed;
}

/**
 * Sends every reminder that is due at `now`: claims the sessions and notifies their enrolled people, in one
 * transaction (a failure leaves the sessions unclaimed for the next tick). Returns how many notifications were made.
 */
export async function sendDueReminders(ctx: AppContext, now = new Date()): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const due = await claimDue(tx, now);
    if (!due.length) return 0;
    const courseIds = [...new Set(due.map((d) => d.courseId))];
    const courses = await tx
      .select({
        id: trainingCourses.id,
        title: trainingCourses.title,
        state: trainingCourses.state,
        methodId: trainingCourses.methodId,
        methodLabel: taxonomyTerms.label,
      })
      .from(trainingCourses)
      .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, trainingCourses.methodId))
      .where(inArray(trainingCourses.id, courseIds));
    const enrolled = await tx
      .select({ courseId: trainingEnrolments.courseId, userId: trainingEnrolments.userId })
      .from(trainingEnrolments)
      .where(and(inArray(trainingEnrolments.courseId, courseIds), eq(trainingEnrolments.status, 'enrolled')));
    const byCourse = new Map(courses.map((c) => [c.id, c]));
    const items: { userId: string; kind: string; payload: NotificationPayload }[] = [];
    for (const d of due) {
      const course = byCourse.get(d.courseId);
      if (!course) continue;
      const payload: NotificationPayload = {
        ...coursePayload(course),
        sessionId: d.id,
        startsAt: d.startsAt.toISOString(),
        place: d.place || d.onlineUrl || '',
      };
      for (const e of enrolled)
        if (e.courseId === d.courseId)
          items.push({ userId: e.userId, kind: 'training.session_reminder', payload });
    }
    await notifyMany(tx, items);
    return items.length;
  });
}
