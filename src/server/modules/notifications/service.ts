import { eq } from 'drizzle-orm';
import { NOTIFICATION_KINDS, type NotificationDelivery } from '../../../shared/training.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/index.js';
import { users } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/index.js';
import { defaultDelivery, isNotificationKind } from './notify.js';
import { type Deliveries, deliveriesOf, setDeliveries } from './preferences.js';
import * as repo from './repo.js';
import { readUnsubscribeToken, type UnsubscribeKind } from './unsubscribe.js';

/**
 * In-app notifications and their delivery settings (I3). Everyone sees and changes only their own; no policy
 * resource is involved. Unsubscribe links need no sign-in: the signed token is the proof.
 */
export function createNotificationService(ctx: AppContext) {
  const { db } = ctx;

  async function preferencesOf(tx: DbOrTx, userId: string) {
    const deliveries = await deliveriesOf(tx, userId);
    const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    return {
      items: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        delivery: deliveries[kind],
        defaultDelivery: defaultDelivery(kind),
      })),
      email: u?.email ?? '',
    };
  }

  /** The person and kind of a valid token whose person still exists; else 400 notification.unsubscribe_invalid. */
  async function readToken(tx: DbOrTx, token: string) {
    const t = readUnsubscribeToken(ctx.secret, token);
    if (!t) throw new AppError('notification.unsubscribe_invalid');
    const [u] = await tx.select({ status: users.status }).from(users).where(eq(users.id, t.userId));
    if (!u || u.status === 'disabled') throw new AppError('notification.unsubscribe_invalid');
    return t;
  }

  /** The delivery an unsubscribe link leaves: e-mail stops, the app keeps it; what was off stays off. */
  const quieter = (d: NotificationDelivery): NotificationDelivery => (d === 'off' ? 'off' : 'in_app');
  /** The digest link: every kind now in the digest. */
  const summary = (kind: UnsubscribeKind, d: Deliveries) =>
    kind === 'digest' ? (NOTIFICATION_KINDS.some((k) => d[k] === 'digest') ? 'digest' : 'in_app') : d[kind];

  return {
    async list(actor: Actor, opts: { cursor?: string; limit: number }) {
      const rows = await repo.listOwn(db, actor.id, { afterId: opts.cursor, limit: opts.limit + 1 });
      const items = rows.slice(0, opts.limit);
      return {
        items,
        nextCursor: rows.length > opts.limit ? (items.at(-1)?.id ?? null) : null,
        unread: await repo.countUnread(db, actor.id),
      };
    },
    async unreadCount(actor: Actor) {
      return { unread: await repo.countUnread(db, actor.id) };
    },
    async markRead(actor: Actor, id: string) {
      if (!(await repo.markRead(db, actor.id, id))) throw new AppError('notification.not_found');
      return { ok: true as const };
    },
    async markAllRead(actor: Actor) {
      await repo.markAllRead(db, actor.id);
      return { ok: true as const };
    },

    /** My delivery for every kind, the kind's default, and the address e-mails go to. */
    async preferences(actor: Actor) {
      return preferencesOf(db, actor.id);
    },
    /** Changes the kinds given (the others keep their delivery); an unknown kind changes nothing. */
    async setPreferences(actor: Actor, items: { kind: string; delivery: NotificationDelivery }[]) {
      const known = items.map((i) => {
        if (!isNotificationKind(i.kind)) throw new AppError('notification.kind_unknown');
        return { kind: i.kind, delivery: i.delivery };
      });
      return db.transaction(async (tx) => {
        await setDeliveries(tx, actor.id, known);
        return preferencesOf(tx, actor.id);
      });
    },

    /** What an unsubscribe link is about (nothing changes: link scanners open links too). */
    async describeUnsubscribe(token: string) {
      const t = await readToken(db, token);
      return { kind: t.kind, delivery: summary(t.kind, await deliveriesOf(db, t.userId)) };
    },
    /** Stops the e-mail of the token's kind (or the whole digest): the app keeps showing the notifications. */
    async unsubscribe(token: string) {
      return db.transaction(async (tx) => {
        const t = await readToken(tx, token);
        const current = await deliveriesOf(tx, t.userId);
        const kinds =
          t.kind === 'digest' ? NOTIFICATION_KINDS.filter((k) => current[k] === 'digest') : [t.kind];
        await setDeliveries(
          tx,
          t.userId,
          kinds.map((kind) => ({ kind, delivery: quieter(current[kind]) })),
        );
        const after = await deliveriesOf(tx, t.userId);
        return { kind: t.kind, delivery: summary(t.kind, after) };
      });
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
