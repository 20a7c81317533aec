import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../auth/session.js';
import * as s from '../../http/schemas.js';
import type { OrgService } from './service.js';

const kommuneBody = z.strictObject({
  name: s.name,
  code: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'tre cifre')
    .nullable()
    .optional(),
});
const institutionBody = z.strictObject({ kommuneId: s.id, name: s.name, type: s.institutionType });
const teamBody = z.strictObject({ name: s.name, type: s.teamType });

export function orgRoutes(org: OrgService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['organisation'];
    const params = s.idParams;
    const response = s.errors;

    app.get('/kommuner', { schema: { tags } }, async (req) => ({
      items: await org.listKommuner(requireActor(req)),
    }));
    app.post('/kommuner', { schema: { tags, body: kommuneBody, response } }, async (req, reply) => {
      const k = await org.createKommune(requireActor(req), {
        name: req.body.name,
        code: req.body.code ?? null,
      });
      return reply.status(201).send(k);
    });
    app.get('/kommuner/:id', { schema: { tags, params, response } }, async (req) =>
      org.kommune(requireActor(req), req.params.id),
    );
    app.patch(
      '/kommuner/:id',
      { schema: { tags, params, body: kommuneBody.partial(), response } },
      async (req) => org.updateKommune(requireActor(req), req.params.id, req.body),
    );
    app.delete('/kommuner/:id', { schema: { tags, params, response } }, async (req) => {
      await org.deleteKommune(requireActor(req), req.params.id);
      return { ok: true as const };
    });

    app.get(
      '/institutions',
      { schema: { tags, querystring: z.strictObject({ kommuneId: s.id.optional() }), response } },
      async (req) => ({ items: await org.listInstitutions(requireActor(req), req.query.kommuneId) }),
    );
    app.post('/institutions', { schema: { tags, body: institutionBody, response } }, async (req, reply) =>
      reply.status(201).send(await org.createInstitution(requireActor(req), req.body)),
    );
    app.get('/institutions/:id', { schema: { tags, params, response } }, async (req) =>
      org.institution(requireActor(req), req.params.id),
    );
    app.patch(
      '/institutions/:id',
      { schema: { tags, params, body: institutionBody.omit({ kommuneId: true }).partial(), response } },
      async (req) => org.updateInstitution(requireActor(req), req.params.id, req.body),
    );
    app.delete('/institutions/:id', { schema: { tags, params, response } }, async (req) => {
      await org.deleteInstitution(requireActor(req), req.params.id);
      return { ok: true as const };
    });

    app.get('/institutions/:id/teams', { schema: { tags, params, response } }, async (req) => ({
      items: await org.listTeams(requireActor(req), req.params.id),
    }));
    app.post(
      '/institutions/:id/teams',
      { schema: { tags, params, body: teamBody, response } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await org.createTeam(requireActor(req), { institutionId: req.params.id, ...req.body })),
    );
    app.get('/teams/:id', { schema: { tags, params, response } }, async (req) =>
      org.team(requireActor(req), req.params.id),
    );
    app.patch('/teams/:id', { schema: { tags, params, body: teamBody.partial(), response } }, async (req) =>
      org.updateTeam(requireActor(req), req.params.id, req.body),
    );
    app.delete('/teams/:id', { schema: { tags, params, response } }, async (req) => {
      await org.deleteTeam(requireActor(req), req.params.id);
      return { ok: true as const };
    });
  };
}
