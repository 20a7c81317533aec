import type { DbOrTx } from '../db/index.js';
import { auditLog } from '../db/schema.js';
import type { Actor } from '../policy/index.js';

/** Appends to the audit log, in the caller's transaction. */
export async function audit(
  db: DbOrTx,
  actor: Actor | null,
  action: string,
  subjectType: string,
  subjectId: string | null,
  details?: unknown,
) {
  await db
    .insert(auditLog)
    .values({ actorId: actor?.id ?? null, action, subjectType, subjectId, details: details ?? null });
}
