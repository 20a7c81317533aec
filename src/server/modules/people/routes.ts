import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../auth/session.js';
import * as s from '../../http/schemas.js';
import type { PeopleService } from './service.js';

const grantBody = z.strictObject({
  role: s.role,
  institutionId: s.id.nullable().optional(),
  kommuneId: s.id.nullable().optional(),
});

export function peopleRoutes(people: PeopleService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['people'];
    const params = s.idParams;
    const response = s.errors;

    app.get(
      '/people',
      {
        schema: {
          tags,
          querystring: z.strictObject({
            institutionId: s.id.optional(),
            q: z.string().trim().max(200).optional(),
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response,
        },
      },
      async (req) => people.list(requireActor(req), req.query),
    );
    app.post(
      '/people',
      {
        schema: {
          tags,
          description:
            'Invites a person: creates the account, grants one role and sends the invitation e-mail.',
          body: z.strictObject({
            name: s.name,
            email: s.email,
            locale: s.locale.optional(),
            grant: grantBody,
            teamIds: z.array(s.id).max(50).optional(),
          }),
          response,
        },
      },
      async (req, reply) => reply.status(201).send(await people.invite(requireActor(req), req.body)),
    );
    app.get('/people/:id', { schema: { tags, params, response } }, async (req) =>
      people.get(requireActor(req), req.params.id),
    );
    app.patch(
      '/people/:id',
      {
        schema: {
          tags,
          params,
          body: z.strictObject({
            name: s.name.optional(),
            locale: s.locale.optional(),
            status: z.enum(['active', 'disabled']).optional(),
          }),
          response,
        },
      },
      async (req) => people.update(requireActor(req), req.params.id, req.body),
    );
    app.post('/people/:id/invitation', { schema: { tags, params, response } }, async (req) => {
      await people.resendInvitation(requireActor(req), req.params.id);
      return { ok: true as const };
    });
    app.post('/people/:id/grants', { schema: { tags, params, body: grantBody, response } }, async (req) =>
      people.addGrant(requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/people/:id/grants/:grantId',
      { schema: { tags, params: z.strictObject({ id: s.id, grantId: s.id }), response } },
      async (req) => people.removeGrant(requireActor(req), req.params.id, req.params.grantId),
    );

    const memberParams = z.strictObject({ id: s.id, personId: s.id });
    app.get('/teams/:id/members', { schema: { tags, params, response } }, async (req) => ({
      items: await people.teamMembers(requireActor(req), req.params.id),
    }));
    app.put(
      '/teams/:id/members/:personId',
      { schema: { tags, params: memberParams, response } },
      async (req) => {
        await people.addTeamMember(requireActor(req), req.params.id, req.params.personId);
        return { ok: true as const };
      },
    );
    app.delete(
      '/teams/:id/members/:personId',
      { schema: { tags, params: memberParams, response } },
      async (req) => {
        await people.removeTeamMember(requireActor(req), req.params.id, req.params.personId);
        return { ok: true as const };
      },
    );
  };
}
