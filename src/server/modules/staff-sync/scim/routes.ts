import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../../shared/contracts/scim.js';
import { ERRORS } from '../../../../shared/errors.js';
import { sha256 } from '../../../auth/crypto.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import * as repo from '../repo.js';
import { GROUP_FILTER_ATTRIBUTES, paging, parseFilter, ScimError, USER_FILTER_ATTRIBUTES } from './filter.js';
import { createScimGroups } from './groups.js';
import { listResponse, resourceTypes, SCHEMA, schemas, serviceProviderConfig } from './resources.js';
import { createScimUsers } from './users.js';

/**
 * SCIM 2.0 at /scim/v2 (RFC 7644). Outside the cookie session and CSRF (a bearer token per source, compared by
 * its SHA-256 digest); answers application/scim+json, errors in the SCIM error shape.
 */

const TYPE = 'application/scim+json; charset=utf-8';
declare module 'fastify' {
  interface FastifyRequest {
    scimSource: repo.SourceRow | null;
  }
}

const err = (status: number) => ({ [status]: c.ScimError });
const errors = { ...err(400), ...err(401), ...err(404), ...err(409), ...err(413), ...err(500) };
const security = [{ scimBearer: [] }];

export function scimRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const users = createScimUsers(ctx);
  const groups = createScimGroups(ctx);
  const base = `${ctx.config.publicUrl}/scim/v2`;

  return async (app) => {
    app.decorateRequest('scimSource', null);
    app.addContentTypeParser(
      ['application/scim+json', 'application/json'],
      { parseAs: 'string', bodyLimit: 1024 * 1024 },
      (_req, body, done) => {
        try {
          done(null, body === '' ? {} : JSON.parse(body as string));
        } catch {
          done(new ScimError(400, 'Brødteksten er ikke gyldig JSON.', 'invalidSyntax'), undefined);
        }
      },
    );
    app.setErrorHandler((e, req, reply) => {
      let status = 500;
      let detail = 'Intern fejl.';
      let scimType: string | undefined;
      if (e instanceof ScimError) ({ status, detail, scimType } = e);
      else if (e instanceof AppError) {
        status = e.status;
        detail = `${ERRORS[e.code].da} (${e.code})`; // the stable code, as the rest of the API gives it
        if (status === 400) scimType = 'invalidValue';
      } else if (
        typeof (e as { statusCode?: number }).statusCode === 'number' &&
        (e as { statusCode: number }).statusCode < 500
      ) {
        status = (e as { statusCode: number }).statusCode;
        detail = status === 413 ? 'Forespørgslen er for stor.' : 'Forespørgslen er ugyldig.';
        if (status === 400) scimType = 'invalidSyntax';
      } else req.log.error({ err: e }, 'scim request failed');
      if (status === 401) reply.header('www-authenticate', 'Bearer realm="amongi-scim"');
      return reply
        .code(status)
        .type(TYPE)
        .send({ schemas: [SCHEMA.error], status: String(status), ...(scimType ? { scimType } : {}), detail });
    });
    // After the edge's checks (hostile text is 400 before anything else), before every handler.
    app.addHook('preHandler', async (req: FastifyRequest) => {
      const header = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const source = m ? await repo.sourceByTokenHash(ctx.db, sha256(m[1])) : undefined;
      if (source?.kind !== 'scim' || !source.enabled)
        throw new ScimError(401, 'Nøglen mangler, er forkert eller trukket tilbage.');
      req.scimSource = source;
    });
    app.addHook('onSend', async (_req, reply: FastifyReply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) reply.type(TYPE);
      return payload;
    });

    const src = (req: FastifyRequest) => req.scimSource as repo.SourceRow;
    const tags = ['scim'];
    const doc = (description: string) => ({ tags, description, security });

    app.get(
      '/ServiceProviderConfig',
      { schema: { ...doc('What this SCIM server supports.'), response: { 200: c.ScimDocument, ...errors } } },
      async () => serviceProviderConfig(base),
    );
    app.get(
      '/ResourceTypes',
      {
        schema: {
          ...doc('The resource types (User, Group).'),
          response: { 200: c.scimList(c.ScimDocument), ...errors },
        },
      },
      async () => {
        const r = resourceTypes(base);
        return listResponse(r, r.length, 1);
      },
    );
    app.get(
      '/Schemas',
      {
        schema: {
          ...doc('The User and Group schemas.'),
          response: { 200: c.scimList(c.ScimDocument), ...errors },
        },
      },
      async () => {
        const s = schemas(base);
        return listResponse(s, s.length, 1);
      },
    );

    app.get(
      '/Users',
      {
        schema: {
          ...doc(
            'The people this source manages. filter: userName eq "…", externalId eq "…", emails.value eq "…".',
          ),
          querystring: c.ScimListQuery,
          response: { 200: c.scimList(c.ScimUser), ...errors },
        },
      },
      async (req) => {
        const f = parseFilter(req.query.filter, USER_FILTER_ATTRIBUTES);
        const { startIndex, count } = paging(req.query);
        const { items, total } = await users.list(base, src(req), f, startIndex, count);
        return listResponse(items, total, startIndex);
      },
    );
    app.get(
      '/Users/:id',
      {
        schema: {
          ...doc('One person the source manages.'),
          params: c.ScimIdParams,
          response: { 200: c.ScimUser, ...errors },
        },
      },
      async (req) => users.get(base, src(req), req.params.id),
    );
    app.post(
      '/Users',
      {
        schema: {
          ...doc(
            "Creates a person in the source's default institution (or links an existing one wholly in its scope).",
          ),
          body: c.ScimBody,
          response: { 201: c.ScimUser, ...errors },
        },
      },
      async (req, reply) => {
        const u = await users.create(base, src(req), req.body);
        return reply.code(201).header('location', u.meta.location).send(u);
      },
    );
    app.put(
      '/Users/:id',
      {
        schema: {
          ...doc('Replaces name, userName, externalId, active.'),
          params: c.ScimIdParams,
          body: c.ScimBody,
          response: { 200: c.ScimUser, ...errors },
        },
      },
      async (req) => users.replace(base, src(req), req.params.id, req.body, false),
    );
    app.patch(
      '/Users/:id',
      {
        schema: {
          ...doc('PatchOp; active: false deactivates (never deletes).'),
          params: c.ScimIdParams,
          body: c.ScimBody,
          response: { 200: c.ScimUser, ...errors },
        },
      },
      async (req) => users.replace(base, src(req), req.params.id, req.body, true),
    );
    app.delete(
      '/Users/:id',
      {
        schema: {
          ...doc('Deactivates the person (status disabled, sessions revoked); nothing is deleted.'),
          params: c.ScimIdParams,
          response: { 204: c.ScimBody, ...errors },
        },
      },
      async (req, reply) => {
        await users.remove(src(req), req.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/Groups',
      {
        schema: {
          ...doc('The teams of the source\'s institutions. filter: displayName eq "…".'),
          querystring: c.ScimListQuery,
          response: { 200: c.scimList(c.ScimGroup), ...errors },
        },
      },
      async (req) => {
        const f = parseFilter(req.query.filter, GROUP_FILTER_ATTRIBUTES);
        const { startIndex, count } = paging(req.query);
        const { items, total } = await groups.list(base, src(req), f, startIndex, count);
        return listResponse(items, total, startIndex);
      },
    );
    app.get(
      '/Groups/:id',
      { schema: { ...doc('One team.'), params: c.ScimIdParams, response: { 200: c.ScimGroup, ...errors } } },
      async (req) => groups.get(base, src(req), req.params.id),
    );
    app.post(
      '/Groups',
      {
        schema: {
          ...doc("Creates a team in the source's default institution."),
          body: c.ScimBody,
          response: { 201: c.ScimGroup, ...errors },
        },
      },
      async (req, reply) => {
        const g = await groups.create(base, src(req), req.body);
        return reply.code(201).header('location', g.meta.location).send(g);
      },
    );
    app.put(
      '/Groups/:id',
      {
        schema: {
          ...doc('Renames the team and sets its members.'),
          params: c.ScimIdParams,
          body: c.ScimBody,
          response: { 200: c.ScimGroup, ...errors },
        },
      },
      async (req) => groups.replace(base, src(req), req.params.id, req.body),
    );
    app.patch(
      '/Groups/:id',
      {
        schema: {
          ...doc('PatchOp: add/remove members, replace displayName.'),
          params: c.ScimIdParams,
          body: c.ScimBody,
          response: { 200: c.ScimGroup, ...errors },
        },
      },
      async (req) => groups.patch(base, src(req), req.params.id, req.body),
    );
    app.delete(
      '/Groups/:id',
      {
        schema: {
          ...doc("Removes the source's people from the team; the team stays."),
          params: c.ScimIdParams,
          response: { 204: c.ScimBody, ...errors },
        },
      },
      async (req, reply) => {
        await groups.remove(src(req), req.params.id);
        return reply.code(204).send();
      },
    );
    app.all('/*', { schema: { hide: true } }, async () => {
      throw new ScimError(404, 'Ressourcen findes ikke.');
    });
  };
}
