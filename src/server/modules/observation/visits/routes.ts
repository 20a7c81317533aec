import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/observation-visits.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, reply } from '../../../http/schemas.js';
import { selfRoutes } from '../self/routes.js';
import { createConversationService } from './conversation.js';
import { visitDetail } from './detail.js';
import { createVisitService } from './planning.js';
import { createRecordService } from './record.js';

/** Observation routes: O2 planning and conducting visits (sync), O3 learning conversation, O5 self-observation. */
export function observationVisitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const visits = createVisitService(ctx);
  const records = createRecordService(ctx);
  const conversation = createConversationService(ctx);
  return async (app) => {
    const tags = ['observation'];
    const params = idParams;
    const url = (rest = '') => `/observation/visits/:id${rest}`;

    app.post(
      '/observation/visits',
      {
        schema: {
          tags,
          description:
            'Plans a classroom visit (201, the visit). Leaders and delegated learning guides of the institution; the observer must lead it or be delegated (observation.not_an_observer), the teacher must work there and is not the observer. Recorded against the newest schema version; no focus areas chosen means all. The teacher is told.',
          body: c.VisitPlan,
          response: created(c.VisitSummary),
        },
      },
      async (req, reply) => reply.status(201).send(await visits.plan(requireActor(req), req.body)),
    );

    app.get(
      '/observation/visits',
      {
        schema: {
          tags,
          description:
            'Visits and self-observations the signed-in person may see (a leader: every classroom visit of the institutions they lead; never anyone else’s self-observation), by planned date then id. `from`/`to` (yyyy-mm-dd) make a calendar range; `role` keeps those where I observe or am observed, or (guest) the self-observations I was invited to; `flagged=1` those waiting for a leader’s decision.',
          querystring: c.VisitListQuery,
          response: reply(c.VisitPage),
        },
      },
      async (req) =>
        visits.list(requireActor(req), {
          ...req.query,
          flagged: req.query.flagged === '1' || req.query.flagged === 'true',
        }),
    );

    app.get(
      '/observation/institutions/:id/not-visited',
      {
        schema: {
          tags,
          description:
            'Medarbejdere and ressourcepersoner of the institution with no classroom visit (not cancelled) in the term (default: the current one), with the date of their last completed visit. Leaders and delegated learning guides.',
          params,
          querystring: c.NotVisitedQuery,
          response: reply(c.NotVisited),
        },
      },
      async (req) => visits.notVisited(requireActor(req), req.params.id, req.query.term),
    );

    app.get(
      url(),
      {
        schema: {
          tags,
          description:
            'Everything recorded about a visit, its schema version, the learning conversation, guests (self-observations), the same teacher’s earlier visits the viewer may see (newest first, at most 10, with their next steps) and what the viewer may do.',
          params,
          response: reply(c.VisitDetail),
        },
      },
      async (req) => visitDetail(ctx.db, requireActor(req), req.params.id),
    );

    app.patch(
      url(),
      {
        schema: {
          tags,
          description: 'Changes a planned visit (observer, date, class, subject, grade, focus areas).',
          params,
          body: c.VisitUpdate,
          response: reply(c.VisitSummary),
        },
      },
      async (req) => visits.update(requireActor(req), req.params.id, req.body),
    );

    app.post(
      url('/cancel'),
      {
        schema: {
          tags,
          description: 'Cancels a visit that is not completed.',
          params,
          response: reply(c.VisitSummary),
        },
      },
      async (req) => visits.cancel(requireActor(req), req.params.id),
    );

    app.put(
      url('/record'),
      {
        schema: {
          tags,
          description:
            'The offline sync: what a device recorded (answers, notes, timer, picked pupils; `complete` finishes the visit). Idempotent per `syncKey` (a replay answers the first result with `replay: true`). Synced against `schemaId`: before the first answers any version of the institution, after that only the visit’s own (observation.schema_mismatch). With two devices the newest answer per item wins. One answer that does not fit refuses the whole sync. Synced after the observer lost the role: kept, flagged for a leader.',
          params,
          body: c.RecordInput,
          response: reply(c.RecordResult),
        },
      },
      async (req) => records.record(requireActor(req), req.params.id, req.body),
    );

    app.post(
      url('/resolve'),
      {
        schema: {
          tags,
          description:
            'A leader decides about a flagged visit: keep (it counts toward data from now) or exclude (cancelled; it never counts).',
          params,
          body: c.VisitResolve,
          response: reply(c.VisitSummary),
        },
      },
      async (req) => visits.resolve(requireActor(req), req.params.id, req.body.decision),
    );

    app.put(
      url('/reflection'),
      {
        schema: {
          tags,
          description: 'The observed teacher’s own reflection (after the visit is completed).',
          params,
          body: c.ReflectionUpdate,
          response: reply(c.VisitDetail),
        },
      },
      async (req) => conversation.reflect(requireActor(req), req.params.id, req.body.reflection),
    );

    app.put(
      url('/conversation'),
      {
        schema: {
          tags,
          description:
            'Notes from the learning conversation and the next step (prøvehandling), by the teacher or the observer of a completed visit. A changed next step takes back both agreements; the other party is told.',
          params,
          body: c.ConversationUpdate,
          response: reply(c.VisitDetail),
        },
      },
      async (req) => conversation.converse(requireActor(req), req.params.id, req.body),
    );

    app.post(
      url('/next-step/agree'),
      {
        schema: {
          tags,
          description:
            'The teacher or the observer agrees to the next step as written (observation.next_step_empty when there is none); agreed when both have.',
          params,
          response: reply(c.VisitDetail),
        },
      },
      async (req) => conversation.agree(requireActor(req), req.params.id),
    );

    await app.register(selfRoutes(ctx));
  };
}
