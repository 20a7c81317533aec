import { and, eq, sql } from 'drizzle-orm';
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

/**
 * Appends unless the same person logged the same action on the same subject with these details in the last
 * `minutes` (a preview run again as a form changes is one reading, not twenty entries).
 */
export async function auditOnce(
  db: DbOrTx,
  actor: Actor,
  action: string,
  subjectType: string,
  subjectId: string,
  details: Record<string, unknown>,
  minutes = 10,
) {
  const recent = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, actor.id),
        eq(auditLog.action, action),
        eq(auditLog.subjectId, subjectId),
        sql`${auditLog.details} @> ${JSON.stringify(details)}::jsonb`,
        sql`${auditLog.createdAt} > now() - make_interval(mins => ${minutes})`,
      ),
    )
    .limit(1);
  if (!recent.length) await audit(db, actor, action, subjectType, subjectId, details);
}
