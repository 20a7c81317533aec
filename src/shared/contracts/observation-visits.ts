import { z } from 'zod';
import {
  GRADE_MAX,
  GRADE_MIN,
  GUESTS_MAX,
  NEXT_STEP_MAX,
  NOTES_MAX,
  REFLECTION_MAX,
  recordInput,
  TERM_PATTERN,
  VISIT_FLAGS,
  VISIT_KINDS,
  VISIT_STATUSES,
} from '../observation.js';
import { day, id, page, personRef, timestamp } from './common.js';
import { SchemaVersion } from './observation-setup.js';

/** Observation visits (O2, O3, O5): requests and answers of /api/v1/observation/{visits,self,…}. */

// Requests
const grade = z.number().int().min(GRADE_MIN).max(GRADE_MAX);
const focusAreaKeys = z.array(id).max(50);
/** What planning a visit or a self-observation takes. */
export const visitFields = {
  /** yyyy-mm-dd; checked in the service (observation.invalid_date). */
  plannedFor: z.string().max(10),
  classLabel: z.string().trim().max(40).default(''),
  subject: z.string().trim().max(80).default(''),
  grade: grade.nullable().default(null),
  focusAreaKeys: focusAreaKeys.default([]),
};
export const VisitPlan = z.strictObject({ institutionId: id, teacherId: id, observerId: id, ...visitFields });
export const VisitListQuery = z.strictObject({
  institutionId: id.optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  role: z.enum(['observer', 'teacher', 'guest']).optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  flagged: z.enum(['1', '0', 'true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const NotVisitedQuery = z.strictObject({ term: z.string().regex(TERM_PATTERN).optional() });
export const VisitUpdate = z.strictObject({
  observerId: id.optional(),
  plannedFor: visitFields.plannedFor.optional(),
  classLabel: z.string().trim().max(40).optional(),
  subject: z.string().trim().max(80).optional(),
  grade: grade.nullable().optional(),
  focusAreaKeys: focusAreaKeys.optional(),
});
/** What a device syncs for a visit (idempotent per syncKey). */
export const RecordInput = recordInput;
export const VisitResolve = z.strictObject({ decision: z.enum(['keep', 'exclude']) });
export const ReflectionUpdate = z.strictObject({ reflection: z.string().max(REFLECTION_MAX) });
export const ConversationUpdate = z.strictObject({
  conversationNotes: z.string().max(NOTES_MAX).optional(),
  nextStep: z.string().max(NEXT_STEP_MAX).optional(),
});
const guestIds = z.array(id).max(GUESTS_MAX);
export const SelfCreate = z.strictObject({
  institutionId: id,
  ...visitFields,
  guestIds: guestIds.default([]),
});
export const GuestsUpdate = z.strictObject({ guestIds });

// Answers
export const VisitSummary = z.object({
  id,
  kind: z.enum(VISIT_KINDS),
  status: z.enum(VISIT_STATUSES),
  institution: z.object({ id, name: z.string() }),
  teacher: personRef,
  /** An observer whose account was deleted is shown with id and name ''. */
  observer: z.object({ id: z.string(), name: z.string() }),
  plannedFor: day,
  term: z.string(),
  classLabel: z.string(),
  subject: z.string(),
  grade: z.number().int().nullable(),
  focusAreaKeys: z.array(id),
  flag: z.enum(VISIT_FLAGS).nullable(),
  /** A next step was agreed by both. */
  nextStepAgreed: z.boolean(),
});
export const VisitPage = page(VisitSummary);
/** One recorded answer: yes/no as a boolean, free text as a string, scale and count as a number. */
export const Answer = z.object({
  itemKey: id,
  pupil: z.number().int(),
  value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  answeredAt: timestamp,
});
/** Everything recorded about a visit, as its teacher, observer (or a leader of the institution) sees it. */
export const VisitDetail = VisitSummary.extend({
  schema: SchemaVersion,
  startedAt: timestamp.nullable(),
  completedAt: timestamp.nullable(),
  durationSeconds: z.number().int().nullable(),
  notes: z.string(),
  classSize: z.number().int().nullable(),
  pupilNumbers: z.array(z.number().int()),
  answers: z.array(Answer),
  /** The observed teacher's own reflection. */
  reflection: z.string(),
  /** Notes from the learning conversation (either may write). */
  conversationNotes: z.string(),
  nextStep: z.string(),
  nextStepTeacherAgreedAt: timestamp.nullable(),
  nextStepObserverAgreedAt: timestamp.nullable(),
  /** Self-observations: the colleagues invited. */
  guests: z.array(personRef),
  /** Earlier visits to the same teacher the viewer may see, newest first, with their next steps. */
  earlier: z.array(VisitSummary.extend({ nextStep: z.string(), conversationNotes: z.string() })),
  can: z.object({
    record: z.boolean(),
    reflect: z.boolean(),
    converse: z.boolean(),
    manage: z.boolean(),
    resolveFlag: z.boolean(),
  }),
});
/** The answer to a sync (a replay answers the first result with `replay: true`). */
export const RecordResult = z.object({
  visitId: id,
  status: z.enum(VISIT_STATUSES),
  syncedAt: timestamp,
  /** Answers stored or updated by this sync (0 when it was a replay). */
  stored: z.number().int(),
  replay: z.boolean(),
  flag: z.enum(VISIT_FLAGS).nullable(),
});
/** Medarbejdere and ressourcepersoner with no classroom visit in the term, with their last completed visit. */
export const NotVisited = z.object({
  term: z.string(),
  people: z.array(personRef.extend({ lastVisit: day.nullable() })),
});
