import { z } from 'zod';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS } from '../training.js';
import { id, page, timestamp } from './common.js';

/** Notifications (I3): your own notifications, how you get each kind, and unsubscribe links from e-mails. */

const delivery = z.enum(NOTIFICATION_DELIVERIES);

// Requests
export const NotificationListQuery = z.strictObject({
  /** The id of the last notification of the page before. */
  cursor: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const PreferencesUpdate = z.strictObject({
  items: z.array(z.strictObject({ kind: z.string().max(100), delivery })).max(100),
});
export const UnsubscribeParams = z.strictObject({ token: z.string().min(1).max(200) });

// Answers
/** One notification; the payload holds ids and short titles (strings, numbers, null). */
export const Notification = z.object({
  id,
  kind: z.string(),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export const NotificationPage = page(Notification).extend({ unread: z.number().int() });
export const UnreadCount = z.object({ unread: z.number().int() });
export const Preference = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  delivery,
  defaultDelivery: delivery,
});
export const Preferences = z.object({ items: z.array(Preference), email: z.string() });
/** What an unsubscribe link is about (one kind, or "digest": the whole daily digest) and its delivery now. */
export const UnsubscribeState = z.object({
  kind: z.enum([...NOTIFICATION_KINDS, 'digest']),
  delivery,
});
