import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
} from '../../../shared/training.js';
import { notifications } from '../../db/community-schema.js';
import type { DbOrTx } from '../../db/index.js';
import { notificationPreferences } from '../../db/training-schema.js';
import { defaultDelivery } from './notify.js';

export type Deliveries = Record<NotificationKind, NotificationDelivery>;

/** A person's delivery for every kind: their choice, else the kind's default. */
export async function deliveriesOf(db: DbOrTx, userId: string): Promise<Deliveries> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [k, chosen.get(k) ?? defaultDelivery(k)]),
  ) as Deliveries;
}

/**
 * Stores a person's choices (one upsert). A kind switched to the app only or off also stops the e-mail of its
 * notifications that are still waiting (at once or for the digest): "no more e-mail" means from now on.
 */
export async function setDeliveries(
  db: DbOrTx,
  userId: string,
  items: { kind: NotificationKind; delivery: NotificationDelivery }[],
) {
  const byKind = new Map(items.map((i) => [i.kind, i.delivery]));
  if (byKind.size === 0) return;
  await db
    .insert(notificationPreferences)
    .values([...byKind].map(([kind, delivery]) => ({ userId, kind, delivery })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { delivery: sql`excluded.delivery` },
    });
  const quiet = [...byKind].filter(([, d]) => d === 'in_app' || d === 'off').map(([k]) => k);
  if (quiet.length)
    await db
      .update(notifications)
      .set({ emailState: 'done' })
      .where(
        and(
          eq(notifications.userId, userId),
          inArray(notifications.kind, quiet),
          inArray(notifications.emailState, ['email', 'digest']),
        ),
      );
}
