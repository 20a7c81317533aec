import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, id, inList, institutions, kommuner, users } from './schema.js';

/*
 * Staff kept in sync (issue 20 part 2, I1). A source is a CSV file at a path or URL read on a schedule, or a SCIM
 * 2.0 client pushing changes with a bearer token. Each source is scoped to institutions (listed, or every
 * institution of one kommune): it never touches people elsewhere.
 */

export const STAFF_SYNC_KINDS = ['csv_path', 'csv_url', 'scim'] as const;
export const STAFF_SYNC_RUN_STATUSES = ['running', 'succeeded', 'failed', 'needs_confirmation'] as const;
export const STAFF_SYNC_TRIGGERS = ['schedule', 'manual', 'confirmed'] as const;

export const staffSyncSources = pgTable(
  'staff_sync_sources',
  {
    id: id(),
    name: text('name').notNull(),
    kind: text('kind').notNull().$type<(typeof STAFF_SYNC_KINDS)[number]>(),
    /** A path under STAFF_SYNC_DIR (csv_path) or an http(s) URL (csv_url); null for SCIM. */
    location: text('location'),
    /** Minutes between scheduled runs (CSV sources); null: only "Kør nu". */
    intervalMinutes: integer('interval_minutes'),
    /** Scope: every institution of this kommune (besides the listed ones in staff_sync_scope). */
    kommuneId: uuid('kommune_id').references(() => kommuner.id, { onDelete: 'cascade' }),
    /** SCIM: where a user without a matching organisation lands. */
    defaultInstitutionId: uuid('default_institution_id').references(() => institutions.id, {
      onDelete: 'set null',
    }),
    sendInvitations: boolean('send_invitations').notNull().default(false),
    /** Safety brake: a run that would deactivate more than this share (%) of the scope's synced people stops. */
    maxDeactivatePercent: integer('max_deactivate_percent').notNull().default(20),
    enabled: boolean('enabled').notNull().default(true),
    /** SCIM bearer token: only its SHA-256 digest (hex); the token is shown once. */
    tokenHash: text('token_hash'),
    tokenCreatedAt: at('token_created_at'),
    /** One run at a time across processes: who holds the source and until when. */
    leaseOwner: text('lease_owner'),
    leaseUntil: at('lease_until'),
    nextRunAt: at('next_run_at'),
    /** An administrator confirmed a braked run: the next run may deactivate beyond the share, once. */
    forceNextRun: boolean('force_next_run').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('staff_sync_sources_kommune_idx').on(t.kommuneId),
    index('staff_sync_sources_default_institution_idx').on(t.defaultInstitutionId),
    uniqueIndex('staff_sync_sources_token_key').on(t.tokenHash),
    index('staff_sync_sources_due_idx').on(t.nextRunAt),
    check('staff_sync_sources_kind_check', inList('kind', STAFF_SYNC_KINDS)),
    check('staff_sync_sources_percent_check', sql`max_deactivate_percent between 0 and 100`),
  ],
);

/** The institutions a source may change (besides those of its kommune). */
export const staffSyncScope = pgTable(
  'staff_sync_scope',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => staffSyncSources.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.institutionId] }),
    index('staff_sync_scope_institution_idx').on(t.institutionId),
  ],
);

/** The people a source manages (created or matched by it): only these can be deactivated by it. */
export const staffSyncPeople = pgTable(
  'staff_sync_people',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => staffSyncSources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    /** The source deactivated them (so that it, and only it, reactivates them when they come back). */
    deactivatedBySource: boolean('deactivated_by_source').notNull().default(false),
    seenAt: at('seen_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.userId] }),
    index('staff_sync_people_user_idx').on(t.userId),
    uniqueIndex('staff_sync_people_external_key')
      .on(t.sourceId, t.externalId)
      .where(sql`external_id is not null`),
  ],
);

export const staffSyncRuns = pgTable(
  'staff_sync_runs',
  {
    id: id(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => staffSyncSources.id, { onDelete: 'cascade' }),
    trigger: text('trigger').notNull().$type<(typeof STAFF_SYNC_TRIGGERS)[number]>(),
    status: text('status').notNull().$type<(typeof STAFF_SYNC_RUN_STATUSES)[number]>(),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    deactivated: integer('deactivated').notNull().default(0),
    reactivated: integer('reactivated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** Row errors (line, message), at most 200; or the one reason a run failed. */
    errors: jsonb('errors').$type<{ line: number | null; message: string }[]>().notNull().default([]),
    /** Stable code of why the run failed or stopped (e.g. staff_sync.source_unreachable). */
    code: text('code'),
  },
  (t) => [
    index('staff_sync_runs_source_idx').on(t.sourceId, t.startedAt),
    check('staff_sync_runs_status_check', inList('status', STAFF_SYNC_RUN_STATUSES)),
    check('staff_sync_runs_trigger_check', inList('trigger', STAFF_SYNC_TRIGGERS)),
  ],
);
