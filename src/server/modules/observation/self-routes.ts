import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GRADE_MAX, GRADE_MIN } from '../../../shared/observation.js';
import { requireActor } from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import * as s from '../../http/schemas.js';
import { createSelfService, GUESTS_MAX } from './self.js';

/** Shared body pieces of planning (visits and self-observations). */
export const visitFields = {
  /** yyyy-mm-dd; checked in the service (observation.invalid_date). */
  plannedFor: z.string().max(10),
  classLabel: z.string().trim().max(40).default(''),
  subject: z.string().trim().max(80).default(''),
  grade: z.number().int().min(GRADE_MIN).max(GRADE_MAX).nullable().default(null),
  focusAreaKeys: z.array(s.id).max(50).default([]),
};

/** Self-observation (O5): a teacher's own lesson, seen only by them and the colleagues they invite. */
export function selfRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const self = createSelfService(ctx);
  return async (app) => {
    const tags = ['observation'];
    const response = s.errors;
    const guestIds = z.array(s.id).max(GUESTS_MAX);

    app.post(
      '/observation/self',
      {
        schema: {
          tags,
          description:
            'Starts a self-observation of the signed-in person’s own lesson (201, the visit), optionally with up to 5 invited colleagues of the same institution (they are told). Only the owner and the guests ever see it; it never counts toward institution data.',
          body: z.strictObject({ institutionId: s.id, ...visitFields, guestIds: guestIds.default([]) }),
          response,
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
          params: s.idParams,
          body: z.strictObject({ guestIds }),
          response,
        },
      },
      async (req) => self.setGuests(requireActor(req), req.params.id, req.body.guestIds),
    );
  };
}
