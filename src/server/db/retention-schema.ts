import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, id, users } from './schema.js';
import { videos } from './videos-schema.js';

/*
 * Retention that runs by itself (issue 20 part 4). Per kind of data a period an administrator may change (a row
 * here; no row = the kind's safe default), the worker's runs that purged what was due, and which uploads'
 * originals were removed after transcoding (the video and its renditions stay).
 */

/** An administrator's choice for one kind: `days` after which its items go; null = keep ("behold"). */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    kind: text('kind').primaryKey(),
    days: integer('days'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('retention_settings_updated_by_idx').on(t.updatedBy),
    check('retention_settings_days_check', sql`${t.days} is null or ${t.days} between 1 and 36500`),
  ],
);

/** One run of the purge for one kind (several workers may each log one; together they remove each item once). */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: id(),
    kind: text('kind').notNull(),
    /** The period used (days), for the record. */
    days: integer('days').notNull(),
    removed: integer('removed').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    status: text('status', { enum: ['running', 'done', 'failed'] })
      .notNull()
      .default('running'),
    error: text('error'),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('retention_runs_started_idx').on(t.startedAt), index('retention_runs_kind_idx').on(t.kind)],
);

/** An upload whose original file was removed by retention after transcoding (the renditions stay). */
export const retentionRemovedOriginals = pgTable('retention_removed_originals', {
  videoId: uuid('video_id')
    .primaryKey()
    .references(() => videos.id, { onDelete: 'cascade' }),
  removedAt: at('removed_at').notNull().defaultNow(),
});
