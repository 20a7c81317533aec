import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/observation-visits.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, reply } from '../../../http/schemas.js';
import { createSelfService } from './service.js';

/** Self-observation (O5): a teacher's own lesson, seen only by them and the colleagues they invite. */
export function selfRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const self = createSelfService(ctx);
  return async (app) => {
    const tags = ['observation'];

    app.post(
      '/observation/self',
      {
        schema: {
          tags,
          description:
            'Starts a self-observation of the signed-in person’s own lesson (201, the visit), optionally with up to 5 invited colleagues of the same institution (they are told). Only the owner and the guests ever see it; it never counts toward institution data.',
          body: c.SelfCreate,
          response: created(c.VisitSummary),
        },
      },
      async (req, reply) => reply.status(201).send(await self.create(requireActor(req), req.body)),
    );

    app.put(
      '/observation/visits/:id/guests',
      {
        schema: {
          tags,
          description:
            'Replaces the colleagues invited into a self-observation (its owner only); the newly invited are told.',
          params: idParams,
          body: c.GuestsUpdate,
          response: reply(c.VisitDetail),
        },
      },
      async (req) => self.setGuests(requireActor(req), req.params.id, req.body.guestIds),
    );
  };
}
