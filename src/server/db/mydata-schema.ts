import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, id, inList, userRef } from './schema.js';

/** The states of a "Mine data" export (issue 20 part 3). */
export const EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * A person's own data export (I5): prepared by the `mydata.export` job into storage under `exports/<id>.zip`,
 * downloadable by that person only until `expires_at`; the retention purge removes expired ones (file and row).
 * At most one export per person is queued or running at a time (the partial unique index): a second request
 * while one is under way gets that one.
 */
export const dataExports = pgTable(
  'data_exports',
  {
    id: id(),
    userId: userRef(),
    status: text('status').$type<ExportStatus>().notNull().default('queued'),
    /** 0–100 while running; the page polls it. */
    progress: integer('progress').notNull().default(0),
    /** The storage key of the finished ZIP (null until ready, and after the file was purged). */
    storageKey: text('storage_key'),
    sizeBytes: integer('size_bytes'),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    /** When the file stops being downloadable (set when it is ready); the retention purge deletes it after. */
    expiresAt: at('expires_at'),
  },
  (t) => [
    index('data_exports_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('data_exports_one_active_idx').on(t.userId).where(sql`status in ('queued', 'running')`),
    index('data_exports_expires_idx').on(t.expiresAt),
    check('data_exports_status_check', inList('status', EXPORT_STATUSES)),
    check('data_exports_progress_check', sql`progress between 0 and 100`),
  ],
);
