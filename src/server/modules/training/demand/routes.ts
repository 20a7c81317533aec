import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/training.js';
import { requireActor } from '../../../auth/session.js';
import { reply } from '../../../http/schemas.js';
import type { DemandService } from './service.js';

const methodParams = c.MethodParams;
const DEMAND =
  'Answers with the method’s demand as the signed-in person sees it: { method, count, threshold, missing, mine: { asked, viaTeam, requestedByName }, teams: [{ id, name, memberCount, alreadyAsked }], course: { id, state, title } | null }.';

export function demandRoutes(demand: DemandService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['training'];

    app.post(
      '/training/requests',
      {
        schema: {
          tags,
          description: `"Vi vil gerne trænes i denne metode": ask for training in a method, as oneself or (teamId) for every member of a team one belongs to, optionally from a video tagged with the method. A person counts once per method however they asked; when the count reaches the threshold a proposal is made. ${DEMAND}`,
          body: c.TrainingRequestCreate,
          response: reply(c.MethodDemand),
        },
      },
      async (req) => demand.request(requireActor(req), req.body),
    );
    app.delete(
      '/training/requests/:methodId',
      {
        schema: {
          tags,
          description: `Withdraws one’s own request for training in the method (nothing to withdraw is fine); a proposal already made stays. ${DEMAND}`,
          params: methodParams,
          response: reply(c.MethodDemand),
        },
      },
      async (req) => demand.withdraw(requireActor(req), req.params.methodId),
    );
    app.get(
      '/training/requests/mine',
      {
        schema: {
          tags,
          description:
            'One’s own requests, newest first: { items: [{ method, video | null (only while one may watch it), viaTeam, requestedByName, createdAt, course | null }] }.',
          response: reply(c.MyRequests),
        },
      },
      async (req) => demand.mine(requireActor(req)),
    );
    app.get(
      '/training/methods/:methodId/demand',
      {
        schema: {
          tags,
          description: `How many asked for training in a method. ${DEMAND}`,
          params: methodParams,
          response: reply(c.MethodDemand),
        },
      },
      async (req) => demand.demand(requireActor(req), req.params.methodId),
    );
    app.get(
      '/videos/:id/training',
      {
        schema: {
          tags,
          description:
            'The training panel of a video: { threshold, canAsk (may ask from this video), methods: [demand per method tagged on the video, by label], documented: [{ courseId, courseTitle, methodLabel, canOpenCourse, documentationVideo: { id, title } | null }] }.',
          params: idParams,
          response: reply(c.VideoTraining),
        },
      },
      async (req) => demand.forVideo(requireActor(req), req.params.id),
    );
    app.get(
      '/training/overview',
      {
        config: { heavy: true },
        schema: {
          tags,
          description:
            'For resource persons, editors and forvaltning: { threshold, canConfigure, methods: [{ method, count, missing, institutions, course }] by demand (at most 100), courses: count per state, trained: { requesters, trained } } over the courses one may see.',
          response: reply(c.TrainingOverview),
        },
      },
      async (req) => demand.overview(requireActor(req)),
    );
    app.get(
      '/training/institutions/:id/demand',
      {
        config: { heavy: true },
        schema: {
          tags,
          description:
            'One institution’s staff demand, for its leders, forvaltning of its kommune and administrators: { institution, threshold, methods: [{ method, count (its staff), total (everyone), missing, course, requesters: [{ id, name, viaTeam, askedAt }] }] }, most asked first. Only requests that count now, made from the institution by people who still work there. Another institution: institution.not_found (or policy.forbidden where one may see it).',
          params: idParams,
          response: reply(c.StaffDemand),
        },
      },
      async (req) => demand.staffDemand(requireActor(req), req.params.id),
    );
    app.get(
      '/training/settings',
      {
        schema: {
          tags,
          description: 'The instance’s threshold: { threshold }.',
          response: reply(c.TrainingSettings),
        },
      },
      async (req) => demand.settings(requireActor(req)),
    );
    app.put(
      '/training/settings',
      {
        schema: {
          tags,
          description:
            'Administrators: sets the threshold (1–1000; else training.threshold_invalid). Methods whose waiting requests already reach it get their proposal at once. Answers { threshold, proposed }.',
          // The range is checked by the service, with its own error code.
          body: c.ThresholdUpdate,
          response: reply(c.ThresholdResult),
        },
      },
      async (req) => demand.setThreshold(requireActor(req), req.body.threshold),
    );
    app.get(
      '/training/coverage',
      {
        schema: {
          tags,
          description:
            'Resource persons: every method and whether one can train in it: { methods: [{ id, label, covered }] }.',
          response: reply(c.Coverage),
        },
      },
      async (req) => demand.coverage(requireActor(req)),
    );
    app.put(
      '/training/coverage',
      {
        schema: {
          tags,
          description:
            'Resource persons: the methods one can train in (replaces the set). Proposals for them are sent to one first. Answers like GET.',
          body: c.CoverageUpdate,
          response: reply(c.Coverage),
        },
      },
      async (req) => demand.setCoverage(requireActor(req), req.body.methodIds),
    );
  };
}
