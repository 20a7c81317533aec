import { sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/constants.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/training.js';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/rows.js';
import { enqueueEmail } from '../../mail/outbox.js';
import { linksFor } from './email.js';
import { digestEmail, type NotificationItem } from './email-templates.js';
import { isNotificationKind, type NotificationPayload } from './notify.js';
import { digestCutoff } from './time.js';

/** At most this many items per kind in one digest; the rest are counted ("and 12 more"). */
export const DIGEST_ITEMS_PER_KIND = 25;

const ms = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).getTime();

type Taken = {
  id: string;
  kind: string;
  payload: NotificationPayload;
  read_at: unknown;
  created_at: unknown;
};

/**
 * The worker's digest task (run it every minute): for each person with notifications waiting for the digest
 * that were made before the latest DIGEST_HOUR o'clock (Danish time), in one transaction per person: mark them
 * handled and, if any is still unread, write one digest e-mail with the unread ones grouped by kind. The marking
 * is the guard: a second run — or a second worker — finds nothing, so the same notifications never go out twice.
 * Returns the digests written.
 */
export async function sendDueDigests(ctx: AppContext, now = new Date()): Promise<number> {
  const cutoff = digestCutoff(now).toISOString();
  const people = await rows<{ user_id: string }>(
    ctx.db,
    sql`select distinct user_id from notifications
        where email_state = 'digest' and created_at < ${cutoff}::timestamptz`,
  );
  let written = 0;
  for (const { user_id } of people) {
    try {
      if (await digestFor(ctx, user_id, cutoff, now)) written++;
    } catch (err) {
      ctx.log.error({ err, userId: user_id }, 'notification digest failed');
    }
  }
  return written;
}

async function digestFor(ctx: AppContext, userId: string, cutoff: string, now: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const taken = await rows<Taken>(
      tx,
      sql`update notifications set email_state = 'done'
          where user_id = ${userId} and email_state = 'digest' and created_at < ${cutoff}::timestamptz
          returning id, kind, payload, read_at, created_at`,
    );
    const unread = taken.filter((r) => !r.read_at && isNotificationKind(r.kind));
    if (unread.length === 0) return false;
    const [person] = await rows<{ email: string; name: string; locale: Locale; status: string }>(
      tx,
      sql`select email, name, locale, status from users where id = ${userId}`,
    );
    if (!person || person.status === 'disabled') return false;

    const links = linksFor(ctx);
    const byKind = new Map<NotificationKind, (Taken & { kind: NotificationKind })[]>();
    for (const r of unread) {
      const kind = r.kind as NotificationKind;
      byKind.set(kind, [...(byKind.get(kind) ?? []), { ...r, kind }]);
    }
    const groups = NOTIFICATION_KINDS.filter((k) => byKind.has(k)).map((kind) => {
      const all = (byKind.get(kind) ?? []).sort((a, b) => ms(a.created_at) - ms(b.created_at));
      const items: NotificationItem[] = all
        .slice(0, DIGEST_ITEMS_PER_KIND)
        .map((r) => ({ kind, payload: r.payload }));
      return {
        kind,
        items,
        more: all.length - items.length,
        unsubscribeUrl: links.unsubscribe(userId, kind),
      };
    });
    await enqueueEmail(
      tx,
      Boolean(ctx.config.smtpUrl),
      person.email,
      digestEmail(person.locale, {
        ...links,
        name: person.name,
        groups,
        digestUnsubscribeUrl: links.unsubscribe(userId, 'digest'),
        now,
      }),
    );
    return true;
  });
}
