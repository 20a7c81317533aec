import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ACTIVE_COURSE_STATES,
  COURSE_STATES,
  ENROLMENT_STATUSES,
  NOTIFICATION_DELIVERIES,
} from '../../shared/training.js';
import { at, id, inList, institutions, teams, userRef, users } from './schema.js';
import { taxonomyTerms, videos } from './videos-schema.js';

const methodRef = () =>
  uuid('method_id')
    .notNull()
    .references(() => taxonomyTerms.id, { onDelete: 'cascade' });
const courseRef = () =>
  uuid('course_id')
    .notNull()
    .references(() => trainingCourses.id, { onDelete: 'cascade' });

/** Resource persons who can train in a method (V7): proposals for it are sent to them first. */
export const trainingCoverage = pgTable(
  'training_coverage',
  { userId: userRef(), methodId: methodRef() },
  (t) => [
    primaryKey({ columns: [t.userId, t.methodId] }),
    index('training_coverage_method_idx').on(t.methodId),
  ],
);

/**
 * A training course (træningsforløb), from proposal to documentation (V7). A proposal is a course in state
 * `proposed`; a resource person fills in the rest. At most one active course per method gathers requests.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: id(),
    methodId: methodRef(),
    state: text('state', { enum: COURSE_STATES }).notNull().default('proposed'),
    title: text('title').notNull().default(''),
    description: text('description').notNull().default(''),
    /** Seats; null until planned. */
    capacity: integer('capacity'),
    /** The resource person who turned the proposal into a course. */
    plannerId: uuid('planner_id').references(() => users.id, { onDelete: 'set null' }),
    documentationVideoId: uuid('documentation_video_id').references(() => videos.id, {
      onDelete: 'set null',
    }),
    /** The secret in the course's calendar feed URL (calendar apps cannot sign in). */
    calendarToken: text('calendar_token').notNull(),
    proposedAt: at('proposed_at').notNull().defaultNow(),
    plannedAt: at('planned_at'),
    openedAt: at('opened_at'),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
    documentedAt: at('documented_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('training_courses_method_idx').on(t.methodId),
    index('training_courses_planner_idx').on(t.plannerId),
    index('training_courses_documentation_idx').on(t.documentationVideoId),
    uniqueIndex('training_courses_calendar_token_key').on(t.calendarToken),
    uniqueIndex('training_courses_one_active_per_method')
      .on(t.methodId)
      .where(inList('state', ACTIVE_COURSE_STATES)),
    check('training_courses_state_check', inList('state', COURSE_STATES)),
    check('training_courses_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

/** "Vi vil gerne trænes i denne metode": one row per person and method, however they asked (V7). */
export const trainingRequests = pgTable(
  'training_requests',
  {
    id: id(),
    methodId: methodRef(),
    userId: userRef(),
    /** The video it was asked from (remembered; the documentation link is shown there). */
    videoId: uuid('video_id').references(() => videos.id, { onDelete: 'set null' }),
    /** Set when a colleague asked on behalf of a team the person belongs to. */
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** Where the person works, as of asking (the team's institution, or the person's own): "from which institutions". */
    institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'set null' }),
    /** The proposal/course the request counted toward; null while it still waits for the threshold. */
    courseId: uuid('course_id').references(() => trainingCourses.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_requests_method_user_key').on(t.methodId, t.userId),
    index('training_requests_user_idx').on(t.userId),
    index('training_requests_video_idx').on(t.videoId),
    index('training_requests_team_idx').on(t.teamId),
    index('training_requests_requested_by_idx').on(t.requestedBy),
    index('training_requests_course_idx').on(t.courseId),
    index('training_requests_institution_idx').on(t.institutionId),
  ],
);

/** The videos a course's requests came from; kept when a request is withdrawn, for the documentation link. */
export const trainingCourseVideos = pgTable(
  'training_course_videos',
  {
    courseId: courseRef(),
    videoId: uuid('video_id')
      .notNull()
      .references(() => videos.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.videoId] }),
    index('training_course_videos_video_idx').on(t.videoId),
  ],
);

export const trainingCourseTrainers = pgTable(
  'training_course_trainers',
  { courseId: courseRef(), userId: userRef() },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index('training_course_trainers_user_idx').on(t.userId),
  ],
);

/** The schools (institutions) first in line for a course. */
export const trainingCourseInstitutions = pgTable(
  'training_course_institutions',
  {
    courseId: courseRef(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.institutionId] }),
    index('training_course_institutions_institution_idx').on(t.institutionId),
  ],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: id(),
    courseId: courseRef(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url'),
    /** When the day-before reminder went out (claimed by the worker, so it goes out once). */
    remindedAt: at('reminded_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_course_idx').on(t.courseId, t.startsAt),
    index('training_sessions_due_idx').on(t.startsAt).where(sql`${t.remindedAt} is null`),
    check('training_sessions_order_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Who takes part: invited requesters, the enrolled, the waiting list (ordered by queuedAt), the cancelled. */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    courseId: courseRef(),
    userId: userRef(),
    status: text('status', { enum: ENROLMENT_STATUSES }).notNull(),
    /** Place in the waiting list (and the order people enrolled in). */
    queuedAt: at('queued_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index('training_enrolments_user_idx').on(t.userId),
    index('training_enrolments_queue_idx').on(t.courseId, t.status, t.queuedAt),
    check('training_enrolments_status_check', inList('status', ENROLMENT_STATUSES)),
  ],
);

/** How a person wants each kind of notification delivered (I3); a missing row means DEFAULT_DELIVERY. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: userRef(),
    kind: text('kind').notNull(),
    delivery: text('delivery', { enum: NOTIFICATION_DELIVERIES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_delivery_check', inList('delivery', NOTIFICATION_DELIVERIES)),
  ],
);
