import { jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import type { ProgressionStatus } from '../../shared/progression.js';
import { progressionAreas } from './progression-schema.js';
import { at, users } from './schema.js';

/*
 * The progression CSV import (issue 17 part 2, P2): the score bands an institution keeps per area, so the next
 * import of the same test maps scores to grøn/gul/rød the same way. The imported statuses themselves are
 * progression_statuses rows like those entered in the grid.
 */
export type SavedBand = { status: ProgressionStatus; min: number | null; max: number | null };

export const progressionImportBands = pgTable('progression_import_bands', {
  /** The area (of one institution): its bands. */
  areaId: uuid('area_id')
    .primaryKey()
    .references(() => progressionAreas.id, { onDelete: 'cascade' }),
  bands: jsonb('bands').$type<SavedBand[]>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
