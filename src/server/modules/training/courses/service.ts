import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { CourseState } from '../../../../shared/training.js';
import type { AppContext } from '../../../context.js';
import { trainingEnrolments, trainingSessions } from '../../../db/training-schema.js';
import { videos } from '../../../db/videos-schema.js';
import { readCursor, writeCursor } from '../../../http/cursor.js';
import { AppError } from '../../../http/errors.js';
import { type Actor, authorize, can, policySql } from '../../../policy/index.js';
import { visibleCourses } from '../../../policy/sql-training.js';
import { notifyMany } from '../../notifications/index.js';
import { policyColumns, videoResource } from '../../videos/index.js';
import { createEnrolmentService, fillSeats, waitingPosition } from './enrolment.js';
import * as repo from './repo.js';
import { loadCourseResource } from './resource.js';
import { createSessionService } from './sessions.js';

/** Training courses from plan to documentation, enrolment and calendars (V7). */

export type CourseFields = {
  title: string;
  description: string;
  capacity: number | null;
  trainerIds: string[];
  institutionIds: string[];
};

/** One step at a time; documented comes from linking the documentation video. */
const NEXT: Partial<Record<CourseState, CourseState>> = {
  proposed: 'planned',
  planned: 'open',
  open: 'running',
  running: 'completed',
};
/** The course itself (fields, trainers, sessions) may be changed until it is completed. */
const CHANGEABLE: CourseState[] = ['proposed', 'planned', 'open', 'running'];
const STAMP = {
  planned: 'plannedAt',
  open: 'openedAt',
  running: 'startedAt',
  completed: 'completedAt',
} as const;

/** The list cursor: the last row's state rank, proposed_at (microseconds kept) and id. */
function decodeCursor(c: string): repo.ListCursor {
  const value = readCursor(c);
  const [rank, proposedAt, id] = Array.isArray(value) ? value : [];
  if (
    typeof rank === 'number' &&
    Number.isInteger(rank) &&
    typeof proposedAt === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(proposedAt) &&
    typeof id === 'string' &&
    /^[0-9a-f-]{36}$/.test(id)
  )
    return { rank, proposedAt, id };
  throw new AppError('request.invalid');
}

const unique = (xs: string[]) => [...new Set(xs)];

export function createCourseService(ctx: AppContext) {
  const { db, config } = ctx;
  const sessions = createSessionService(ctx);
  const enrolment = createEnrolmentService(ctx);
  const calendarUrl = (token: string) => `${config.publicUrl}/api/v1/training/calendar/${token}.ics`;

  function summary(row: repo.CourseRow) {
    return {
      id: row.id,
      title: row.title,
      state: row.state,
      method: { id: row.methodId, label: row.methodLabel },
      capacity: row.capacity,
      counts: { requests: row.requests, enrolled: row.enrolled, waiting: row.waiting },
      nextSession: row.nextSessionAt ? { startsAt: row.nextSessionAt } : null,
      myStatus: row.myStatus,
      requester: row.requester,
    };
  }

  async function detail(actor: Actor, id: string) {
    const r = await loadCourseResource(db, actor, id);
    authorize(actor, 'course.read', r);
    const row = (await repo.getCourse(db, id, actor.id || null)) as repo.CourseRow;
    const people = await repo.coursePeople(db, id);
    const list = await repo.sessionsOf(db, id);
    const visible = policySql.visibleVideos(actor);
    const vids = await repo.courseVideos(db, id, row.documentationVideoId, visible);
    const mayRequesters = can(actor, 'course.requesters', r);
    const requesters = mayRequesters ? await repo.requestersOf(db, id, visible) : undefined;
    return {
      id: row.id,
      state: row.state,
      title: row.title,
      description: row.description,
      method: { id: row.methodId, label: row.methodLabel },
      capacity: row.capacity,
      counts: { requests: row.requests, enrolled: row.enrolled, waiting: row.waiting, invited: row.invited },
      planner: row.plannerId && row.plannerName ? { id: row.plannerId, name: row.plannerName } : null,
      trainers: people.trainers,
      institutions: people.institutions,
      requestInstitutions: people.requestInstitutions,
      sessions: list.map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        place: s.place,
        onlineUrl: s.onlineUrl,
      })),
      sourceVideos: vids.source,
      documentationVideo: vids.documentation,
      ...(requesters ? { requesters } : {}),
      my: {
        requester: row.requester,
        enrolment: row.myStatus,
        waitingPosition: row.myStatus === 'waiting' ? await waitingPosition(db, id, actor.id) : null,
      },
      can: {
        manage: can(actor, 'course.manage', r),
        enrol: can(actor, 'course.enrol', r),
        requesters: mayRequesters,
      },
      calendarUrl: calendarUrl(row.calendarToken),
      proposedAt: row.proposedAt,
      plannedAt: row.plannedAt,
      openedAt: row.openedAt,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      documentedAt: row.documentedAt,
    };
  }

  return {
    sessions,
    enrolment,

    async list(actor: Actor, opts: { state?: CourseState; mine?: boolean; cursor?: string; limit: number }) {
      const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
      const rows = await repo.listCourses(db, visibleCourses(actor), {
        uid: actor.id,
        state: opts.state,
        mine: opts.mine,
        after,
        limit: opts.limit + 1,
      });
      const page = rows.slice(0, opts.limit);
      const last = page.at(-1);
      return {
        items: page.map(summary),
        nextCursor:
          rows.length > opts.limit && last ? writeCursor([last.rank, last.proposedAtText, last.id]) : null,
      };
    },

    get: detail,

    /**
     * Title, description, seats, trainers and participating institutions (whole replacement). Trainers must be
     * people the actor may see, institutions ones the actor may see. More seats move the waiting list up.
     */
    async update(actor: Actor, id: string, f: CourseFields) {
      authorize(actor, 'course.manage', await loadCourseResource(db, actor, id));
      const trainerIds = unique(f.trainerIds);
      const institutionIds = unique(f.institutionIds);
      const people = await repo.existingPeople(db, trainerIds, policySql.visiblePeople(actor));
      if (people.length !== trainerIds.length) throw new AppError('training.trainer_not_found');
      const insts = await repo.existingInstitutions(
        db,
        institutionIds,
        or(policySql.visibleInstitutions(actor), repo.requestInstitutionsOf(id)) as SQL,
      );
      if (insts.length !== institutionIds.length) throw new AppError('training.institution_not_found');
      await db.transaction(async (tx) => {
        const r = await loadCourseResource(tx, actor, id, { forUpdate: true });
        authorize(actor, 'course.manage', r);
        if (!CHANGEABLE.includes(r.state)) throw new AppError('training.invalid_state');
        // Once planned, a course keeps what planning required.
        if (r.state !== 'proposed' && (!f.title.trim() || f.capacity === null || !trainerIds.length))
          throw new AppError('training.course_incomplete');
        const [{ n }] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(trainingEnrolments)
          .where(and(eq(trainingEnrolments.courseId, id), eq(trainingEnrolments.status, 'enrolled')));
        if (f.capacity !== null && f.capacity < n) throw new AppError('training.capacity_below_enrolled');
        await repo.updateCourse(tx, id, {
          title: f.title.trim(),
          description: f.description.trim(),
          capacity: f.capacity,
        });
        await repo.replaceTrainers(tx, id, trainerIds);
        await repo.replaceInstitutions(tx, id, institutionIds);
        await fillSeats(tx, (await repo.courseBasics(tx, id)) as repo.Basics);
      });
      return detail(actor, id);
    },

    /** The next step in the course's life; planning invites every requester, opening tells those not yet enrolled. */
    async setState(actor: Actor, id: string, to: CourseState) {
      await db.transaction(async (tx) => {
        const r = await loadCourseResource(tx, actor, id, { forUpdate: true });
        authorize(actor, 'course.manage', r);
        if (NEXT[r.state] !== to || to === 'proposed' || to === 'documented')
          throw new AppError('training.invalid_state');
        const b = (await repo.courseBasics(tx, id)) as repo.Basics;
        const payload = repo.coursePayload({ ...b, state: to });
        if (to === 'planned') {
          const [{ n }] = await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(trainingSessions)
            .where(eq(trainingSessions.courseId, id));
          if (!b.title.trim() || b.capacity === null || !r.trainerIds.length || !n)
            throw new AppError('training.course_incomplete');
        }
        await repo.updateCourse(tx, id, {
          state: to,
          [STAMP[to]]: sql`now()`,
          ...(to === 'planned' && !b.plannerId ? { plannerId: actor.id } : {}),
        });
        const requesters = await repo.requesterIds(tx, id);
        if (to === 'planned') {
          if (requesters.length)
            await tx
              .insert(trainingEnrolments)
              .values(requesters.map((userId) => ({ courseId: id, userId, status: 'invited' as const })))
              .onConflictDoNothing();
          await notifyMany(
            tx,
            requesters.map((userId) => ({ userId, kind: 'training.planned', payload })),
          );
        }
        if (to === 'open') {
          const enrolledOrGone = await tx
            .select({ userId: trainingEnrolments.userId })
            .from(trainingEnrolments)
            .where(and(eq(trainingEnrolments.courseId, id), sql`${trainingEnrolments.status} <> 'invited'`));
          const skip = new Set(enrolledOrGone.map((e) => e.userId));
          await notifyMany(
            tx,
            requesters
              .filter((u) => !skip.has(u))
              .map((userId) => ({ userId, kind: 'training.opened', payload })),
          );
        }
      });
      return detail(actor, id);
    },

    /**
     * Links the documentation video: completed → documented, or a new video while documented. The video must be
     * one the actor may watch, processed, and shared beyond its owner and team.
     */
    async document(actor: Actor, id: string, videoId: string) {
      await db.transaction(async (tx) => {
        const r = await loadCourseResource(tx, actor, id, { forUpdate: true });
        authorize(actor, 'course.manage', r);
        if (r.state !== 'completed' && r.state !== 'documented') throw new AppError('training.invalid_state');
        const [v] = await tx.select(policyColumns).from(videos).where(eq(videos.id, videoId));
        if (!v) throw new AppError('video.not_found');
        authorize(actor, 'video.read', videoResource(v));
        if (v.status !== 'ready') throw new AppError('training.documentation_not_ready');
        if (v.visibility === 'private' || v.visibility === 'team')
          throw new AppError('training.documentation_not_shared');
        await repo.updateCourse(tx, id, {
          documentationVideoId: videoId,
          state: 'documented',
          ...(r.state === 'completed' ? { documentedAt: sql`now()` } : {}),
        });
        if (r.state !== 'completed') return;
        const b = (await repo.courseBasics(tx, id)) as repo.Basics;
        const enrolled = await tx
          .select({ userId: trainingEnrolments.userId })
          .from(trainingEnrolments)
          .where(and(eq(trainingEnrolments.courseId, id), eq(trainingEnrolments.status, 'enrolled')));
        const people = unique([...(await repo.requesterIds(tx, id)), ...enrolled.map((e) => e.userId)]);
        const payload = repo.coursePayload(b);
        await notifyMany(
          tx,
          people.map((userId) => ({ userId, kind: 'training.documented', payload })),
        );
      });
      return detail(actor, id);
    },
  };
}
export type CourseService = ReturnType<typeof createCourseService>;
