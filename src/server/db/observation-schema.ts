import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DEFAULT_MIN_GROUP_SIZE,
  MIN_GROUP_SIZE_FLOOR,
  type SchemaDefinition,
  VISIT_FLAGS,
  VISIT_KINDS,
  VISIT_STATUSES,
} from '../../shared/observation.js';
import { at, id, inList, institutions, userRef, users } from './schema.js';

/** Classroom observation (O1–O6). ADR docs/decisions/0007-observation.md explains the design. */

const institutionRef = () =>
  uuid('institution_id')
    .notNull()
    .references(() => institutions.id, { onDelete: 'cascade' });
const optionalUserRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/** Per institution: the smallest group of observed teachers its data is shown for (O4). */
export const observationSettings = pgTable(
  'observation_settings',
  {
    institutionId: institutionRef().primaryKey(),
    minGroupSize: integer('min_group_size').notNull().default(DEFAULT_MIN_GROUP_SIZE),
    updatedBy: optionalUserRef('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('observation_settings_updated_by_idx').on(t.updatedBy),
    check('observation_settings_min_group_check', sql.raw(`min_group_size >= ${MIN_GROUP_SIZE_FLOOR}`)),
  ],
);

/**
 * One version of an institution's learning focus areas and observation schema (O1). Versions are never edited:
 * saving makes the next version. Item keys carry over between versions while an item is unchanged, so data
 * stays comparable across versions.
 */
export const observationSchemas = pgTable(
  'observation_schemas',
  {
    id: id(),
    institutionId: institutionRef(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<SchemaDefinition>().notNull(),
    createdBy: optionalUserRef('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('observation_schemas_institution_version_key').on(t.institutionId, t.version),
    index('observation_schemas_created_by_idx').on(t.createdBy),
  ],
);

/** The institution's visit guide (O6): why we visit, how, and what happens with the data. */
export const observationGuides = pgTable(
  'observation_guides',
  {
    institutionId: institutionRef().primaryKey(),
    body: text('body').notNull().default(''),
    /** Null while a draft; staff see only a published guide. */
    publishedAt: at('published_at'),
    updatedBy: optionalUserRef('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('observation_guides_updated_by_idx').on(t.updatedBy)],
);

/** Who has read the published guide (it is shown before a person's first visit until they have). */
export const observationGuideReads = pgTable(
  'observation_guide_reads',
  { institutionId: institutionRef(), userId: userRef(), readAt: at('read_at').notNull().defaultNow() },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.userId] }),
    index('observation_guide_reads_user_idx').on(t.userId),
  ],
);

/** Learning guides a leader has delegated visits to (leaders observe without being listed). */
export const observationObservers = pgTable(
  'observation_observers',
  {
    institutionId: institutionRef(),
    userId: userRef(),
    grantedBy: optionalUserRef('granted_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.institutionId, t.userId] }),
    index('observation_observers_user_idx').on(t.userId),
    index('observation_observers_granted_by_idx').on(t.grantedBy),
  ],
);

/**
 * A classroom visit (kind `visit`) or a self-observation (kind `self`: the teacher observes their own lesson,
 * alone or with invited colleagues; never part of institution data). Holds what was recorded and the learning
 * conversation after it.
 */
export const observationVisits = pgTable(
  'observation_visits',
  {
    id: id(),
    institutionId: institutionRef(),
    kind: text('kind', { enum: VISIT_KINDS }).notNull(),
    status: text('status', { enum: VISIT_STATUSES }).notNull().default('planned'),
    /** The schema version the visit is recorded against (fixed once the first answers are synced). */
    schemaId: uuid('schema_id')
      .notNull()
      .references(() => observationSchemas.id, { onDelete: 'restrict' }),
    /** The observed teacher (for a self-observation: its owner). */
    teacherId: userRef('teacher_id'),
    /** Who observes (for a self-observation: the owner or an invited colleague); null if that account was deleted. */
    observerId: optionalUserRef('observer_id'),
    plannedBy: optionalUserRef('planned_by'),
    plannedFor: date('planned_for', { mode: 'string' }).notNull(),
    /** termOf(planned_for): `YYYY-1` forår, `YYYY-2` efterår. */
    term: text('term').notNull(),
    classLabel: text('class_label').notNull().default(''),
    subject: text('subject').notNull().default(''),
    grade: smallint('grade'),
    focusAreaKeys: jsonb('focus_area_keys').$type<string[]>().notNull().default([]),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
    durationSeconds: integer('duration_seconds'),
    notes: text('notes').notNull().default(''),
    classSize: smallint('class_size'),
    pupilNumbers: jsonb('pupil_numbers').$type<number[]>().notNull().default([]),
    reflection: text('reflection').notNull().default(''),
    conversationNotes: text('conversation_notes').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    nextStepTeacherAgreedAt: at('next_step_teacher_agreed_at'),
    nextStepObserverAgreedAt: at('next_step_observer_agreed_at'),
    /** Set when the visit synced but must wait for a leader's decision before it counts. */
    flag: text('flag', { enum: VISIT_FLAGS }),
    flaggedAt: at('flagged_at'),
    lastSyncedAt: at('last_synced_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('observation_visits_institution_date_idx').on(t.institutionId, t.plannedFor),
    index('observation_visits_teacher_idx').on(t.teacherId, t.plannedFor),
    index('observation_visits_observer_idx').on(t.observerId, t.plannedFor),
    index('observation_visits_schema_idx').on(t.schemaId),
    index('observation_visits_planned_by_idx').on(t.plannedBy),
    /** What counts toward institution data (O4): completed, unflagged visits, never self-observations. */
    index('observation_visits_data_idx')
      .on(t.institutionId, t.term)
      .where(sql`kind = 'visit' and status = 'completed' and flag is null`),
    check('observation_visits_kind_check', inList('kind', VISIT_KINDS)),
    check('observation_visits_status_check', inList('status', VISIT_STATUSES)),
    check('observation_visits_flag_check', sql`flag is null or ${inList('flag', VISIT_FLAGS)}`),
    check('observation_visits_grade_check', sql`${t.grade} is null or ${t.grade} between 0 and 10`),
  ],
);

/** Colleagues a teacher invited into a self-observation: they see it and may record it. */
export const observationVisitGuests = pgTable(
  'observation_visit_guests',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => observationVisits.id, { onDelete: 'cascade' }),
    userId: userRef(),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.userId] }),
    index('observation_visit_guests_user_idx').on(t.userId),
  ],
);

/**
 * One answer: an indicator (pupil 0) or a pupil-interview item for the pupil in slot 1…4. Numbers for scale,
 * yes/no (1/0) and count; text for free text. With two devices the newest `answered_at` wins.
 */
export const observationAnswers = pgTable(
  'observation_answers',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => observationVisits.id, { onDelete: 'cascade' }),
    itemKey: uuid('item_key').notNull(),
    pupil: smallint('pupil').notNull().default(0),
    focusAreaKey: uuid('focus_area_key').notNull(),
    valueNum: real('value_num'),
    valueText: text('value_text'),
    answeredAt: at('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.itemKey, t.pupil] })],
);

/** Sync keys already applied to a visit (idempotency): a replay answers with the stored result. */
export const observationSyncs = pgTable(
  'observation_syncs',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => observationVisits.id, { onDelete: 'cascade' }),
    syncKey: uuid('sync_key').notNull(),
    userId: optionalUserRef('user_id'),
    result: jsonb('result').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.syncKey] }), index('observation_syncs_user_idx').on(t.userId)],
);

/**
 * Institution data summed up in advance (O4), so the kommune view need not read every answer: per institution,
 * for every combination of term, subject and grade (each either set or summed over: `dims` bit 4 term, 2 subject,
 * 1 grade; a summed-over column holds '') one row per item key (item rows), per focus area key (area rows: item
 * key null) and for everything (both null). Counts only what countsTowardData counts. Kept up to date by
 * statement triggers on observation_visits and observation_answers (migration 0005: the whole institution is
 * recomputed when one of its counted visits or their answers change); never written by the app.
 */
export const observationDataCells = pgTable(
  'observation_data_cells',
  {
    institutionId: institutionRef(),
    dims: smallint('dims').notNull(),
    term: text('term').notNull(),
    subject: text('subject').notNull(),
    /** The grade as text, '' for no grade (as the data breakdown shows it). */
    grade: text('grade').notNull(),
    itemKey: uuid('item_key'),
    areaKey: uuid('area_key'),
    /** Distinct teachers with an answer. */
    teachers: integer('teachers').notNull(),
    /** Item and area rows: visits with an answer to it; the everything row: every counted visit. */
    visits: integer('visits').notNull(),
    answers: integer('answers').notNull(),
    valueSum: doublePrecision('value_sum'),
    valueCount: integer('value_count').notNull(),
  },
  (t) => [index('observation_data_cells_scope_idx').on(t.institutionId, t.dims)],
);

/**
 * Which teachers have counted visits at which institution, kept with observation_data_cells by the same triggers:
 * the kommune view recounts the teachers found at two institutions (a sum of cells would count them twice).
 */
export const observationDataTeachers = pgTable(
  'observation_data_teachers',
  {
    institutionId: institutionRef(),
    teacherId: userRef('teacher_id'),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.teacherId] })],
);
