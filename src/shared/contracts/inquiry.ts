import { z } from 'zod';
import { TEAM_TYPES } from '../constants.js';
import {
  CYCLE_STATES,
  EVIDENCE_KINDS,
  INQUIRY_FIELD_KINDS,
  INQUIRY_KINDS,
  INQUIRY_STAGES,
  INQUIRY_LIMITS as L,
  MEETING_MOVES,
  TASK_KINDS,
} from '../inquiry.js';
import { day, id, personRef, timestamp } from './common.js';

/** Team spaces and inquiry cycles (issue 16, T1–T2): requests and answers of /api/v1/teams/:id/space, /cycles… */

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const line = (max: number) => z.string().trim().max(max);
const title = z.string().trim().min(1).max(L.title);

// Templates are data: their shape is checked like any other input.
export const InquiryField = z.object({
  key: slug,
  label: z.string().trim().min(1).max(200),
  help: line(1000).default(''),
  kind: z.enum(INQUIRY_FIELD_KINDS),
  required: z.boolean().default(false),
});
export const InquiryPhase = z
  .object({
    key: slug,
    stage: z.enum(INQUIRY_STAGES),
    title: z.string().trim().min(1).max(120),
    intro: line(2000).default(''),
    prompts: z.array(line(500).min(1)).max(12).default([]),
    fields: z.array(InquiryField).max(12),
  })
  .refine((p) => new Set(p.fields.map((f) => f.key)).size === p.fields.length, {
    message: 'field keys repeat',
    path: ['fields'],
  });
export type InquiryPhase = z.output<typeof InquiryPhase>;
/** A template's phases: in stage order (før, under, efter), every stage present, keys unique. */
export const TemplatePhases = z
  .array(InquiryPhase)
  .min(3)
  .max(12)
  .refine((ps) => new Set(ps.map((p) => p.key)).size === ps.length, { message: 'phase keys repeat' })
  .refine(
    (ps) => {
      const order = ps.map((p) => INQUIRY_STAGES.indexOf(p.stage));
      return (
        INQUIRY_STAGES.every((_, i) => order.includes(i)) &&
        order.every((x, i) => i === 0 || x >= order[i - 1])
      );
    },
    { message: 'phases must run før, under, efter' },
  );

/** A meeting agenda item, under one of the three leadership moves. */
export const AgendaItem = z.object({
  id: slug,
  move: z.enum(MEETING_MOVES),
  title: z.string().trim().min(1).max(200),
  minutes: z.number().int().min(0).max(240),
});
export type AgendaItem = z.output<typeof AgendaItem>;

/** A small number table in a cycle's evidence (text cells; numbers as the team wrote them). */
export const EvidenceTable = z.object({
  columns: z.array(line(L.cell).min(1)).min(1).max(L.tableColumns),
  rows: z.array(z.array(line(L.cell)).max(L.tableColumns)).max(L.tableRows),
});
export type EvidenceTable = z.output<typeof EvidenceTable>;

// Requests
export const TemplateListQuery = z.strictObject({ teamId: id.optional() });
export const TemplateCreate = z.strictObject({
  kommuneId: id,
  name: title,
  description: line(2000).default(''),
  kinds: z.array(z.enum(INQUIRY_KINDS)).min(1).max(3),
  phases: TemplatePhases,
});
export const AgreementUpdate = z.strictObject({ text: line(L.agreement), version: z.number().int().min(0) });
export const CycleCreate = z.strictObject({
  templateId: id,
  title,
  question: line(L.field).default(''),
});
/** Answers by phase key and field key. */
const content = z.record(slug, z.record(slug, z.string().max(L.field)));
export const CycleUpdate = z.strictObject({
  /** The version the editor started from: a stale one is refused with the other's change (no lost update). */
  version: z.number().int().min(1),
  title: title.optional(),
  question: line(L.field).optional(),
  state: z.enum(CYCLE_STATES).optional(),
  content: content.optional(),
  sharedWithLeaders: z.boolean().optional(),
});
export const TaskCreate = z.strictObject({
  kind: z.enum(TASK_KINDS),
  title,
  ownerId: id.nullable().default(null),
  dueOn: day.nullable().default(null),
  analyseOn: day.nullable().default(null),
  remindDays: z.number().int().min(0).max(30).default(2),
});
export const TaskUpdate = z.strictObject({
  title: title.optional(),
  ownerId: id.nullable().optional(),
  dueOn: day.nullable().optional(),
  analyseOn: day.nullable().optional(),
  remindDays: z.number().int().min(0).max(30).optional(),
  done: z.boolean().optional(),
});
export const EvidenceCreate = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('visit'), visitId: id }),
  z.strictObject({ kind: z.literal('video'), videoId: id }),
  z.strictObject({ kind: z.literal('table'), title, data: EvidenceTable }),
  z.strictObject({ kind: z.literal('quote'), body: line(L.quote).min(1) }),
  z.strictObject({ kind: z.literal('note'), title: line(L.title).default(''), body: line(L.note).min(1) }),
]);
/** A file: the request body is the file itself; its name and a title go in the query. */
export const EvidenceFileQuery = z.strictObject({
  name: z.string().trim().min(1).max(200),
  title: line(L.title).default(''),
});
export const ReflectionPut = z.strictObject({ body: line(L.field) });
export const CycleParams = z.strictObject({ id });

// Answers
export const InquiryTemplate = z.object({
  id,
  key: z.string().nullable(),
  kommuneId: id.nullable(),
  name: z.string(),
  description: z.string(),
  kinds: z.array(z.enum(INQUIRY_KINDS)),
  phases: z.array(InquiryPhase),
});
export const TemplateList = z.object({ items: z.array(InquiryTemplate) });

export const CycleSummary = z.object({
  id,
  teamId: id,
  title: z.string(),
  question: z.string(),
  templateName: z.string(),
  state: z.enum(CYCLE_STATES),
  loop: z.number().int(),
  seriesId: id,
  sharedWithLeaders: z.boolean(),
  updatedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export const Task = z.object({
  id,
  teamId: id,
  cycleId: id.nullable(),
  meetingId: id.nullable(),
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  owner: personRef.nullable(),
  dueOn: day.nullable(),
  analyseOn: day.nullable(),
  remindDays: z.number().int(),
  done: z.boolean(),
  createdAt: timestamp,
});
/** A task in "Mine opgaver": with the team (and cycle) it belongs to. */
export const MyTask = Task.extend({
  team: z.object({ id, name: z.string() }),
  cycleTitle: z.string().nullable(),
});
export const MyTasks = z.object({ items: z.array(MyTask) });
/**
 * A piece of evidence. A linked visit or video the reader may not see (its own rules) is shown only as
 * `available: false`, without its title.
 */
export const Evidence = z.object({
  id,
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  body: z.string(),
  available: z.boolean(),
  visit: z.object({ id, kind: z.string(), date: z.string().nullable() }).nullable(),
  video: z.object({ id, title: z.string() }).nullable(),
  file: z.object({ name: z.string(), type: z.string(), size: z.number().int() }).nullable(),
  data: EvidenceTable.nullable(),
  addedBy: personRef.nullable(),
  createdAt: timestamp,
});
export const Reflection = z.object({ person: personRef, body: z.string(), updatedAt: timestamp });
export const CycleDetail = CycleSummary.extend({
  team: z.object({ id, name: z.string(), institutionId: id }),
  phases: z.array(InquiryPhase),
  content,
  version: z.number().int(),
  /** A member: reads and writes. A leader reading a shared cycle: false. */
  canWrite: z.boolean(),
  members: z.array(personRef),
  tasks: z.array(Task),
  evidence: z.array(Evidence),
  reflections: z.array(Reflection),
  /** Every loop of the series, oldest first (this one included). */
  loops: z.array(z.object({ id, loop: z.number().int(), state: z.enum(CYCLE_STATES), title: z.string() })),
  createdBy: personRef.nullable(),
  createdAt: timestamp,
});
export const TeamSpace = z.object({
  team: z.object({
    id,
    name: z.string(),
    type: z.enum(TEAM_TYPES),
    institution: z.object({ id, name: z.string(), type: z.string() }),
  }),
  /** The reader is a member (reads and writes everything); else a leader seeing what is shared with leadership. */
  member: z.boolean(),
  members: z.array(personRef),
  agreement: z.object({
    text: z.string(),
    version: z.number().int(),
    updatedBy: personRef.nullable(),
    updatedAt: timestamp.nullable(),
  }),
  cycles: z.array(CycleSummary),
  openTasks: z.array(Task),
  /** Videos shared with the team (visibility "team") that the reader may watch, newest first. */
  videos: z.array(z.object({ id, title: z.string(), createdAt: timestamp })),
});
export const MyTeams = z.object({
  items: z.array(
    z.object({
      id,
      name: z.string(),
      type: z.enum(TEAM_TYPES),
      institution: z.object({ id, name: z.string() }),
      activeCycles: z.number().int(),
      openTasks: z.number().int(),
    }),
  ),
  /** A leader's other teams of the house: they open the space and read what a team shares with leadership. */
  led: z.array(
    z.object({
      id,
      name: z.string(),
      type: z.enum(TEAM_TYPES),
      institution: z.object({ id, name: z.string() }),
      /** Active cycles the team shares with leadership. */
      sharedCycles: z.number().int(),
    }),
  ),
});
