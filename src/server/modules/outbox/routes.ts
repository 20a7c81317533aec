import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../auth/session.js';
import * as s from '../../http/schemas.js';
import type { OutboxService } from './service.js';

export function outboxRoutes(outbox: OutboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/outbox',
      {
        schema: {
          tags: ['outbox'],
          description: 'E-mails written by the app, newest first (administrators only).',
          querystring: z.strictObject({
            before: z.string().max(200).optional().describe('nextBefore of the previous page'),
            limit: z.coerce.number().int().min(1).max(100).default(30),
          }),
          response: s.errors,
        },
      },
      async (req) => outbox.list(requireActor(req), { limit: req.query.limit, before: req.query.before }),
    );
  };
}
