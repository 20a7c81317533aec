import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { EVALUATION_KINDS, MEETING_KINDS, PLAN_SCOPES } from '../../shared/evaluation.js';
import { at, id, inList, institutions, kommuner, teams, userRef, users } from './schema.js';

/*
 * The evaluation plan / dataårshjul (issue 17 part 1, P1): one plan per owner (a kommune, an institution or a
 * team) per school year, its items (what data is collected when, and when it is analysed), and each person's
 * calendar-feed secret.
 */

const optionalUser = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/**
 * A plan: exactly one owner, named by `scope`. A kommune plan is seen by the kommune's institutions once
 * `published_at` is set. `copied_from_year`: the year its items were copied from (copying is done once).
 */
export const evaluationPlans = pgTable(
  'evaluation_plans',
  {
    id: id(),
    scope: text('scope', { enum: PLAN_SCOPES }).notNull(),
    kommuneId: uuid('kommune_id').references(() => kommuner.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    /** The school year's start year: 2026 is 1 August 2026 – 31 July 2027. */
    schoolYear: integer('school_year').notNull(),
    publishedAt: at('published_at'),
    publishedBy: optionalUser('published_by'),
    copiedFromYear: integer('copied_from_year'),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_plans_kommune_year_key').on(t.kommuneId, t.schoolYear),
    uniqueIndex('evaluation_plans_institution_year_key').on(t.institutionId, t.schoolYear),
    uniqueIndex('evaluation_plans_team_year_key').on(t.teamId, t.schoolYear),
    index('evaluation_plans_created_by_idx').on(t.createdBy),
    index('evaluation_plans_published_by_idx').on(t.publishedBy),
    check('evaluation_plans_scope_check', inList('scope', PLAN_SCOPES)),
    check(
      'evaluation_plans_owner_check',
      sql`(${t.scope} = 'kommune' and ${t.kommuneId} is not null and ${t.institutionId} is null and ${t.teamId} is null)
        or (${t.scope} = 'institution' and ${t.institutionId} is not null and ${t.kommuneId} is null and ${t.teamId} is null)
        or (${t.scope} = 'team' and ${t.teamId} is not null and ${t.kommuneId} is null and ${t.institutionId} is null)`,
    ),
    check('evaluation_plans_year_check', sql`${t.schoolYear} between 2000 and 2099`),
    check('evaluation_plans_publish_check', sql`${t.publishedAt} is null or ${t.scope} = 'kommune'`),
  ],
);

/**
 * An item of a plan: title, kind, for which groups, who is responsible, the collection window, when and where it
 * is analysed, and the reminders (days before; `*_reminded_at` set when sent, reset when the date changes).
 */
export const evaluationItems = pgTable(
  'evaluation_items',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: EVALUATION_KINDS }).notNull(),
    groups: text('groups').notNull().default(''),
    responsibleId: optionalUser('responsible_id'),
    responsibleText: text('responsible_text').notNull().default(''),
    collectFrom: date('collect_from').notNull(),
    collectTo: date('collect_to').notNull(),
    analyseOn: date('analyse_on'),
    meetingKind: text('meeting_kind', { enum: MEETING_KINDS }),
    meetingTeamId: uuid('meeting_team_id').references(() => teams.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    remindCollectDays: integer('remind_collect_days'),
    remindAnalysisDays: integer('remind_analysis_days'),
    collectRemindedAt: at('collect_reminded_at'),
    analysisRemindedAt: at('analysis_reminded_at'),
    version: integer('version').notNull().default(1),
    createdBy: optionalUser('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedBy: optionalUser('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_items_plan_idx').on(t.planId, t.collectFrom),
    index('evaluation_items_responsible_idx').on(t.responsibleId),
    index('evaluation_items_meeting_team_idx').on(t.meetingTeamId),
    index('evaluation_items_created_by_idx').on(t.createdBy),
    index('evaluation_items_updated_by_idx').on(t.updatedBy),
    index('evaluation_items_collect_due_idx')
      .on(t.collectFrom)
      .where(sql`${t.collectRemindedAt} is null and ${t.remindCollectDays} is not null`),
    index('evaluation_items_analysis_due_idx')
      .on(t.analyseOn)
      .where(sql`${t.analysisRemindedAt} is null and ${t.remindAnalysisDays} is not null`),
    check('evaluation_items_kind_check', inList('kind', EVALUATION_KINDS)),
    check(
      'evaluation_items_meeting_kind_check',
      sql`${t.meetingKind} is null or ${inList('meeting_kind', MEETING_KINDS)}`,
    ),
    check('evaluation_items_window_check', sql`${t.collectTo} >= ${t.collectFrom}`),
    check(
      'evaluation_items_analysis_check',
      sql`${t.analyseOn} is null or ${t.analyseOn} >= ${t.collectFrom}`,
    ),
    check(
      'evaluation_items_remind_check',
      sql`coalesce(${t.remindCollectDays}, 0) between 0 and 60 and coalesce(${t.remindAnalysisDays}, 0) between 0 and 60`,
    ),
  ],
);

/** A person's calendar-feed secret (only its SHA-256 is kept); renewing replaces it, so the old URL stops at once. */
export const evaluationFeedTokens = pgTable(
  'evaluation_feed_tokens',
  {
    userId: userRef().primaryKey(),
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_feed_tokens_hash_key').on(t.tokenHash)],
);
