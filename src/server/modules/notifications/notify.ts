import { sql } from 'drizzle-orm';
import {
  DEFAULT_DELIVERY,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
} from '../../../shared/training.js';
import type { DbOrTx } from '../../db/index.js';

export type NotificationPayload = Record<string, string | number | null>;

export const isNotificationKind = (kind: string): kind is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** What a person gets for a kind until they choose (a kind outside the list: the app only). */
export const defaultDelivery = (kind: string): NotificationDelivery =>
  isNotificationKind(kind) ? DEFAULT_DELIVERY[kind] : 'in_app';

/**
 * Records a notification for one person. Call it inside the transaction of the change it is about, after the
 * caller has checked that the person may see what the notification points to. The person's delivery for the
 * kind decides: off → nothing; in the app only; or also an e-mail at once / in the daily digest (the worker
 * sends it, see email.ts and digest.ts). Does nothing when `userId` is empty (e.g. a deleted author).
 */
export async function notify(
  db: DbOrTx,
  userId: string,
  kind: string,
  payload: NotificationPayload,
): Promise<void> {
  await notifyMany(db, [{ userId, kind, payload }]);
}

/**
 * Several notifications in one statement (no N+1 when a comment mentions many people or a course is planned
 * for all its requesters): each person's preference (or the kind's default) is read in the same insert…select.
 * Disabled people and people who switched the kind off get no row.
 */
export async function notifyMany(
  db: DbOrTx,
  items: { userId: string; kind: string; payload: NotificationPayload }[],
): Promise<void> {
  const rows = items
    .filter((i) => i.userId)
    .map((i) => ({ user_id: i.userId, kind: i.kind, payload: i.payload, fallback: defaultDelivery(i.kind) }));
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into notifications (user_id, kind, payload, email_state)
    select i.user_id, i.kind, i.payload,
           case d.delivery when 'email' then 'email' when 'digest' then 'digest' end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as i(user_id uuid, kind text, payload jsonb, fallback text)
    join users u on u.id = i.user_id and u.status <> 'disabled'
    left join notification_preferences p on p.user_id = i.user_id and p.kind = i.kind
    cross join lateral (select coalesce(p.delivery, i.fallback) as delivery) d
    where d.delivery <> 'off'`);
}
