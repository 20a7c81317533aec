import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../auth/session.js';
import * as s from '../../http/schemas.js';
import type { NotificationService } from './service.js';

export function notificationRoutes(notifications: NotificationService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    const response = s.errors;
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          description:
            'Your own notifications, newest first: { items: [{ id, kind, payload, createdAt, readAt }], nextCursor, unread }. Kinds: comment.mention, comment.reply, community.invited.',
          querystring: z.strictObject({
            cursor: s.id.optional(),
            limit: z.coerce.number().int().min(1).max(100).default(30),
          }),
          response,
        },
      },
      async (req) => notifications.list(requireActor(req), req.query),
    );
    app.get(
      '/notifications/unread-count',
      { schema: { tags, description: 'How many of your notifications are unread.', response } },
      async (req) => notifications.unreadCount(requireActor(req)),
    );
    app.post(
      '/notifications/read-all',
      { schema: { tags, description: 'Mark all your notifications read.', response } },
      async (req) => notifications.markAllRead(requireActor(req)),
    );
    app.post(
      '/notifications/:id/read',
      { schema: { tags, description: 'Mark one of your notifications read.', params: s.idParams, response } },
      async (req) => notifications.markRead(requireActor(req), req.params.id),
    );
  };
}
