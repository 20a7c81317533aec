import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Pillar } from '../../shared/catalogue.js';
import { INSTITUTION_TYPES, LOCALES, ROLES, TEAM_TYPES } from '../../shared/constants.js';

/** The uuid primary key every table uses. */
export const id = () => uuid('id').primaryKey().defaultRandom();
/** A timestamp with time zone (every time column). */
export const at = (name: string) => timestamp(name, { withTimezone: true });
/** A CHECK body: the column holds one of these (our own constants, never user input). */
export const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);
/** A required reference to a person, removed with them. */
export const userRef = (name = 'user_id') =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const institutionType = pgEnum('institution_type', INSTITUTION_TYPES);
export const teamType = pgEnum('team_type', TEAM_TYPES);
export const role = pgEnum('role', ROLES);
export const locale = pgEnum('locale', LOCALES);
export const userStatus = pgEnum('user_status', ['invited', 'active', 'disabled']);

export const kommuner = pgTable(
  'kommuner',
  {
    id: id(),
    name: text('name').notNull(),
    code: text('code'),
    /** The kommune's own names for the five PLF pillars (all five), or null for the defaults (src/shared/pillars.ts). */
    pillarLabels: jsonb('pillar_labels').$type<Record<Pillar, string>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('kommuner_name_key').on(sql`lower(${t.name})`)],
);

export const institutions = pgTable(
  'institutions',
  {
    id: id(),
    kommuneId: uuid('kommune_id')
      .notNull()
      .references(() => kommuner.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    type: institutionType('type').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('institutions_kommune_idx').on(t.kommuneId),
    uniqueIndex('institutions_kommune_name_key').on(t.kommuneId, sql`lower(${t.name})`),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: id(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: teamType('type').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('teams_institution_idx').on(t.institutionId),
    uniqueIndex('teams_institution_name_key').on(t.institutionId, sql`lower(${t.name})`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: locale('locale').notNull().default('da'),
    status: userStatus('status').notNull().default('invited'),
    /** When the account was last disabled (by hand, by a staff sync, …); null while it is not. Retention counts from it. */
    disabledAt: at('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

/** One row per role a person holds, with its scope: none (global), a kommune or an institution. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: role('role').notNull(),
    kommuneId: uuid('kommune_id').references(() => kommuner.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_grants_user_idx').on(t.userId),
    index('role_grants_kommune_idx').on(t.kommuneId),
    index('role_grants_institution_idx').on(t.institutionId),
    uniqueIndex('role_grants_unique_key').on(
      t.userId,
      t.role,
      sql`coalesce(${t.kommuneId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.institutionId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    check(
      'role_grants_scope_check',
      sql`(${t.role} in ('administrator','redaktoer') and ${t.kommuneId} is null and ${t.institutionId} is null)
       or (${t.role} = 'forvaltning' and ${t.kommuneId} is not null and ${t.institutionId} is null)
       or (${t.role} in ('leder','ressourceperson','medarbejder') and ${t.institutionId} is not null and ${t.kommuneId} is null)`,
    ),
  ],
);

export const teamMemberships = pgTable(
  'team_memberships',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_memberships_user_idx').on(t.userId)],
);

/**
 * What a person works with (issue 15): age bands, subjects/themes and methods; the front page narrows to them.
 * No row: never saved (suggested from their institution type and teams). Term ids without foreign keys: a
 * deleted or merged term simply matches nothing any more.
 */
export const personInterests = pgTable('person_interests', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  ageBands: text('age_bands').array().notNull().default(sql`'{}'`),
  subjectIds: uuid('subject_ids').array().notNull().default(sql`'{}'`),
  methodIds: uuid('method_ids').array().notNull().default(sql`'{}'`),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use links sent by e-mail: invitations and password resets. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['invitation', 'reset'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
);

/** Transactional outbox: every e-mail is written here in the same transaction as the change that caused it. */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'kept'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_status_idx').on(t.status, t.nextAttemptAt),
    index('outbox_created_idx').on(t.createdAt),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    details: jsonb('details'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_actor_idx').on(t.actorId),
    index('audit_created_idx').on(t.createdAt),
    // The audit log page's filters (issue 20 part 5): by person, by action, by subject, newest first.
    index('audit_actor_time_idx').on(t.actorId, t.createdAt, t.id),
    index('audit_action_time_idx').on(t.action, t.createdAt, t.id),
    index('audit_subject_time_idx').on(t.subjectType, t.subjectId, t.createdAt, t.id),
  ],
);

/** Small key/value store for instance state (generated secrets, seed markers). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Per-minute counters shared by every process on one PostgreSQL database (heavy reads per person): one row per
 * key, its window starting at the first hit; bumped with an upsert, old rows deleted now and then.
 */
export const rateLimitCounts = pgTable(
  'rate_limit_counts',
  {
    key: text('key').primaryKey(),
    windowStart: at('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limit_counts_window_idx').on(t.windowStart)],
);
