import { notifications } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';

export type NotificationPayload = Record<string, string | number | null>;

/**
 * Records an in-app notification for one person. Call it inside the transaction of the change it is about,
 * after the caller has checked that the person may see what the notification points to.
 * Does nothing when `userId` is empty (e.g. a deleted author).
 */
export async function notify(
  db: DbOrTx,
  userId: string,
  kind: string,
  payload: NotificationPayload,
): Promise<void> {
  if (!userId) return;
  await db.insert(notifications).values({ userId, kind, payload });
}

/** Several notifications in one insert (no N+1 when a comment mentions many people). */
export async function notifyMany(
  db: DbOrTx,
  items: { userId: string; kind: string; payload: NotificationPayload }[],
): Promise<void> {
  const rows = items.filter((i) => i.userId);
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows);
}
