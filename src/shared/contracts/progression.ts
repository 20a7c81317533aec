import { z } from 'zod';
import { AGE_BANDS } from '../catalogue.js';
import { PROGRESSION_LIMITS as L, PROGRESSION_STATUSES } from '../progression.js';
import { day, id, personRef, timestamp } from './common.js';

/**
 * Progression overview (issue 17 part 2, P2): requests and answers of /api/v1/progression/…
 *
 * Who sees what: per-child rows (the grid, a conference's snapshot, the export) only the group's class team, the
 * institution's leaders and resource persons a leader delegates to the group — every read is audit-logged; full
 * names (when the institution allows them) only the class team. Everyone else with access to the institution or
 * kommune sees group summaries, and only for groups of at least the minimum size (with complementary suppression).
 * A group whose figure is withheld has `null` counts; one without figures has zeros.
 */

const line = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(L.name);
const status = z.enum(PROGRESSION_STATUSES);
const ageBand = z.enum(AGE_BANDS);
const schoolYear = z.number().int().min(2000).max(2100);
const version = z.number().int().min(0);

// ——— Setup (leaders of the institution) ———
export const ProgressionSettingsUpdate = z.strictObject({
  showFullNames: z.boolean(),
  retentionMonths: z.number().int().min(L.retentionMonths.min).max(L.retentionMonths.max),
});
export const AreaCreate = z.strictObject({ name });
export const AreaUpdate = z.strictObject({
  name: name.optional(),
  position: z.number().int().min(0).max(1000).optional(),
  archived: z.boolean().optional(),
});
export const PeriodCreate = z.strictObject({ name, startsOn: day, endsOn: day });
export const PeriodUpdate = z.strictObject({
  name: name.optional(),
  startsOn: day.optional(),
  endsOn: day.optional(),
});
export const GroupCreate = z.strictObject({
  name,
  schoolYear,
  /** The class team (its members see and enter the group's statuses). */
  teamId: id.nullable(),
  grade: z.number().int().min(0).max(10).nullable().default(null),
  ageBand: ageBand.nullable().default(null),
});
export const GroupUpdate = z.strictObject({
  name: name.optional(),
  teamId: id.nullable().optional(),
  grade: z.number().int().min(0).max(10).nullable().optional(),
  ageBand: ageBand.nullable().optional(),
  archived: z.boolean().optional(),
});
/** The resource persons delegated to a group (replaces the list). */
export const DelegationsUpdate = z.strictObject({ userIds: z.array(id).max(20) });

// ——— Children (the group's circle) ———
export const ChildCreate = z.strictObject({
  code: z.string().trim().min(1).max(L.code),
  /** Only when the institution keeps full names; else 400 progression.names_off. */
  fullName: line(L.fullName).nullable().default(null),
  /** The day the child joins the group (default today). */
  fromOn: day.optional(),
});
export const ChildUpdate = z.strictObject({
  code: z.string().trim().min(1).max(L.code).optional(),
  fullName: line(L.fullName).nullable().optional(),
});
/** Move a child to another group of the institution from a day (leaders): its history follows it. */
export const ChildMove = z.strictObject({ groupId: id, on: day });
/** The child leaves the group (and the institution's overview) on a day; its rows stay until retention. */
export const ChildLeave = z.strictObject({ on: day });

// ——— The grid ———
export const GridQuery = z.strictObject({
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
/** Set (or clear, with `status: null`) one cell. `version` 0 for a new cell; a stale one: 409 progression.stale. */
export const StatusWrite = z.strictObject({
  childId: id,
  areaId: id,
  periodId: id,
  status: status.nullable(),
  score: z.number().min(L.score.min).max(L.score.max).nullable().default(null),
  note: line(L.note).default(''),
  version,
});
export const ExportRequest = z.strictObject({
  /** Why the per-child data leaves Amongi (written to the audit log). */
  reason: z.string().trim().min(10).max(L.reason),
});

// ——— Conferences (læringssamtale per group) ———
export const ConferenceWrite = z.strictObject({
  /** 0 when creating; afterwards the version the writer started from (stale: 409 progression.stale). */
  version,
  heldOn: day,
  focus: line(L.conferenceText),
  why: line(L.conferenceText).default(''),
  resourcePersonId: id.nullable().default(null),
  participants: line(L.conferenceText).default(''),
  decisions: line(L.conferenceText).default(''),
  followUp: line(L.conferenceText).default(''),
  previousOutcome: line(L.conferenceText).default(''),
});

// ——— Answers ———
export const Area = z.object({ id, name: z.string(), position: z.number(), archived: z.boolean() });
export const Period = z.object({ id, name: z.string(), schoolYear: z.number(), startsOn: day, endsOn: day });
export const Group = z.object({
  id,
  name: z.string(),
  schoolYear: z.number(),
  team: z.object({ id, name: z.string() }).nullable(),
  grade: z.number().nullable(),
  ageBand: ageBand.nullable(),
  archived: z.boolean(),
  /** Children in the group now. */
  children: z.number(),
  delegates: z.array(personRef),
});
export const ProgressionSetup = z.object({
  institution: z.object({ id, name: z.string(), type: z.string() }),
  settings: z.object({ showFullNames: z.boolean(), retentionMonths: z.number() }),
  areas: z.array(Area),
  periods: z.array(Period),
  groups: z.array(Group),
  /** People a leader may delegate to (the institution's resource persons). */
  resourcePersons: z.array(personRef),
});
/** The groups I may open (class team, delegated, leader) and the summaries I may see. */
export const MyProgression = z.object({
  groups: z.array(
    z.object({
      id,
      name: z.string(),
      schoolYear: z.number(),
      institution: z.object({ id, name: z.string(), type: z.string() }),
      why: z.enum(['team', 'delegated', 'leader']),
    }),
  ),
  /** Institutions whose summary I may read, and kommuner (forvaltning). */
  institutions: z.array(z.object({ id, name: z.string(), type: z.string(), canSetUp: z.boolean() })),
  kommuner: z.array(z.object({ id, name: z.string() })),
});

export const Cell = z.object({
  areaId: id,
  periodId: id,
  status,
  score: z.number().nullable(),
  note: z.string(),
  version: z.number(),
  /** The group the child was in when this was entered (another one after a move). */
  groupId: id,
  updatedAt: timestamp,
  updatedBy: personRef.nullable(),
});
export const GridChild = z.object({
  id,
  code: z.string(),
  /** Only for the class team, and only when the institution keeps full names. */
  fullName: z.string().nullable(),
  /** In the group from/to (to null: still there). */
  fromOn: day,
  toOn: day.nullable(),
  cells: z.array(Cell),
});
export const Counts = z.object({
  groen: z.number(),
  gul: z.number(),
  roed: z.number(),
  movedUp: z.number(),
  movedDown: z.number(),
});
/**
 * A group's counts for one area and period; `null` when withheld (too few children, or complementary); zeros when
 * it has no figures there (shown as "no assessments", never as withheld).
 */
export const SummaryCell = z.object({ areaId: id, periodId: id, counts: Counts.nullable() });
export const Grid = z.object({
  group: Group,
  institution: z.object({ id, name: z.string(), type: z.string() }),
  areas: z.array(Area),
  periods: z.array(Period),
  children: z.array(GridChild),
  summary: z.array(SummaryCell),
  /** What I may do here. */
  can: z.object({
    write: z.boolean(),
    manageChildren: z.boolean(),
    export: z.boolean(),
    seeNames: z.boolean(),
  }),
});
export const GroupSummary = z.object({
  group: z.object({ id, name: z.string(), schoolYear: z.number() }),
  areas: z.array(Area),
  periods: z.array(Period),
  cells: z.array(SummaryCell),
});
/**
 * Filters of a summary (group, institution, kommune). Without `schoolYear`: the newest school year with periods up
 * to the current one. In a kommune's summary, areas are matched across institutions by name and periods by their
 * order within the school year (1st, 2nd …), so its `areaId`/`periodId` are the ids that summary answers.
 */
export const SummaryQuery = z.strictObject({
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
  areaId: id.optional(),
  periodId: id.optional(),
});
/** An institution's (or a kommune's) summary: one row per group (per institution), and the total. */
export const SummaryTable = z.object({
  scope: z.object({ kind: z.enum(['institution', 'kommune']), id, name: z.string() }),
  /** The school year shown, and every school year with periods (newest first). */
  schoolYear: z.number(),
  schoolYears: z.array(z.number()),
  areas: z.array(Area.pick({ id: true, name: true })),
  periods: z.array(Period.pick({ id: true, name: true, schoolYear: true })),
  rows: z.array(z.object({ id, name: z.string(), cells: z.array(SummaryCell) })),
  total: z.array(SummaryCell),
  minGroup: z.number(),
});

/** The overview at a conference: per-child lines until retention removes them, the counts for good. */
export const ConferenceSnapshot = z.object({
  takenAt: z.string(),
  areas: z.array(z.object({ id, name: z.string() })),
  periods: z.array(z.object({ id, name: z.string() })),
  /** Empty after retention. */
  children: z.array(
    z.object({ code: z.string(), cells: z.array(z.object({ areaId: id, periodId: id, status })) }),
  ),
  summary: z.array(z.object({ areaId: id, periodId: id, counts: Counts })),
});
export type ConferenceSnapshot = z.infer<typeof ConferenceSnapshot>;
export const Conference = z.object({
  id,
  groupId: id,
  heldOn: day,
  focus: z.string(),
  why: z.string(),
  resourcePerson: personRef.nullable(),
  participants: z.string(),
  decisions: z.string(),
  followUp: z.string(),
  previousOutcome: z.string(),
  snapshot: ConferenceSnapshot,
  version: z.number(),
  createdBy: personRef.nullable(),
  updatedAt: timestamp,
});
export const ConferenceList = z.object({
  /** The group, and its institution (whose words the page speaks). */
  group: z.object({ id, name: z.string(), schoolYear: z.number() }),
  institution: z.object({ id, name: z.string(), type: z.string() }),
  /** Who may be named as a conference's resource person: the institution's ressourcepersoner and ledere. */
  resourcePersons: z.array(personRef),
  items: z.array(Conference.pick({ id: true, heldOn: true, focus: true, followUp: true })),
  /** The newest one's decisions and follow-up, shown when the next is written. */
  previous: Conference.pick({
    id: true,
    heldOn: true,
    focus: true,
    decisions: true,
    followUp: true,
  }).nullable(),
});

// ——— CSV import (a spreadsheet export of test results for one area and period) ———
export const PROGRESSION_IMPORT = {
  /** Rows of data in one file (the header not counted). */
  maxRows: 5000,
  /** The file's size in bytes (sent base64-encoded, so the request is about 4/3 of it). */
  maxBytes: 2 * 1024 * 1024,
  maxBands: 6,
} as const;
export const IMPORT_COLUMNS = ['code', 'name', 'group', 'score', 'status', 'note', 'date'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** A score band: scores from `min` to `max`, both included (null: no limit that side), give `status`. */
export const ImportBand = z
  .strictObject({
    status,
    min: z.number().min(L.score.min).max(L.score.max).nullable(),
    max: z.number().min(L.score.min).max(L.score.max).nullable(),
  })
  .refine((b) => b.min === null || b.max === null || b.min <= b.max, {
    message: 'min must not be larger than max',
    path: ['max'],
  });
const columnIndex = z.number().int().min(0).max(200).nullable();
/** Which column of the file (0-based) holds what; left out: guessed from the header names. */
export const ImportColumns = z.strictObject({
  code: columnIndex,
  name: columnIndex.default(null),
  group: columnIndex.default(null),
  score: columnIndex.default(null),
  status: columnIndex.default(null),
  note: columnIndex.default(null),
  date: columnIndex.default(null),
});
export const ImportRequest = z.strictObject({
  /** The file's bytes, base64. */
  file: z.base64().max(Math.ceil(PROGRESSION_IMPORT.maxBytes / 3) * 4 + 4),
  fileName: z.string().trim().max(255).default(''),
  areaId: id,
  periodId: id,
  columns: ImportColumns.optional(),
  /** Score bands; left out: the bands saved for the area (if any). */
  bands: z.array(ImportBand).max(PROGRESSION_IMPORT.maxBands).optional(),
  /** Unknown child codes become new children in the group (else each is a row error). */
  createMissing: z.boolean().default(false),
});
export const ImportCommit = ImportRequest.extend({
  /** The preview's fingerprint: the commit is refused (409) when the cells or the file changed since. */
  fingerprint: z.string().min(1).max(200),
  /** Save rows without errors and skip the others (else any row error refuses the whole file). */
  skipErrors: z.boolean().default(false),
  /** Keep the bands for the area, for the next import. */
  saveBands: z.boolean().default(false),
});
export const IMPORT_OUTCOMES = ['new', 'changed', 'unchanged', 'error'] as const;
export const ImportCellValue = z.object({ status, score: z.number().nullable(), note: z.string() });
export const ImportRowResult = z.object({
  line: z.number().int(),
  code: z.string(),
  /** The group's name the row goes to. */
  group: z.string().nullable(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** A child created by this import (createMissing). */
  createsChild: z.boolean(),
  before: ImportCellValue.nullable(),
  after: ImportCellValue.nullable(),
  errors: z.array(
    z.object({ column: z.enum([...IMPORT_COLUMNS, 'row']), code: z.string(), message: z.string() }),
  ),
});
export const ImportPreview = z.object({
  /** The file's header cells and the columns used (guessed or given). */
  headers: z.array(z.string()),
  columns: z.object({
    code: z.number().nullable(),
    name: z.number().nullable(),
    group: z.number().nullable(),
    score: z.number().nullable(),
    status: z.number().nullable(),
    note: z.number().nullable(),
    date: z.number().nullable(),
  }),
  bands: z.array(z.object({ status, min: z.number().nullable(), max: z.number().nullable() })),
  bandsSource: z.enum(['request', 'saved', 'none']),
  encoding: z.string(),
  delimiter: z.string(),
  rows: z.array(ImportRowResult),
  counts: z.object({
    rows: z.number(),
    new: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    errors: z.number(),
    createsChildren: z.number(),
    groen: z.number(),
    gul: z.number(),
    roed: z.number(),
  }),
  /** Things about the file as a whole (a names column ignored, …). */
  warnings: z.array(z.string()),
  fingerprint: z.string(),
  /** True in the answer of a commit. */
  committed: z.boolean(),
});

/** A child as the children routes answer it: the placement in the group the route was about (or the new one). */
export const ChildAnswer = z.object({
  id,
  code: z.string(),
  fullName: z.string().nullable(),
  groupId: id,
  fromOn: day,
  toOn: day.nullable(),
});
/** The grid as CSV (UTF-8 with BOM, `;`-separated, for Danish Excel). */
export const GridCsv = z.string();
