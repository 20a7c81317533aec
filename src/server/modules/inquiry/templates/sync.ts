import type { Db } from '../../../db/index.js';
import { BUILTIN_TEMPLATES } from './builtin.js';
import { upsertBuiltins } from './repo.js';

/**
 * Start-up work (main.ts, under the start-up lock; and the test databases): the built-in templates' rows follow
 * the data file (builtin.ts), matched by key. Safe to run again and again.
 */
export async function syncBuiltinTemplates(db: Db): Promise<void> {
  await db.transaction((tx) => upsertBuiltins(tx, BUILTIN_TEMPLATES));
}
