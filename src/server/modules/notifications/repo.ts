import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';

/** A person's notifications, newest first, a page after the cursor (the last id seen). */
export async function listOwn(db: DbOrTx, userId: string, page: { afterId?: string; limit: number }) {
  const after = page.afterId
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (select n2.created_at, n2.id from ${notifications} n2 where n2.id = ${page.afterId} and n2.user_id = ${userId})`
    : undefined;
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit);
}

export async function countUnread(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row.n;
}

/** Marks one of the person's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: DbOrTx, userId: string, id: string) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllRead(db: DbOrTx, userId: string) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
