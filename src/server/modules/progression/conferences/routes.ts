import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/progression.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, reply } from '../../../http/schemas.js';
import { CONFERENCES_MAX } from './repo.js';
import { createConferenceService } from './service.js';

/** Læringssamtaler (konferencer) per group (issue 17 part 2), for the group's circle. */
export function conferenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const conferences = createConferenceService(ctx);
  return async (app) => {
    const tags = ['progression'];
    const circle =
      "the group's circle (its class team, the institution's leaders, resource persons delegated to it; others: progression.group_not_found)";
    app.get(
      '/groups/:id/conferences',
      {
        schema: {
          tags,
          description: `The group's læringssamtaler, newest first (at most ${CONFERENCES_MAX}; no child data), and \`previous\`: the newest one's decisions and follow-up, to show when the next is written. For ${circle}.`,
          params: idParams,
          response: reply(c.ConferenceList),
        },
      },
      async (req) => conferences.list(requireActor(req), req.params.id),
    );
    app.post(
      '/groups/:id/conferences',
      {
        schema: {
          tags,
          description: `Records a læringssamtale (\`version\` 0) with the overview of this moment as its snapshot: every child placed in the group by code with the statuses entered in the group this school year, and the group's counts. The resource person must be a ressourceperson or leder of the institution (else 400 progression.resource_person_invalid); an archived group: 409 progression.group_archived. For ${circle}. Audit-logged. Answers 201 with the conference.`,
          params: idParams,
          body: c.ConferenceWrite,
          response: created(c.Conference),
        },
      },
      async (req, res) =>
        res.status(201).send(await conferences.create(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/conferences/:id',
      {
        schema: {
          tags,
          description: `One læringssamtale with its snapshot (its children's lines are removed by retention; the counts stay). For ${circle.replace('progression.group_not_found', 'progression.conference_not_found')}. A read of per-child data: audit-logged while the snapshot has children.`,
          params: idParams,
          response: reply(c.Conference),
        },
      },
      async (req) => conferences.get(requireActor(req), req.params.id),
    );
    app.put(
      '/conferences/:id',
      {
        schema: {
          tags,
          description:
            "Edits a læringssamtale's record (never its snapshot). `version` is the one the writer started from; when someone saved meanwhile: 409 progression.stale with the current `version` and `updatedAt` in `details`. Same circle and resource-person rule as creating.",
          params: idParams,
          body: c.ConferenceWrite,
          response: reply(c.Conference),
        },
      },
      async (req) => conferences.update(requireActor(req), req.params.id, req.body),
    );
  };
}
