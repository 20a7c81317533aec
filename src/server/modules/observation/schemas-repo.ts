import { desc, eq } from 'drizzle-orm';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../shared/observation.js';
import type { DbOrTx } from '../../db/index.js';
import { observationSchemas, observationSettings } from '../../db/observation-schema.js';

/** Schema versions and settings, read by every part of observation (SQL only, no rules). */

export type SchemaVersionRow = typeof observationSchemas.$inferSelect;

export async function findSchemaVersion(db: DbOrTx, id: string): Promise<SchemaVersionRow | undefined> {
  const [row] = await db.select().from(observationSchemas).where(eq(observationSchemas.id, id));
  return row;
}

/** The institution's newest version, or undefined when it has none yet. */
export async function latestSchemaVersion(
  db: DbOrTx,
  institutionId: string,
): Promise<SchemaVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(observationSchemas)
    .where(eq(observationSchemas.institutionId, institutionId))
    .orderBy(desc(observationSchemas.version))
    .limit(1);
  return row;
}

/** The smallest group of observed teachers the institution's data is shown for. */
export async function minGroupSize(db: DbOrTx, institutionId: string): Promise<number> {
  const [row] = await db
    .select({ n: observationSettings.minGroupSize })
    .from(observationSettings)
    .where(eq(observationSettings.institutionId, institutionId));
  return row?.n ?? DEFAULT_MIN_GROUP_SIZE;
}
