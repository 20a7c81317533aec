import { z } from 'zod';
import {
  EVALUATION_KINDS,
  FIRST_SCHOOL_YEAR,
  EVALUATION_LIMITS as L,
  LAST_SCHOOL_YEAR,
  MEETING_KINDS,
  PLAN_SCOPES,
} from '../evaluation.js';
import { WORD_KINDS } from '../vocabulary.js';
import { day, id, personRef, timestamp } from './common.js';

/** Evaluation plans / dataårshjul (issue 17 part 1): requests and answers of /api/v1/evaluation/… */

const line = (max: number) => z.string().trim().max(max);
export const schoolYear = z.coerce.number().int().min(FIRST_SCHOOL_YEAR).max(LAST_SCHOOL_YEAR);
const remindDays = z.number().int().min(0).max(L.remindDays).nullable();

// Requests
/** The wheel of an institution (with its kommune's published plan and the teams' plans one may read). */
export const InstitutionWheelQuery = z.strictObject({ institutionId: id, year: schoolYear.optional() });
/** The kommune's own plan (its forvaltning; the kommune's people once published). */
export const KommuneWheelQuery = z.strictObject({ kommuneId: id, year: schoolYear.optional() });

/** Which plan: its owner and school year (the plan is made when its first item is added). */
export const PlanRef = z.strictObject({
  scope: z.enum(PLAN_SCOPES),
  ownerId: id,
  schoolYear,
});

const itemFields = {
  title: z.string().trim().min(1).max(L.title),
  kind: z.enum(EVALUATION_KINDS),
  groups: line(L.groups).default(''),
  responsibleId: id.nullable().default(null),
  responsibleText: line(L.responsibleText).default(''),
  collectFrom: day,
  collectTo: day,
  analyseOn: day.nullable().default(null),
  meetingKind: z.enum(MEETING_KINDS).nullable().default(null),
  meetingTeamId: id.nullable().default(null),
  note: line(L.note).default(''),
  remindCollectDays: remindDays.default(7),
  remindAnalysisDays: remindDays.default(2),
};
export const ItemCreate = z.strictObject({ plan: PlanRef, ...itemFields });
/** Every field again (a form saves the whole item), with the version the editor started from. */
export const ItemUpdate = z.strictObject({ version: z.number().int().min(1), ...itemFields });
export const ItemDelete = z.strictObject({ version: z.number().int().min(1) });
export const PlanPublish = z.strictObject({ kommuneId: id, schoolYear, published: z.boolean() });
export const FeedFileParams = z.strictObject({ file: z.string().max(200) });

// Answers
/** A meeting record an item is analysed in, found near its analysis day (class conference, team meeting, P3). */
export const MeetingLink = z.object({
  kind: z.enum(['conference', 'team_meeting', 'conversation']),
  id,
  title: z.string(),
  on: day,
  path: z.string(),
});

export const EvaluationItem = z.object({
  id,
  planId: id,
  scope: z.enum(PLAN_SCOPES),
  ownerId: id,
  ownerName: z.string(),
  title: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  groups: z.string(),
  responsible: personRef.nullable(),
  responsibleText: z.string(),
  collectFrom: day,
  collectTo: day,
  analyseOn: day.nullable(),
  meetingKind: z.enum(MEETING_KINDS).nullable(),
  meetingTeam: z.object({ id, name: z.string() }).nullable(),
  note: z.string(),
  remindCollectDays: z.number().int().nullable(),
  remindAnalysisDays: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: timestamp,
  canEdit: z.boolean(),
  /** A staff survey round shown in the wheel (read-only, from the survey itself; issue 18). */
  surveyRoundId: id.nullable().optional(),
  /** The meeting records the item is analysed in that the reader may open (the wheel only). */
  meetings: z.array(MeetingLink).optional(),
});

/** A plan in the wheel: `id` null while it has never had an item. */
export const PlanSummary = z.object({
  id: id.nullable(),
  scope: z.enum(PLAN_SCOPES),
  ownerId: id,
  name: z.string(),
  published: z.boolean(),
  canEdit: z.boolean(),
  canPublish: z.boolean(),
  /** Last year's plan has items and they were not copied yet: the editor may copy them. */
  canCopy: z.boolean(),
  copiedFromYear: z.number().int().nullable(),
  itemCount: z.number().int(),
});

export const Wheel = z.object({
  schoolYear: z.number().int(),
  from: day,
  to: day,
  today: day,
  /** Whose wheel: an institution (with its kind of words) or a kommune. */
  owner: z.object({
    scope: z.enum(['institution', 'kommune']),
    id,
    name: z.string(),
    words: z.enum(WORD_KINDS).nullable(),
  }),
  /** The kinds a new item may have here (the institution type's; a kommune plan: all). */
  kinds: z.array(z.enum(EVALUATION_KINDS)),
  plans: z.array(PlanSummary),
  items: z.array(EvaluationItem),
  /** Teams a meeting may belong to (the institution's), and people who may be responsible (editors only). */
  teams: z.array(z.object({ id, name: z.string() })),
  people: z.array(personRef),
});

export const CopyResult = z.object({ copied: z.number().int(), plan: PlanSummary });
export const FeedStatus = z.object({ active: z.boolean(), createdAt: timestamp.nullable() });
/** The feed's address: shown once, when made or renewed (only its hash is kept). */
export const FeedCreated = z.object({ url: z.string(), createdAt: timestamp });
export const IcsFile = z.string();
