import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { AGE_BANDS, type Pillar } from '../../shared/catalogue.js';
import type { AgendaItem, EvidenceTable, InquiryPhase } from '../../shared/contracts/inquiry.js';
import {
  CYCLE_STATES,
  EVIDENCE_KINDS,
  MEETING_STATES,
  STORY_STATES,
  STORY_VISIBILITIES,
  TASK_KINDS,
} from '../../shared/inquiry.js';
import { observationVisits } from './observation-schema.js';
import { at, id, inList, institutions, kommuner, teams, userRef, users } from './schema.js';
import { taxonomyTerms, tsvector, videos } from './videos-schema.js';

/*
 * Team inquiry cycles (issue 16, T1–T3): a team's own space, cycles that follow a template's phases, their
 * data plan and action items (tasks), evidence, each member's reflection, and facilitated meetings.
 */

const optionalUser = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });
const teamRef = () =>
  uuid('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' });

/**
 * A cycle template: data, not code. Built-in ones (kommune_id null) are kept in step with the module's data
 * file at start-up by their `key`; a kommune's own are written by its forvaltning or an administrator.
 */
export const inquiryTemplates = pgTable(
  'inquiry_templates',
  {
    id: id(),
    /** The built-in template's stable name (null for a kommune's own). */
    key: text('key'),
    kommuneId: uuid('kommune_id').references(() => kommuner.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Institution kinds it is offered to (skole, dagtilbud, klub). */
    kinds: text('kinds').array().notNull(),
    phases: jsonb('phases').$type<InquiryPhase[]>().notNull(),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    archivedAt: at('archived_at'),
  },
  (t) => [
    uniqueIndex('inquiry_templates_key_key').on(t.key),
    index('inquiry_templates_kommune_idx').on(t.kommuneId),
    index('inquiry_templates_created_by_idx').on(t.createdBy),
  ],
);

/** A team's own space: its agreement (samarbejdsaftale), versioned against lost updates. */
export const teamSpaces = pgTable(
  'team_spaces',
  {
    teamId: uuid('team_id')
      .primaryKey()
      .references(() => teams.id, { onDelete: 'cascade' }),
    agreement: text('agreement').notNull().default(''),
    version: integer('version').notNull().default(0),
    updatedBy: optionalUser('updated_by'),
    updatedAt: at('updated_at'),
  },
  (t) => [index('team_spaces_updated_by_idx').on(t.updatedBy)],
);

/**
 * One loop of an inquiry cycle. `seriesId` is the first loop's id: "start the next loop" adds a row to the
 * series carrying the question and the data plan forward, and every loop stays as history. `phases` is the
 * template as it was when the cycle started; `content` holds the answers by phase key and field key.
 */
export const inquiryCycles = pgTable(
  'inquiry_cycles',
  {
    id: id(),
    teamId: teamRef(),
    templateId: uuid('template_id').references(() => inquiryTemplates.id, { onDelete: 'set null' }),
    templateName: text('template_name').notNull(),
    phases: jsonb('phases').$type<InquiryPhase[]>().notNull(),
    seriesId: uuid('series_id').notNull(),
    loop: integer('loop').notNull().default(1),
    title: text('title').notNull(),
    question: text('question').notNull().default(''),
    state: text('state', { enum: CYCLE_STATES }).notNull().default('foer'),
    content: jsonb('content').$type<Record<string, Record<string, string>>>().notNull().default({}),
    /** The institution's leaders may read it (off by default). */
    sharedWithLeaders: boolean('shared_with_leaders').notNull().default(false),
    /** A practice story it was started from ("Vi vil prøve det i vores team"). */
    originStoryId: uuid('origin_story_id').references((): AnyPgColumn => practiceStories.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('inquiry_cycles_team_idx').on(t.teamId, t.createdAt),
    index('inquiry_cycles_series_idx').on(t.seriesId, t.loop),
    index('inquiry_cycles_template_idx').on(t.templateId),
    index('inquiry_cycles_origin_idx').on(t.originStoryId),
    index('inquiry_cycles_created_by_idx').on(t.createdBy),
    check('inquiry_cycles_state_check', inList('state', CYCLE_STATES)),
  ],
);

/** A facilitated team meeting (T3), optionally about one cycle; roles rotate among the members. */
export const teamMeetings = pgTable(
  'team_meetings',
  {
    id: id(),
    teamId: teamRef(),
    cycleId: uuid('cycle_id').references(() => inquiryCycles.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    startsAt: at('starts_at').notNull(),
    purpose: text('purpose').notNull().default(''),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
    facilitatorId: optionalUser('facilitator_id'),
    timekeeperId: optionalUser('timekeeper_id'),
    dataholderId: optionalUser('dataholder_id'),
    state: text('state', { enum: MEETING_STATES }).notNull().default('planned'),
    /** The minutes' free text (beside rounds, decisions and action items, which are rows). */
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
  },
  (t) => [
    index('team_meetings_team_idx').on(t.teamId, t.startsAt),
    index('team_meetings_cycle_idx').on(t.cycleId),
    index('team_meetings_facilitator_idx').on(t.facilitatorId),
    index('team_meetings_timekeeper_idx').on(t.timekeeperId),
    index('team_meetings_dataholder_idx').on(t.dataholderId),
    index('team_meetings_created_by_idx').on(t.createdBy),
    check('team_meetings_state_check', inList('state', MEETING_STATES)),
  ],
);

/**
 * A task: a line of a cycle's data plan (which data, who collects it, by when, when the team analyses it) or an
 * action item (from a meeting or an analysis). The owner is reminded `remind_days` before it is due.
 */
export const inquiryTasks = pgTable(
  'inquiry_tasks',
  {
    id: id(),
    teamId: teamRef(),
    cycleId: uuid('cycle_id').references(() => inquiryCycles.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => teamMeetings.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: TASK_KINDS }).notNull(),
    title: text('title').notNull(),
    ownerId: optionalUser('owner_id'),
    dueOn: date('due_on'),
    /** A data-plan line: when the team analyses what was collected. */
    analyseOn: date('analyse_on'),
    remindDays: integer('remind_days').notNull().default(2),
    remindedAt: at('reminded_at'),
    doneAt: at('done_at'),
    position: integer('position').notNull().default(0),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('inquiry_tasks_team_idx').on(t.teamId),
    index('inquiry_tasks_cycle_idx').on(t.cycleId, t.position),
    index('inquiry_tasks_meeting_idx').on(t.meetingId),
    index('inquiry_tasks_owner_open_idx').on(t.ownerId, t.dueOn).where(sql`${t.doneAt} is null`),
    index('inquiry_tasks_created_by_idx').on(t.createdBy),
    check('inquiry_tasks_kind_check', inList('kind', TASK_KINDS)),
    check('inquiry_tasks_remind_check', sql`${t.remindDays} between 0 and 30`),
  ],
);

/**
 * Evidence in a cycle ("under"): a link to a visit or self-observation or a video (their own access rules still
 * apply to each reader), a file, a small number table, a pupil/child quote (never a name) or a note.
 */
export const inquiryEvidence = pgTable(
  'inquiry_evidence',
  {
    id: id(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => inquiryCycles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    visitId: uuid('visit_id').references(() => observationVisits.id, { onDelete: 'cascade' }),
    videoId: uuid('video_id').references(() => videos.id, { onDelete: 'cascade' }),
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileSize: integer('file_size'),
    data: jsonb('data').$type<EvidenceTable>(),
    addedBy: optionalUser('added_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('inquiry_evidence_cycle_idx').on(t.cycleId, t.createdAt),
    index('inquiry_evidence_visit_idx').on(t.visitId),
    index('inquiry_evidence_video_idx').on(t.videoId),
    index('inquiry_evidence_added_by_idx').on(t.addedBy),
    check('inquiry_evidence_kind_check', inList('kind', EVIDENCE_KINDS)),
  ],
);

/** Each member's own reflection in a cycle's analysis ("efter"). */
export const inquiryReflections = pgTable(
  'inquiry_reflections',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => inquiryCycles.id, { onDelete: 'cascade' }),
    userId: userRef(),
    body: text('body').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.userId] }), index('inquiry_reflections_user_idx').on(t.userId)],
);

/** A round in meeting mode: the speakers in order, whose turn it is and since when. */
export const meetingRounds = pgTable(
  'meeting_rounds',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => teamMeetings.id, { onDelete: 'cascade' }),
    prompt: text('prompt').notNull(),
    speakerIds: uuid('speaker_ids').array().notNull(),
    turn: integer('turn').notNull().default(0),
    turnSeconds: integer('turn_seconds').notNull().default(120),
    turnStartedAt: at('turn_started_at').notNull().defaultNow(),
    startedAt: at('started_at').notNull().defaultNow(),
    endedAt: at('ended_at'),
  },
  (t) => [
    index('meeting_rounds_meeting_idx').on(t.meetingId, t.startedAt),
    check('meeting_rounds_turn_seconds_check', sql`${t.turnSeconds} between 10 and 1800`),
  ],
);

/** A member's contribution to a round, stored once per client key (a resend is the same contribution). */
export const meetingContributions = pgTable(
  'meeting_contributions',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => meetingRounds.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    body: text('body').notNull(),
    clientKey: text('client_key').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_contributions_once_key').on(t.roundId, t.authorId, t.clientKey),
    index('meeting_contributions_author_idx').on(t.authorId),
  ],
);

/** A decision taken at a meeting (it appears in the minutes and on the team page). */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => teamMeetings.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.meetingId, t.createdAt),
    index('meeting_decisions_created_by_idx').on(t.createdBy),
  ],
);

/*
 * Practice stories (issue 16 part 4, T4/B2). They live here, beside the cycles, because the two reference each
 * other (a story's cycle; the story a cycle started from) and schema files import no cycles.
 */

/**
 * A praksisfortælling written from a finished cycle: drafted by the team, reviewed by an editor, then read as
 * widely as its visibility says. `institution_id`/`kommune_id` are the team's when written (they scope who may
 * read it); `search_document` is the weighted Danish text, refreshed in the same transaction as every write.
 */
export const practiceStories = pgTable(
  'practice_stories',
  {
    id: id(),
    cycleId: uuid('cycle_id').references((): AnyPgColumn => inquiryCycles.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    kommuneId: uuid('kommune_id')
      .notNull()
      .references(() => kommuner.id, { onDelete: 'cascade' }),
    templateName: text('template_name').notNull(),
    title: text('title').notNull(),
    context: text('context').notNull().default(''),
    question: text('question').notNull().default(''),
    tried: text('tried').notNull().default(''),
    learned: text('learned').notNull().default(''),
    materials: text('materials').notNull().default(''),
    subjectId: uuid('subject_id').references(() => taxonomyTerms.id, { onDelete: 'set null' }),
    ageBands: text('age_bands').array().notNull().default(sql`'{}'::text[]`),
    /** The PLF pillars of the videos it links, kept when it is saved (a facet of story search). */
    pillars: text('pillars').array().$type<Pillar[]>().notNull().default(sql`'{}'::text[]`),
    state: text('state', { enum: STORY_STATES }).notNull().default('draft'),
    visibility: text('visibility', { enum: STORY_VISIBILITIES }).notNull().default('institution'),
    /** Visits before this day are "før", on or after it "efter"; null: the story shows no data. */
    dataSplitOn: date('data_split_on'),
    version: integer('version').notNull().default(1),
    reviewNote: text('review_note'),
    reviewedBy: optionalUser('reviewed_by'),
    submittedAt: at('submitted_at'),
    publishedAt: at('published_at'),
    updatedBy: optionalUser('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    createdAt: at('created_at').notNull().defaultNow(),
    /** Title (A), methods and subject (B), context/question/tried (C), learned/materials (D), Danish. */
    searchDocument: tsvector('search_document'),
  },
  (t) => [
    uniqueIndex('practice_stories_cycle_key').on(t.cycleId),
    index('practice_stories_team_idx').on(t.teamId),
    index('practice_stories_institution_idx').on(t.institutionId),
    index('practice_stories_kommune_idx').on(t.kommuneId),
    index('practice_stories_subject_idx').on(t.subjectId),
    index('practice_stories_reviewed_by_idx').on(t.reviewedBy),
    index('practice_stories_updated_by_idx').on(t.updatedBy),
    index('practice_stories_state_idx').on(t.state, t.publishedAt),
    index('practice_stories_search_idx').using('gin', t.searchDocument),
    // Story search without a text: the newest published ones first, read in order and stopped at the page's end.
    index('practice_stories_published_order_idx')
      .on(sql`coalesce(${t.publishedAt}, ${t.createdAt}) desc`, sql`${t.id} desc`)
      .where(sql`${t.state} = 'published'`),
    check('practice_stories_state_check', inList('state', STORY_STATES)),
    check('practice_stories_visibility_check', inList('visibility', STORY_VISIBILITIES)),
    check(
      'practice_stories_age_bands_check',
      sql.raw(`age_bands <@ array[${AGE_BANDS.map((b) => `'${b}'`).join(', ')}]::text[]`),
    ),
  ],
);

/** The method tags of a story (taxonomy terms of kind method; their pillars come from the catalogue). */
export const storyMethods = pgTable(
  'story_methods',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => practiceStories.id, { onDelete: 'cascade' }),
    termId: uuid('term_id')
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.termId] }), index('story_methods_term_idx').on(t.termId)],
);

/** Videos a story links, in the authors' order (each reader sees only those they may watch now). */
export const storyVideos = pgTable(
  'story_videos',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => practiceStories.id, { onDelete: 'cascade' }),
    videoId: uuid('video_id')
      .notNull()
      .references(() => videos.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.videoId] }), index('story_videos_video_idx').on(t.videoId)],
);
