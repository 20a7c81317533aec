import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/outbox.js';
import { requireActor } from '../../auth/session.js';
import { reply } from '../../http/schemas.js';
import type { OutboxService } from './service.js';

export function outboxRoutes(outbox: OutboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/outbox',
      {
        schema: {
          tags: ['outbox'],
          description: 'E-mails written by the app, newest first (administrators only).',
          querystring: c.OutboxListQuery,
          response: reply(c.OutboxPage),
        },
      },
      async (req) => outbox.list(requireActor(req), { limit: req.query.limit, before: req.query.before }),
    );
  };
}
