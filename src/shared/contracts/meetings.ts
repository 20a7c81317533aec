import { z } from 'zod';
import { MEETING_STATES } from '../inquiry.js';
import { MEETING_LIMITS as L } from '../meetings.js';
import { dateTime } from '../text.js';
import { day, id, pageQuery, personRef, timestamp } from './common.js';
import { AgendaItem, Task } from './inquiry.js';

/** Team meetings (issue 16, T3): requests and answers of /api/v1/teams/:id/meetings, /meetings/:id, /rounds/:id. */

const when = dateTime().transform((v) => new Date(v));
const title = z.string().trim().min(1).max(L.title);
const text = (max: number) => z.string().trim().max(max);
const agenda = z
  .array(AgendaItem)
  .max(L.agendaItems)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: 'item ids repeat' });
/** A role's holder: a member of the team, or null for nobody. */
const holder = id.nullable();

// Requests
export const MeetingListQuery = z.strictObject(pageQuery);
export const MeetingCreate = z.strictObject({
  title,
  startsAt: when,
  purpose: text(L.purpose).default(''),
  cycleId: id.nullable().default(null),
  agenda: agenda.default([]),
  /** Left out: the rotation (the next members after the last meeting's holders, alphabetically). */
  facilitatorId: holder.optional(),
  timekeeperId: holder.optional(),
  dataholderId: holder.optional(),
});
export const MeetingUpdate = z.strictObject({
  /** The version the editor started from: a stale one is refused (inquiry.stale), nothing is lost. */
  version: z.number().int().min(1),
  title: title.optional(),
  startsAt: when.optional(),
  purpose: text(L.purpose).optional(),
  cycleId: id.nullable().optional(),
  agenda: agenda.optional(),
  facilitatorId: holder.optional(),
  timekeeperId: holder.optional(),
  dataholderId: holder.optional(),
  notes: text(L.notes).optional(),
});
export const DecisionCreate = z.strictObject({ body: text(L.decision).min(1) });
export const ActionCreate = z.strictObject({
  title,
  ownerId: id,
  dueOn: day.nullable().default(null),
});
export const RoundCreate = z.strictObject({
  prompt: text(L.prompt).min(1),
  /** The speakers in order (members of the team, each once). */
  speakerIds: z
    .array(id)
    .min(1)
    .max(L.speakers)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'speakers repeat' }),
  turnSeconds: z.number().int().min(10).max(1800).default(120),
});
export const ContributionCreate = z.strictObject({
  body: text(L.contribution).min(1),
  /** Made by the phone once per contribution: sending it again (bad wifi) stores nothing new. */
  clientKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});

// Answers
export const MeetingSummary = z.object({
  id,
  teamId: id,
  cycle: z.object({ id, title: z.string() }).nullable(),
  title: z.string(),
  startsAt: timestamp,
  purpose: z.string(),
  state: z.enum(MEETING_STATES),
  facilitator: personRef.nullable(),
  timekeeper: personRef.nullable(),
  dataholder: personRef.nullable(),
});
export const MeetingPage = z.object({ items: z.array(MeetingSummary), nextCursor: z.string().nullable() });
export const Contribution = z.object({
  id,
  roundId: id,
  author: personRef,
  body: z.string(),
  createdAt: timestamp,
});
export const Round = z.object({
  id,
  prompt: z.string(),
  speakers: z.array(personRef),
  /** Whose turn it is: an index into `speakers`. */
  turn: z.number().int(),
  turnSeconds: z.number().int(),
  turnStartedAt: timestamp,
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  contributions: z.array(Contribution),
});
export const Decision = z.object({
  id,
  body: z.string(),
  createdBy: personRef.nullable(),
  createdAt: timestamp,
});
/**
 * A meeting with everything in it: the plan, the roles, the rounds with their contributions, decisions and action
 * items. The same for every member (the live stream sends it to all); `serverNow` lets a screen's countdown
 * ignore its own clock.
 */
export const MeetingDetail = MeetingSummary.extend({
  team: z.object({ id, name: z.string(), institutionId: id, institutionType: z.string() }),
  agenda: z.array(AgendaItem),
  notes: z.string(),
  version: z.number().int(),
  members: z.array(personRef),
  rounds: z.array(Round),
  decisions: z.array(Decision),
  actions: z.array(Task),
  startedAt: timestamp.nullable(),
  endedAt: timestamp.nullable(),
  serverNow: timestamp,
});
/** The minutes: the meeting as it was held (what the printable page shows). */
export const Minutes = MeetingDetail.omit({ members: true, version: true, serverNow: true });
/** The live stream's documentation (text/event-stream): `state` events carry a MeetingDetail as JSON. */
export const LiveStream = z.string();
