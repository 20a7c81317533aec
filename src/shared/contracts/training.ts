import { z } from 'zod';
import { dateTime } from '../text.js';
import {
  COURSE_CAPACITY_MAX,
  COURSE_DESCRIPTION_MAX,
  COURSE_STATES,
  COURSE_TITLE_MAX,
  COVERAGE_MAX,
  ENROLMENT_STATUSES,
  SESSION_PLACE_MAX,
} from '../training.js';
import { id, idParams, page, pageQuery, personRef, timestamp } from './common.js';

/** Demand-driven training (V7): requests and answers of /api/v1/training/… and /api/v1/videos/:id/training. */

// Requests
export const MethodParams = z.strictObject({ methodId: id });
export const SessionParams = z.strictObject({ id, sessionId: id });
export const CourseParams = idParams;
/** The calendar feed's file name, `<token>.ics` (checked in the route). */
export const CalendarFileParams = z.strictObject({ file: z.string().max(200) });

export const TrainingRequestCreate = z.strictObject({
  methodId: id,
  videoId: id.optional(),
  teamId: id.optional(),
});
/** The range (1–1000) is checked by the service, with its own error code (training.threshold_invalid). */
export const ThresholdUpdate = z.strictObject({ threshold: z.number() });
export const CoverageUpdate = z.strictObject({ methodIds: z.array(id).max(COVERAGE_MAX) });

export const CourseListQuery = z.strictObject({
  state: z.enum(COURSE_STATES).optional(),
  mine: z.enum(['1', '0', 'true', 'false']).optional(),
  ...pageQuery,
});
export const CourseUpdate = z.strictObject({
  title: z.string().trim().max(COURSE_TITLE_MAX),
  description: z.string().max(COURSE_DESCRIPTION_MAX).default(''),
  capacity: z.number().int().min(1).max(COURSE_CAPACITY_MAX).nullable(),
  trainerIds: z.array(id).max(50),
  institutionIds: z.array(id).max(200),
});
const when = dateTime().transform((v) => new Date(v));
/** A session: not in the past, ends after it starts, a place or an http(s) online link (checked in the service). */
export const SessionInput = z.strictObject({
  startsAt: when,
  endsAt: when,
  place: z.string().max(SESSION_PLACE_MAX).default(''),
  onlineUrl: z.string().trim().max(2000).nullable().optional(),
});
export const CourseStateChange = z.strictObject({ to: z.enum(COURSE_STATES) });
export const DocumentationSet = z.strictObject({ videoId: id });

// Answers
export const MethodRef = z.object({ id, label: z.string() });
export const CourseRef = z.object({ id, state: z.enum(COURSE_STATES), title: z.string() });
const videoRef = z.object({ id, title: z.string() });
const enrolmentStatus = z.enum(ENROLMENT_STATUSES);
const count = z.number().int();

/** One method's demand as the signed-in person sees it (the "Vi vil gerne trænes i denne metode" panel). */
export const MethodDemand = z.object({
  method: MethodRef,
  count,
  threshold: count,
  missing: count,
  mine: z.object({
    asked: z.boolean(),
    viaTeam: personRef.nullable(),
    requestedByName: z.string().nullable(),
  }),
  /** My teams; `alreadyAsked`: how many of the team's members have asked already. */
  teams: z.array(z.object({ id, name: z.string(), memberCount: count, alreadyAsked: count })),
  course: CourseRef.nullable(),
});
export const DocumentedCourse = z.object({
  courseId: id,
  courseTitle: z.string(),
  methodLabel: z.string(),
  /** False when the viewer may watch the documentation but not open the course itself. */
  canOpenCourse: z.boolean(),
  documentationVideo: videoRef.nullable(),
});
export const VideoTraining = z.object({
  threshold: count,
  canAsk: z.boolean(),
  methods: z.array(MethodDemand),
  documented: z.array(DocumentedCourse),
});
export const MyRequest = z.object({
  method: MethodRef,
  /** Only while the person may still watch it. */
  video: videoRef.nullable(),
  viaTeam: personRef.nullable(),
  requestedByName: z.string().nullable(),
  createdAt: timestamp,
  course: CourseRef.nullable(),
});
export const MyRequests = z.object({ items: z.array(MyRequest) });

export const TrainingOverview = z.object({
  threshold: count,
  canConfigure: z.boolean(),
  methods: z.array(
    z.object({ method: MethodRef, count, missing: count, institutions: count, course: CourseRef.nullable() }),
  ),
  courses: z.record(z.enum(COURSE_STATES), count),
  /**
   * Over the completed and documented courses one may see: their requesters and how many of them took part;
   * `asking`: the requests that count now (waiting, or toward an active course), everyone's.
   */
  trained: z.object({ requesters: count, trained: count, asking: count }),
});
/** One institution's staff demand (its leders, forvaltning of its kommune, administrators): who asked for what. */
export const StaffDemand = z.object({
  institution: personRef,
  threshold: count,
  methods: z.array(
    z.object({
      method: MethodRef,
      /** How many of the institution's staff asked. */
      count,
      /** How many asked in all (what the threshold counts), and how many are still missing. */
      total: count,
      missing: count,
      course: CourseRef.nullable(),
      requesters: z.array(
        z.object({ id, name: z.string(), viaTeam: personRef.nullable(), askedAt: timestamp }),
      ),
    }),
  ),
});
export const TrainingSettings = z.object({ threshold: count });
export const ThresholdResult = z.object({ threshold: count, proposed: count });
export const Coverage = z.object({ methods: z.array(MethodRef.extend({ covered: z.boolean() })) });

export const CourseSummary = z.object({
  id,
  title: z.string(),
  state: z.enum(COURSE_STATES),
  method: MethodRef,
  capacity: count.nullable(),
  counts: z.object({ requests: count, enrolled: count, waiting: count }),
  nextSession: z.object({ startsAt: timestamp }).nullable(),
  myStatus: enrolmentStatus.nullable(),
  requester: z.boolean(),
});
export const CoursePage = page(CourseSummary);

export const CourseSession = z.object({
  id,
  startsAt: timestamp,
  endsAt: timestamp,
  place: z.string(),
  onlineUrl: z.string().nullable(),
});
export const CourseDetail = z.object({
  id,
  state: z.enum(COURSE_STATES),
  title: z.string(),
  description: z.string(),
  method: MethodRef,
  capacity: count.nullable(),
  counts: z.object({ requests: count, enrolled: count, waiting: count, invited: count }),
  planner: personRef.nullable(),
  trainers: z.array(personRef),
  institutions: z.array(personRef),
  /** Where the requests came from, most first. */
  requestInstitutions: z.array(personRef.extend({ count })),
  sessions: z.array(CourseSession),
  sourceVideos: z.array(videoRef),
  documentationVideo: videoRef.nullable(),
  /** Only for those who may see who asked. */
  requesters: z
    .array(
      z.object({
        id,
        name: z.string(),
        institutionName: z.string().nullable(),
        viaTeam: z.boolean(),
        teamName: z.string().nullable(),
        videoTitle: z.string().nullable(),
      }),
    )
    .optional(),
  my: z.object({
    requester: z.boolean(),
    enrolment: enrolmentStatus.nullable(),
    waitingPosition: count.nullable(),
  }),
  can: z.object({ manage: z.boolean(), enrol: z.boolean(), requesters: z.boolean() }),
  /** The course's calendar feed (`…/training/calendar/<token>.ics`). */
  calendarUrl: z.string(),
  proposedAt: timestamp,
  plannedAt: timestamp.nullable(),
  openedAt: timestamp.nullable(),
  startedAt: timestamp.nullable(),
  completedAt: timestamp.nullable(),
  documentedAt: timestamp.nullable(),
});

/** Enrolled, then the waiting list in order, then invited and cancelled. */
export const Participants = z.array(
  z.object({ id, name: z.string(), status: enrolmentStatus, queuedAt: timestamp, requester: z.boolean() }),
);

/** An iCalendar file (text/calendar), not JSON. */
export const IcsFile = z.string();
