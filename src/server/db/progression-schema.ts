import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { AGE_BANDS } from '../../shared/catalogue.js';
import type { ConferenceSnapshot } from '../../shared/contracts/progression.js';
import { PROGRESSION_LIMITS, PROGRESSION_STATUSES } from '../../shared/progression.js';
import { at, id, inList, institutions, teams, userRef, users } from './schema.js';

/*
 * Progression overview (issue 17 part 2, P2). The most sensitive data in Amongi: children's. Children are
 * pseudonymous (a local code; a full name only when the institution turns that on, shown only to the class team).
 * Per-child rows (children, placements, statuses, conference snapshots' child lines) are deleted by the retention
 * job a set number of months after their school year ends; the per-group totals stay.
 */

const optionalUser = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });
const institutionRef = () =>
  uuid('institution_id')
    .notNull()
    .references(() => institutions.id, { onDelete: 'cascade' });
const created = () => at('created_at').notNull().defaultNow();

/** Per institution: whether full names may be kept, and how long per-child rows are kept after the school year. */
export const progressionSettings = pgTable(
  'progression_settings',
  {
    institutionId: uuid('institution_id')
      .primaryKey()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    showFullNames: boolean('show_full_names').notNull().default(false),
    retentionMonths: smallint('retention_months')
      .notNull()
      .default(PROGRESSION_LIMITS.retentionMonths.default),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  () => [
    check(
      'progression_settings_retention_check',
      sql.raw(
        `retention_months between ${PROGRESSION_LIMITS.retentionMonths.min} and ${PROGRESSION_LIMITS.retentionMonths.max}`,
      ),
    ),
  ],
);

/** An area the institution follows (læsning, matematik, trivsel, sprog …). Archived areas keep their data. */
export const progressionAreas = pgTable(
  'progression_areas',
  {
    id: id(),
    institutionId: institutionRef(),
    name: text('name').notNull(),
    position: smallint('position').notNull().default(0),
    archivedAt: at('archived_at'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('progression_areas_name_key').on(t.institutionId, sql`lower(${t.name})`)],
);

/** An assessment period (e.g. "Efterår 2026"), within one school year (by its first calendar year). */
export const progressionPeriods = pgTable(
  'progression_periods',
  {
    id: id(),
    institutionId: institutionRef(),
    name: text('name').notNull(),
    schoolYear: smallint('school_year').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('progression_periods_name_key').on(t.institutionId, sql`lower(${t.name})`),
    index('progression_periods_order_idx').on(t.institutionId, t.startsOn),
    check('progression_periods_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * A class (school) or group/stue (dagtilbud, klub) for one school year. Its team is the class team: the people
 * who see and enter its children's statuses (with the institution's leaders and delegated resource persons).
 */
export const progressionGroups = pgTable(
  'progression_groups',
  {
    id: id(),
    institutionId: institutionRef(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    schoolYear: smallint('school_year').notNull(),
    /** Klassetrin 0–10 in school, else null. */
    grade: smallint('grade'),
    ageBand: text('age_band'),
    archivedAt: at('archived_at'),
    createdAt: created(),
  },
  (t) => [
    index('progression_groups_institution_idx').on(t.institutionId, t.schoolYear),
    index('progression_groups_team_idx').on(t.teamId),
    uniqueIndex('progression_groups_name_key').on(t.institutionId, t.schoolYear, sql`lower(${t.name})`),
    check('progression_groups_grade_check', sql`${t.grade} is null or ${t.grade} between 0 and 10`),
    check('progression_groups_age_band_check', sql`${t.ageBand} is null or ${inList('age_band', AGE_BANDS)}`),
  ],
);

/** Resource persons a leader delegates to a group: they see and enter its children's statuses. */
export const progressionDelegations = pgTable(
  'progression_delegations',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => progressionGroups.id, { onDelete: 'cascade' }),
    userId: userRef(),
    grantedBy: optionalUser('granted_by'),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('progression_delegations_user_idx').on(t.userId),
    index('progression_delegations_granted_by_idx').on(t.grantedBy),
  ],
);

/** A child, by the institution's own code (never a CPR number); the full name only when the institution allows it. */
export const progressionChildren = pgTable(
  'progression_children',
  {
    id: id(),
    institutionId: institutionRef(),
    code: text('code').notNull(),
    fullName: text('full_name'),
    createdAt: created(),
  },
  (t) => [uniqueIndex('progression_children_code_key').on(t.institutionId, sql`lower(${t.code})`)],
);

/** Which group a child is in, from when to when: a child moved mid-year keeps its history. */
export const progressionPlacements = pgTable(
  'progression_placements',
  {
    id: id(),
    childId: uuid('child_id')
      .notNull()
      .references(() => progressionChildren.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => progressionGroups.id, { onDelete: 'cascade' }),
    fromOn: date('from_on').notNull(),
    /** Null while the child is in the group. */
    toOn: date('to_on'),
  },
  (t) => [
    index('progression_placements_child_idx').on(t.childId),
    index('progression_placements_group_idx').on(t.groupId),
    uniqueIndex('progression_placements_current_key').on(t.childId).where(sql`${t.toOn} is null`),
    check('progression_placements_dates_check', sql`${t.toOn} is null or ${t.toOn} >= ${t.fromOn}`),
  ],
);

/** A child's status in one area and period; `group_id` is the group the child was in when it was entered. */
export const progressionStatuses = pgTable(
  'progression_statuses',
  {
    id: id(),
    childId: uuid('child_id')
      .notNull()
      .references(() => progressionChildren.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => progressionAreas.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => progressionPeriods.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => progressionGroups.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    score: numeric('score', { precision: 10, scale: 2, mode: 'number' }),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: optionalUser('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('progression_statuses_cell_key').on(t.childId, t.areaId, t.periodId),
    index('progression_statuses_group_idx').on(t.groupId, t.periodId, t.areaId),
    index('progression_statuses_area_idx').on(t.areaId),
    index('progression_statuses_period_idx').on(t.periodId),
    index('progression_statuses_updated_by_idx').on(t.updatedBy),
    check('progression_statuses_status_check', inList('status', PROGRESSION_STATUSES)),
  ],
);

/**
 * What summaries read: per group, area and period the number of children per status and how many moved up or
 * down since their previous period in the area. Kept up to date in the transaction that changes a status (under a
 * lock on the group), and kept when the retention job deletes the per-child rows.
 */
export const progressionTotals = pgTable(
  'progression_totals',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => progressionGroups.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => progressionAreas.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => progressionPeriods.id, { onDelete: 'cascade' }),
    groen: integer('groen').notNull().default(0),
    gul: integer('gul').notNull().default(0),
    roed: integer('roed').notNull().default(0),
    movedUp: integer('moved_up').notNull().default(0),
    movedDown: integer('moved_down').notNull().default(0),
    /** Set when the per-child rows behind the figures were deleted by retention: the figures are final. */
    purgedAt: at('purged_at'),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.areaId, t.periodId] }),
    index('progression_totals_area_idx').on(t.areaId),
    index('progression_totals_period_idx').on(t.periodId),
  ],
);

/**
 * A læringssamtale (konference) about one group: its focus and why, the overview at that moment (snapshot), the
 * resource person present, what the staff decide and how they follow up — shown again at the next one.
 */
export const progressionConferences = pgTable(
  'progression_conferences',
  {
    id: id(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => progressionGroups.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    focus: text('focus').notNull().default(''),
    why: text('why').notNull().default(''),
    resourcePersonId: optionalUser('resource_person_id'),
    participants: text('participants').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    /** How the previous conference's follow-up went, written at this one. */
    previousOutcome: text('previous_outcome').notNull().default(''),
    snapshot: jsonb('snapshot').$type<ConferenceSnapshot>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: optionalUser('created_by'),
    createdAt: created(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('progression_conferences_group_idx').on(t.groupId, t.heldOn),
    index('progression_conferences_resource_idx').on(t.resourcePersonId),
    index('progression_conferences_created_by_idx').on(t.createdBy),
  ],
);
