/** Demand-driven training (V7) and notification delivery (I3), shared by server and web. */

/** How many people must ask for training in a method before a course is proposed, unless the instance says otherwise. */
export const DEFAULT_TRAINING_THRESHOLD = 12;
export const TRAINING_THRESHOLD_MAX = 1000;

/**
 * A training course's life: proposed (the threshold was reached) → planned (a resource person set it up;
 * requesters and the participating institutions may enrol first) → open (anyone it is open to may enrol) →
 * running → completed → documented (its documentation video is linked).
 */
export const COURSE_STATES = ['proposed', 'planned', 'open', 'running', 'completed', 'documented'] as const;
export type CourseState = (typeof COURSE_STATES)[number];
/** States in which a course still gathers requests for its method (at most one such course per method). */
export const ACTIVE_COURSE_STATES = ['proposed', 'planned', 'open', 'running'] as const;

/** invited: a requester asked to enrol; enrolled; waiting (on the waiting list, in order); cancelled. */
export const ENROLMENT_STATUSES = ['invited', 'enrolled', 'waiting', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const COURSE_TITLE_MAX = 200;
export const COURSE_DESCRIPTION_MAX = 5000;
export const COURSE_CAPACITY_MAX = 500;
export const COURSE_SESSIONS_MAX = 20;
export const SESSION_PLACE_MAX = 300;
/** How many methods a resource person may say they can train in. */
export const COVERAGE_MAX = 2000;

/** Every kind of notification (I3). The web has a sentence for each (notifications.kinds.<kind with _>). */
export const NOTIFICATION_KINDS = [
  'comment.mention',
  'comment.reply',
  'community.invited',
  'community.event',
  'training.request_counted',
  'training.proposed',
  'training.planned',
  'training.opened',
  'training.enrolled',
  'training.waitlisted',
  'training.moved_up',
  'training.session_reminder',
  'training.documented',
  'observation.visit_planned',
  'observation.visit_recorded',
  'observation.next_step',
  'observation.self_invited',
  'inquiry.task_assigned',
  'inquiry.task_reminder',
  'inquiry.story_published',
  'inquiry.story_returned',
  'evaluation.collect_reminder',
  'evaluation.analysis_reminder',
  // Issue 19 part B: typed feedback on a recording (to its owner), a reply to it (to the other one).
  'feedback.given',
  'feedback.reply',
  // Issue 19 part A: a colleague shared a recording with you (a personal share).
  'video.shared',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a person wants a kind delivered: not at all, in the app only, in the app and by e-mail at once, or in a daily e-mail digest. */
export const NOTIFICATION_DELIVERIES = ['off', 'in_app', 'email', 'digest'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** What a person gets until they choose: e-mail for what asks them to act, a digest for the rest. */
export const DEFAULT_DELIVERY: Record<NotificationKind, NotificationDelivery> = {
  'comment.mention': 'email',
  'comment.reply': 'digest',
  'community.invited': 'email',
  'community.event': 'email',
  'training.request_counted': 'digest',
  'training.proposed': 'email',
  'training.planned': 'email',
  'training.opened': 'email',
  'training.enrolled': 'email',
  'training.waitlisted': 'email',
  'training.moved_up': 'email',
  'training.session_reminder': 'email',
  'training.documented': 'email',
  'observation.visit_planned': 'email',
  'observation.visit_recorded': 'email',
  'observation.next_step': 'email',
  'observation.self_invited': 'email',
  'inquiry.task_assigned': 'email',
  'inquiry.task_reminder': 'email',
  'inquiry.story_published': 'email',
  'inquiry.story_returned': 'email',
  'evaluation.collect_reminder': 'email',
  'evaluation.analysis_reminder': 'email',
  'feedback.given': 'email',
  'feedback.reply': 'email',
  'video.shared': 'email',
};

/** A notification's e-mail: waiting to be sent at once, waiting for the digest, or handled. */
export const NOTIFICATION_EMAIL_STATES = ['email', 'digest', 'done'] as const;

/** The daily digest goes out at this hour, Danish time. */
export const DIGEST_HOUR = 7;
/** Session reminders go out the day before the session, at this hour, Danish time. */
export const REMINDER_HOUR = 8;
export const TIME_ZONE = 'Europe/Copenhagen';
