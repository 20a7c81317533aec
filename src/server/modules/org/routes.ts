import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/people.js';
import * as p from '../../../shared/contracts/pillars.js';
import { requireActor } from '../../auth/session.js';
import { created, reply } from '../../http/schemas.js';
import { ANONYMOUS } from '../../policy/index.js';
import type { OrgService } from './service.js';

export function orgRoutes(org: OrgService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['organisation'];
    const params = idParams;

    app.get(
      '/kommuner',
      {
        schema: {
          tags,
          description: 'The kommuner the signed-in person may see, with their number of institutions.',
          response: reply(c.KommuneList),
        },
      },
      async (req) => ({ items: await org.listKommuner(requireActor(req)) }),
    );
    app.post(
      '/kommuner',
      { schema: { tags, body: c.KommuneCreate, response: created(c.Kommune) } },
      async (req, res) => {
        const k = await org.createKommune(requireActor(req), {
          name: req.body.name,
          code: req.body.code ?? null,
        });
        return res.status(201).send(k);
      },
    );
    app.get('/kommuner/:id', { schema: { tags, params, response: reply(c.Kommune) } }, async (req) =>
      org.kommune(requireActor(req), req.params.id),
    );
    app.patch(
      '/kommuner/:id',
      { schema: { tags, params, body: c.KommuneUpdate, response: reply(c.Kommune) } },
      async (req) => org.updateKommune(requireActor(req), req.params.id, req.body),
    );
    app.delete('/kommuner/:id', { schema: { tags, params, response: reply(ok) } }, async (req) => {
      await org.deleteKommune(requireActor(req), req.params.id);
      return { ok: true as const };
    });

    app.get(
      '/pillars',
      {
        schema: {
          tags,
          description:
            "The PLF pillars' names in the signed-in person's kommune (null: the defaults; anonymous: the defaults).",
          response: reply(p.PillarLabels),
        },
      },
      async (req) => org.pillarLabels(req.actor ?? ANONYMOUS),
    );
    app.get(
      '/kommuner/:id/pillars',
      { schema: { tags, params, response: reply(p.PillarLabels) } },
      async (req) => org.kommunePillars(requireActor(req), req.params.id),
    );
    app.put(
      '/kommuner/:id/pillars',
      {
        schema: {
          tags,
          description:
            "Name the five PLF pillars in the kommune's own words (all five), or null for the defaults: the kommune's forvaltning and administrators.",
          params,
          body: p.PillarLabelsUpdate,
          response: reply(p.PillarLabels),
        },
      },
      async (req) => org.setKommunePillars(requireActor(req), req.params.id, req.body.labels),
    );

    app.get(
      '/institutions',
      {
        schema: {
          tags,
          description:
            'The institutions the signed-in person may see (of one kommune with `kommuneId`), with their number of teams.',
          querystring: c.InstitutionListQuery,
          response: reply(c.InstitutionList),
        },
      },
      async (req) => ({ items: await org.listInstitutions(requireActor(req), req.query.kommuneId) }),
    );
    app.post(
      '/institutions',
      { schema: { tags, body: c.InstitutionCreate, response: created(c.Institution) } },
      async (req, res) => res.status(201).send(await org.createInstitution(requireActor(req), req.body)),
    );
    app.get('/institutions/:id', { schema: { tags, params, response: reply(c.Institution) } }, async (req) =>
      org.institution(requireActor(req), req.params.id),
    );
    app.patch(
      '/institutions/:id',
      { schema: { tags, params, body: c.InstitutionUpdate, response: reply(c.Institution) } },
      async (req) => org.updateInstitution(requireActor(req), req.params.id, req.body),
    );
    app.delete('/institutions/:id', { schema: { tags, params, response: reply(ok) } }, async (req) => {
      await org.deleteInstitution(requireActor(req), req.params.id);
      return { ok: true as const };
    });

    app.get(
      '/institutions/:id/teams',
      { schema: { tags, params, response: reply(c.TeamList) } },
      async (req) => ({ items: await org.listTeams(requireActor(req), req.params.id) }),
    );
    app.post(
      '/institutions/:id/teams',
      { schema: { tags, params, body: c.TeamCreate, response: created(c.Team) } },
      async (req, res) =>
        res
          .status(201)
          .send(await org.createTeam(requireActor(req), { institutionId: req.params.id, ...req.body })),
    );
    app.get('/teams/:id', { schema: { tags, params, response: reply(c.Team) } }, async (req) =>
      org.team(requireActor(req), req.params.id),
    );
    app.patch(
      '/teams/:id',
      { schema: { tags, params, body: c.TeamUpdate, response: reply(c.Team) } },
      async (req) => org.updateTeam(requireActor(req), req.params.id, req.body),
    );
    app.delete('/teams/:id', { schema: { tags, params, response: reply(ok) } }, async (req) => {
      await org.deleteTeam(requireActor(req), req.params.id);
      return { ok: true as const };
    });
  };
}
