import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/inquiry.js';
import { requireActor } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { created, reply } from '../../../http/schemas.js';
import { TEMPLATE_LIST_MAX } from './repo.js';
import { createTemplateService } from './service.js';

/** Cycle templates (issue 16, T2): list them for a team, write and archive a kommune's own. */
export function templateRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const templates = createTemplateService(ctx);
  return async (app) => {
    const tags = ['inquiry'];
    app.get(
      '/inquiry/templates',
      {
        schema: {
          tags,
          description: `Cycle templates. With \`teamId\` (members and the institution's leaders): the built-in ones and the team's kommune's own, offered to the team's institution kind (skole, dagtilbud, klub). Without: the built-in ones and the own templates of the kommuner the person works in (every kommune's for administrators). Archived templates are never listed. At most ${TEMPLATE_LIST_MAX}.`,
          querystring: c.TemplateListQuery,
          response: reply(c.TemplateList),
        },
      },
      async (req) => templates.list(requireActor(req), req.query.teamId),
    );
    app.post(
      '/inquiry/templates',
      {
        schema: {
          tags,
          description:
            "A kommune's own template (its forvaltning, administrators): phases in stage order før, under, efter, with unique keys. Answers 201 with the template.",
          body: c.TemplateCreate,
          response: created(c.InquiryTemplate),
        },
      },
      async (req, res) => res.status(201).send(await templates.create(requireActor(req), req.body)),
    );
    app.post(
      '/inquiry/templates/:id/archive',
      {
        schema: {
          tags,
          description:
            'Archives a kommune template (its forvaltning, administrators): no longer offered for new cycles; cycles started from it keep their phases. A built-in template is inquiry.template_not_found here.',
          params: idParams,
          response: reply(ok),
        },
      },
      async (req) => {
        await templates.archive(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
