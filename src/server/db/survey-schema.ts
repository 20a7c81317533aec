import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  QUESTIONNAIRE_STATES,
  ROLE_GROUPS,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_DIMENSIONS,
  SURVEY_ITEM_KINDS,
  SURVEY_LIMITS,
} from '../../shared/survey.js';
import { at, id, inList, institutions, kommuner, teams, userRef, users } from './schema.js';

/*
 * The staff survey (issue 18, S1–S2). Anonymity is in the shape of these tables (docs/decisions/0010-survey-anonymity.md):
 * an invitation (who was asked, and a used mark without a time) and an answer (which group, which day, the values)
 * share no column; an answer carries only its round, its group (institution, department, role group) and its day.
 */

const optionalUser = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/**
 * A questionnaire version. `kommune_id` null: the instance's own (the built-in one, edited by administrators);
 * otherwise a kommune's. `family` ties the versions of one questionnaire together (the first version's id).
 * A published version never changes; a round uses a published version.
 */
export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    id: id(),
    family: uuid('family').notNull(),
    version: integer('version').notNull(),
    /** Bumped by every change to a draft (its names, its items): an editor's save names the revision it edited. */
    revision: integer('revision').notNull().default(1),
    kommuneId: uuid('kommune_id').references(() => kommuner.id, { onDelete: 'cascade' }),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en').notNull().default(''),
    state: text('state', { enum: QUESTIONNAIRE_STATES }).notNull().default('draft'),
    /** The built-in questionnaire shipped with Amongi (seeded, never deleted). */
    builtIn: boolean('built_in').notNull().default(false),
    publishedAt: at('published_at'),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_questionnaires_family_version_key').on(t.family, t.version),
    index('survey_questionnaires_kommune_idx').on(t.kommuneId),
    index('survey_questionnaires_created_by_idx').on(t.createdBy),
    check('survey_questionnaires_state_check', inList('state', QUESTIONNAIRE_STATES)),
    check(
      'survey_questionnaires_published_check',
      sql`(${t.state} = 'published') = (${t.publishedAt} is not null)`,
    ),
  ],
);

/**
 * A question of a version. `key` is the same across versions of the family (results year over year per question
 * follow it). A scale question belongs to a dimension (null: shown per question, not in any score); a text
 * question has no dimension.
 */
export const surveyItems = pgTable(
  'survey_items',
  {
    id: id(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: SURVEY_ITEM_KINDS }).notNull(),
    dimension: text('dimension', { enum: SURVEY_DIMENSIONS }),
    textDa: text('text_da').notNull(),
    textEn: text('text_en').notNull().default(''),
  },
  (t) => [
    uniqueIndex('survey_items_questionnaire_key').on(t.questionnaireId, t.key),
    index('survey_items_questionnaire_position_idx').on(t.questionnaireId, t.position),
    check('survey_items_kind_check', inList('kind', SURVEY_ITEM_KINDS)),
    check(
      'survey_items_dimension_check',
      sql`dimension is null or ${inList('dimension', SURVEY_DIMENSIONS)}`,
    ),
    check('survey_items_text_dimension_check', sql`${t.kind} = 'scale' or ${t.dimension} is null`),
  ],
);

/**
 * A round: a kommune asks its chosen institutions' staff, between two days (inclusive, Europe/Copenhagen), with one
 * published questionnaire version. `closed_on`: closed early by forvaltning (the last day answers were taken).
 * `opened_at`: the invitations were made (by the start or by the ticker on `opens_on`).
 */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: id(),
    kommuneId: uuid('kommune_id')
      .notNull()
      .references(() => kommuner.id, { onDelete: 'cascade' }),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => surveyQuestionnaires.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    minGroup: integer('min_group').notNull().default(SURVEY_LIMITS.minGroup),
    openedAt: at('opened_at'),
    version: integer('version').notNull().default(1),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('survey_rounds_kommune_idx').on(t.kommuneId, t.opensOn),
    index('survey_rounds_questionnaire_idx').on(t.questionnaireId),
    index('survey_rounds_created_by_idx').on(t.createdBy),
    check('survey_rounds_dates_check', sql`${t.opensOn} <= ${t.closesOn}`),
    check(
      'survey_rounds_min_group_check',
      sql.raw(`min_group between ${SURVEY_LIMITS.minGroupFloor} and ${SURVEY_LIMITS.minGroupMax}`),
    ),
  ],
);

/** The institutions a round asks. */
export const surveyRoundInstitutions = pgTable(
  'survey_round_institutions',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.institutionId] }),
    index('survey_round_institutions_institution_idx').on(t.institutionId),
  ],
);

/**
 * A group of a round: one institution's department (a team of type afdeling; null: staff in no department) and
 * role group, with its name as it was when the round opened (results stay readable after a team is renamed or
 * removed) and how many were invited.
 */
export const surveyGroups = pgTable(
  'survey_groups',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    departmentName: text('department_name').notNull(),
    roleGroup: text('role_group', { enum: ROLE_GROUPS }).notNull(),
    invited: integer('invited').notNull().default(0),
  },
  (t) => [
    uniqueIndex('survey_groups_round_key').on(t.roundId, t.institutionId, t.departmentName, t.roleGroup),
    index('survey_groups_institution_idx').on(t.institutionId),
    index('survey_groups_team_idx').on(t.teamId),
    check('survey_groups_role_group_check', inList('role_group', ROLE_GROUPS)),
  ],
);

/**
 * A person's invitation to a round: the hashes of their link's token and of their printed code, and whether it
 * was used — a mark without a time, kept apart from the answer (nothing here points at an answer, nothing in an
 * answer points here). `emailed_at`/`reminded_at`/`printed_at`: how it reached them.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    userId: userRef(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => surveyGroups.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    used: boolean('used').notNull().default(false),
    emailedAt: at('emailed_at'),
    remindedAt: at('reminded_at'),
    printedAt: at('printed_at'),
  },
  (t) => [
    uniqueIndex('survey_invitations_round_user_key').on(t.roundId, t.userId),
    uniqueIndex('survey_invitations_token_key').on(t.tokenHash),
    uniqueIndex('survey_invitations_code_key').on(t.codeHash),
    index('survey_invitations_user_idx').on(t.userId),
    index('survey_invitations_group_idx').on(t.groupId),
  ],
);

/**
 * An answer: its round, its group and its day — nothing finer, nothing about the person. The scores (0–100, null
 * when every question of it was "ved ikke") are worked out when it is sent, from `survey_answer_values`.
 * `social_capital`: the mean of the four dimensions answered.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => surveyGroups.id, { onDelete: 'cascade' }),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    tillid: real('tillid'),
    kerneopgave: real('kerneopgave'),
    ledelse: real('ledelse'),
    involvering: real('involvering'),
    socialCapital: real('social_capital'),
    plf: real('plf'),
  },
  (t) => [
    index('survey_answers_round_group_idx').on(t.roundId, t.groupId),
    index('survey_answers_group_idx').on(t.groupId),
  ],
);

/** One scale answer: 1–5, or null for "ved ikke". */
export const surveyAnswerValues = pgTable(
  'survey_answer_values',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => surveyAnswers.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => surveyItems.id, { onDelete: 'restrict' }),
    value: smallint('value'),
  },
  (t) => [
    primaryKey({ columns: [t.answerId, t.itemId] }),
    index('survey_answer_values_item_idx').on(t.itemId),
    check(
      'survey_answer_values_scale_check',
      sql.raw(`value is null or value between ${SCALE_MIN} and ${SCALE_MAX}`),
    ),
  ],
);

/** An open answer: kept apart from the scale answers (it carries the group, not the answer). */
export const surveyAnswerTexts = pgTable(
  'survey_answer_texts',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => surveyGroups.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => surveyItems.id, { onDelete: 'restrict' }),
    text: text('text').notNull(),
  },
  (t) => [
    index('survey_answer_texts_round_group_idx').on(t.roundId, t.groupId),
    index('survey_answer_texts_group_idx').on(t.groupId),
    index('survey_answer_texts_item_idx').on(t.itemId),
  ],
);
