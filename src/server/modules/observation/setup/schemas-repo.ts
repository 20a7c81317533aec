import { desc, eq, sql } from 'drizzle-orm';
import { DEFAULT_MIN_GROUP_SIZE, type SchemaDefinition } from '../../../../shared/observation.js';
import type { DbOrTx } from '../../../db/index.js';
import { observationSchemas, observationSettings } from '../../../db/observation-schema.js';
import { isUniqueViolation } from '../../../db/rows.js';
import { institutions, users } from '../../../db/schema.js';

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

/**
 * Serialises schema saves of one institution: locks its row (FOR NO KEY UPDATE, so rows that merely reference
 * the institution are not blocked) until the caller's transaction ends. Call it before reading the latest
 * version you build the next one from.
 */
export async function lockInstitutionSchemas(db: DbOrTx, institutionId: string): Promise<void> {
  await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, institutionId))
    .for('no key update');
}

/**
 * Saves `definition` as the institution's next version and answers the new row. Safe when two leaders save at
 * once: the institution's row is locked for the length of the (nested) transaction, so the second save waits and
 * then takes the following number; a unique-violation on (institution_id, version) is retried as a last resort.
 */
export async function insertSchemaVersion(
  db: DbOrTx,
  institutionId: string,
  definition: SchemaDefinition,
  createdBy: string | null,
): Promise<SchemaVersionRow> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await lockInstitutionSchemas(tx, institutionId);
        const [row] = await tx
          .insert(observationSchemas)
          .values({
            institutionId,
            definition,
            createdBy,
            version: sql`(select coalesce(max(${observationSchemas.version}), 0) + 1 from ${observationSchemas}
              where ${observationSchemas.institutionId} = ${institutionId})`,
          })
          .returning();
        return row;
      });
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}

/** A version with its author's name (null when none or the account is gone). */
export async function schemaVersionWithAuthor(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ schema: observationSchemas, authorName: users.name })
    .from(observationSchemas)
    .leftJoin(users, eq(users.id, observationSchemas.createdBy))
    .where(eq(observationSchemas.id, id));
  return row;
}

/** The institution's versions, newest first, without their definitions; at most `limit`. */
export async function listSchemaVersions(db: DbOrTx, institutionId: string, limit: number) {
  return db
    .select({
      id: observationSchemas.id,
      version: observationSchemas.version,
      createdAt: observationSchemas.createdAt,
      createdById: observationSchemas.createdBy,
      createdByName: users.name,
    })
    .from(observationSchemas)
    .leftJoin(users, eq(users.id, observationSchemas.createdBy))
    .where(eq(observationSchemas.institutionId, institutionId))
    .orderBy(desc(observationSchemas.version))
    .limit(limit);
}

/** Saves the institution's minimum group size (the check constraint keeps it at or above the floor). */
export async function upsertMinGroupSize(db: DbOrTx, institutionId: string, n: number, updatedBy: string) {
  await db
    .insert(observationSettings)
    .values({ institutionId, minGroupSize: n, updatedBy })
    .onConflictDoUpdate({
      target: observationSettings.institutionId,
      set: { minGroupSize: n, updatedBy, updatedAt: sql`now()` },
    });
}
