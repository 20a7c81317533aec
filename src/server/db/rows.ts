import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './index.js';

/** The rows of a raw SQL query, on either driver (node-postgres and PGlite both answer `{ rows }`). */
export async function rows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A PostgreSQL unique violation (23505), from either driver (drizzle wraps the driver's error in `cause`). */
export const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};
