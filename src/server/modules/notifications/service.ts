import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/index.js';
import * as repo from './repo.js';

/** In-app notifications (I3). Everyone sees and changes only their own; no policy resource is involved. */
export function createNotificationService(ctx: AppContext) {
  const { db } = ctx;
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
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
