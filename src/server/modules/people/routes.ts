import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/people.js';
import { requireActor } from '../../auth/session.js';
import { created, reply } from '../../http/schemas.js';
import type { InterestsService } from './interests.js';
import type { PeopleService } from './service.js';

export function peopleRoutes(people: PeopleService, interests: InterestsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['people'];
    const params = idParams;

    // The signed-in person's profile; tagged 'auth' in the API description, beside sign-in and sessions.
    app.get('/me', { schema: { tags: ['auth'], response: reply(c.Me) } }, async (req) =>
      people.me(requireActor(req), req.user as NonNullable<typeof req.user>),
    );
    app.patch(
      '/me',
      {
        schema: {
          tags: ['auth'],
          body: c.MeUpdate,
          response: reply(c.Me),
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return people.me(actor, await people.update(actor, actor.id, req.body));
      },
    );

    app.get(
      '/me/interests',
      {
        schema: {
          tags: ['auth'],
          description:
            'What the signed-in person works with (age bands, subjects/themes, methods); the home page narrows to it. Never saved: `suggested` is true and the lists come from their institution type and teams.',
          response: reply(c.Interests),
        },
      },
      async (req) => {
        requireActor(req);
        return interests.get(req.user as NonNullable<typeof req.user>);
      },
    );
    app.put(
      '/me/interests',
      {
        schema: {
          tags: ['auth'],
          description: 'Saves the signed-in person’s interests; empty lists narrow nothing.',
          body: c.InterestsSet,
          response: reply(c.Interests),
        },
      },
      async (req) => {
        requireActor(req);
        return interests.set(req.user as NonNullable<typeof req.user>, req.body);
      },
    );

    app.get(
      '/people',
      {
        schema: {
          tags,
          description:
            'People the signed-in person may see, by name; `institutionId` keeps those with a role there, `q` searches name and e-mail.',
          querystring: c.PeopleListQuery,
          response: reply(c.PersonPage),
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
          body: c.PersonInvite,
          response: created(c.PersonDetail),
        },
      },
      async (req, res) => res.status(201).send(await people.invite(requireActor(req), req.body)),
    );
    app.get('/people/:id', { schema: { tags, params, response: reply(c.PersonDetail) } }, async (req) =>
      people.get(requireActor(req), req.params.id),
    );
    app.patch(
      '/people/:id',
      { schema: { tags, params, body: c.PersonUpdate, response: reply(c.PersonDetail) } },
      async (req) => people.update(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/people/:id/invitation',
      { schema: { tags, description: 'Sends the invitation e-mail again.', params, response: reply(ok) } },
      async (req) => {
        await people.resendInvitation(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );
    app.post(
      '/people/:id/grants',
      { schema: { tags, params, body: c.GrantCreate, response: reply(c.PersonDetail) } },
      async (req) => people.addGrant(requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/people/:id/grants/:grantId',
      { schema: { tags, params: c.GrantParams, response: reply(c.PersonDetail) } },
      async (req) => people.removeGrant(requireActor(req), req.params.id, req.params.grantId),
    );

    app.get(
      '/teams/:id/members',
      { schema: { tags, params, response: reply(c.TeamMemberList) } },
      async (req) => ({
        items: await people.teamMembers(requireActor(req), req.params.id),
      }),
    );
    app.put(
      '/teams/:id/members/:personId',
      { schema: { tags, params: c.TeamMemberParams, response: reply(ok) } },
      async (req) => {
        await people.addTeamMember(requireActor(req), req.params.id, req.params.personId);
        return { ok: true as const };
      },
    );
    app.delete(
      '/teams/:id/members/:personId',
      { schema: { tags, params: c.TeamMemberParams, response: reply(ok) } },
      async (req) => {
        await people.removeTeamMember(requireActor(req), req.params.id, req.params.personId);
        return { ok: true as const };
      },
    );
  };
}
