import { and, eq, sql } from 'drizzle-orm';
import { COURSE_SESSIONS_MAX } from '../../../../shared/training.js';
import type { AppContext } from '../../../context.js';
import type { DbOrTx } from '../../../db/index.js';
import { trainingCourses, trainingSessions } from '../../../db/training-schema.js';
import { AppError } from '../../../http/errors.js';
import { asciiFileName } from '../../../http/files.js';
import { type IcsEvent, icsCalendar } from '../../../ics/ics.js';
import { type Actor, authorize, type CourseResource, can } from '../../../policy/index.js';
import { courseByToken, getCourse, sessionCourseId, sessionsOf } from './repo.js';
import { loadCourseResource } from './resource.js';

/** Sessions of a course (date, time, place or online link) and their calendars: a download and a feed (V7). */

export type SessionInput = { startsAt: Date; endsAt: Date; place: string; onlineUrl?: string | null };

/** A feed is fetched again by calendar apps about this often. */
const REFRESH = 'PT1H';

/** Sessions may be changed until the course is completed. */
const CHANGEABLE = ['proposed', 'planned', 'open', 'running'];

function checkSession(v: SessionInput, now: Date, unchangedStart?: Date) {
  const moved = !unchangedStart || unchangedStart.getTime() !== v.startsAt.getTime();
  if (moved && v.startsAt.getTime() < now.getTime()) throw new AppError('training.session_in_past');
  if (v.endsAt.getTime() <= v.startsAt.getTime()) throw new AppError('training.session_order');
  if (v.onlineUrl) {
    let ok = false;
    try {
      const u = new URL(v.onlineUrl);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname;
    } catch {
      ok = false;
    }
    if (!ok) throw new AppError('training.online_url_invalid');
  }
  if (!v.place.trim() && !v.onlineUrl) throw new AppError('training.session_place_missing');
}

/** Locks the course and checks that the actor may change its sessions now. */
async function lockForChange(tx: DbOrTx, actor: Actor, courseId: string) {
  const r = await loadCourseResource(tx, actor, courseId, { forUpdate: true });
  authorize(actor, 'course.manage', r);
  if (!CHANGEABLE.includes(r.state)) throw new AppError('training.invalid_state');
  return r;
}

/** Marks the course changed: calendar apps see a new LAST-MODIFIED and SEQUENCE. */
const touch = (tx: DbOrTx, courseId: string) =>
  tx.update(trainingCourses).set({ updatedAt: sql`now()` }).where(eq(trainingCourses.id, courseId));

const sessionWhere = (courseId: string, sessionId: string) =>
  and(eq(trainingSessions.id, sessionId), eq(trainingSessions.courseId, courseId));

export function createSessionService(ctx: AppContext) {
  const { db, config } = ctx;
  const host = new URL(config.publicUrl).host;
  const coursePage = (id: string) => `${config.publicUrl}/traening/forloeb/${id}`;

  async function events(courseId: string): Promise<{ title: string; events: (IcsEvent & { id: string })[] }> {
    const course = await getCourse(db, courseId, null);
    if (!course) throw new AppError('training.course_not_found');
    const title = course.title || course.methodLabel;
    const page = coursePage(course.id);
    const list = await sessionsOf(db, courseId);
    return {
      title,
      events: list.map((s, i) => ({
        id: s.id,
        uid: `${s.id}@${host}`,
        start: s.startsAt,
        end: s.endsAt,
        summary: list.length > 1 ? `${title} (${i + 1}/${list.length})` : title,
        location: s.place || s.onlineUrl || '',
        description: [course.description, s.onlineUrl ? `Online: ${s.onlineUrl}` : '', page]
          .filter(Boolean)
          .join('\n\n'),
        url: page,
        conferenceUrl: s.onlineUrl,
        // Any change to the course or its sessions touches the course: a later SEQUENCE for every session.
        sequence: Math.max(0, Math.floor((course.updatedAt.getTime() - s.createdAt.getTime()) / 1000)),
        lastModified: course.updatedAt,
      })),
    };
  }

  return {
    async create(actor: Actor, courseId: string, v: SessionInput, now = new Date()) {
      checkSession(v, now);
      await db.transaction(async (tx) => {
        await lockForChange(tx, actor, courseId);
        const [{ n }] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(trainingSessions)
          .where(eq(trainingSessions.courseId, courseId));
        if (n >= COURSE_SESSIONS_MAX) throw new AppError('training.too_many_sessions');
        await tx.insert(trainingSessions).values({
          courseId,
          startsAt: v.startsAt,
          endsAt: v.endsAt,
          place: v.place.trim(),
          onlineUrl: v.onlineUrl || null,
        });
        await touch(tx, courseId);
      });
    },

    /** Changes a session; a session moved to another time gets its reminder again. */
    async update(actor: Actor, courseId: string, sessionId: string, v: SessionInput, now = new Date()) {
      await db.transaction(async (tx) => {
        await lockForChange(tx, actor, courseId);
        const [old] = await tx
          .select({ startsAt: trainingSessions.startsAt })
          .from(trainingSessions)
          .where(sessionWhere(courseId, sessionId));
        if (!old) throw new AppError('training.session_not_found');
        checkSession(v, now, old.startsAt);
        const moved = old.startsAt.getTime() !== v.startsAt.getTime();
        await tx
          .update(trainingSessions)
          .set({
            startsAt: v.startsAt,
            endsAt: v.endsAt,
            place: v.place.trim(),
            onlineUrl: v.onlineUrl || null,
            ...(moved ? { remindedAt: null } : {}),
          })
          .where(sessionWhere(courseId, sessionId));
        await touch(tx, courseId);
      });
    },

    async remove(actor: Actor, courseId: string, sessionId: string) {
      await db.transaction(async (tx) => {
        await lockForChange(tx, actor, courseId);
        const gone = await tx
          .delete(trainingSessions)
          .where(sessionWhere(courseId, sessionId))
          .returning({ id: trainingSessions.id });
        if (!gone.length) throw new AppError('training.session_not_found');
        await touch(tx, courseId);
      });
    },

    /** One session as an .ics download, for someone who may read its course (else: no such session). */
    async sessionIcs(actor: Actor, sessionId: string, now = new Date()) {
      const courseId = await sessionCourseId(db, sessionId);
      let r: CourseResource | null = null;
      if (courseId) r = await loadCourseResource(db, actor, courseId).catch(() => null);
      if (!courseId || !r || !can(actor, 'course.read', r)) throw new AppError('training.session_not_found');
      const { title, events: all } = await events(courseId);
      const one = all.filter((ev) => ev.id === sessionId);
      return {
        fileName: `${asciiFileName(title)}-${one[0].start.toISOString().slice(0, 10)}.ics`,
        body: icsCalendar({ stamp: now, events: one }),
      };
    },

    /** The course's calendar feed, for calendar apps (no sign-in: the token is the secret). Null when unknown. */
    async feed(token: string, now = new Date()) {
      const courseId = await courseByToken(db, token);
      if (!courseId) return null;
      const { title, events: all } = await events(courseId);
      return { body: icsCalendar({ name: title, refreshInterval: REFRESH, stamp: now, events: all }) };
    },
  };
}
