import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/notifications.js';
import { NOTIFICATION_KINDS } from '../../../shared/training.js';
import { requireActor } from '../../auth/session.js';
import { reply } from '../../http/schemas.js';
import type { NotificationService } from './service.js';

export function notificationRoutes(notifications: NotificationService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    // RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` as a form. The body says
    // nothing we need, so these parsers (for this plugin's routes only) just accept it.
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data'])
      app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) =>
        done(null, undefined),
      );

    app.get(
      '/notifications',
      {
        schema: {
          tags,
          description: `Your own notifications, newest first: { items: [{ id, kind, payload, createdAt, readAt }], nextCursor, unread }. Kinds: ${NOTIFICATION_KINDS.join(', ')}.`,
          querystring: c.NotificationListQuery,
          response: reply(c.NotificationPage),
        },
      },
      async (req) => notifications.list(requireActor(req), req.query),
    );
    app.get(
      '/notifications/unread-count',
      {
        schema: {
          tags,
          description: 'How many of your notifications are unread.',
          response: reply(c.UnreadCount),
        },
      },
      async (req) => notifications.unreadCount(requireActor(req)),
    );
    app.post(
      '/notifications/read-all',
      { schema: { tags, description: 'Mark all your notifications read.', response: reply(ok) } },
      async (req) => notifications.markAllRead(requireActor(req)),
    );
    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          description: 'Mark one of your notifications read.',
          params: idParams,
          response: reply(ok),
        },
      },
      async (req) => notifications.markRead(requireActor(req), req.params.id),
    );

    app.get(
      '/notifications/preferences',
      {
        schema: {
          tags,
          description:
            'How you get each kind of notification: { items: [{ kind, delivery, defaultDelivery }], email }. delivery: off (none), in_app, email (in the app and an e-mail at once), digest (in the app and the daily e-mail at 07:00).',
          response: reply(c.Preferences),
        },
      },
      async (req) => notifications.preferences(requireActor(req)),
    );
    app.put(
      '/notifications/preferences',
      {
        schema: {
          tags,
          description:
            'Change how you get some kinds of notification; kinds left out keep theirs. An unknown kind → 400 notification.kind_unknown. Answers like GET.',
          body: c.PreferencesUpdate,
          response: reply(c.Preferences),
        },
      },
      async (req) => notifications.setPreferences(requireActor(req), req.body.items),
    );

    // No sign-in and no CSRF token: the signed token in the URL is the proof (e-mail clients cannot sign in).
    app.get(
      '/notifications/unsubscribe/:token',
      {
        schema: {
          tags,
          description:
            'What an unsubscribe link from an e-mail is about: { kind, delivery } (kind "digest": the whole daily digest). Changes nothing. Invalid → 400 notification.unsubscribe_invalid.',
          params: c.UnsubscribeParams,
          response: reply(c.UnsubscribeState),
        },
      },
      async (req) => notifications.describeUnsubscribe(req.params.token),
    );
    app.post(
      '/notifications/unsubscribe/:token',
      {
        config: { csrf: false },
        schema: {
          tags,
          description:
            'Stop the e-mails of the link’s kind (RFC 8058 one-click; empty body or List-Unsubscribe=One-Click): the kind becomes in_app (what was off stays off) → { kind, delivery }. Kind "digest": every kind in the daily digest.',
          params: c.UnsubscribeParams,
          response: reply(c.UnsubscribeState),
        },
      },
      async (req) => notifications.unsubscribe(req.params.token),
    );
  };
}
