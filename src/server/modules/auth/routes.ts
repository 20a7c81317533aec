import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearSessionCookie,
  issueCsrfToken,
  requireActor,
  revokeSession,
  revokeSessionsOfUser,
  startSession,
} from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import * as s from '../../http/schemas.js';
import type { PeopleService } from '../people/service.js';
import * as repo from './repo.js';
import type { AuthService } from './service.js';

const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });

export function authRoutes(ctx: AppContext, auth: AuthService, people: PeopleService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];

    app.get(
      '/auth/csrf',
      { schema: { tags, response: { 200: z.object({ token: z.string() }) } } },
      async (req, reply) => ({
        token: issueCsrfToken(ctx, req, reply),
      }),
    );

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          body: z.strictObject({ email: z.string().max(254), password: s.password }),
          response: { 200: s.ok, ...s.errors },
        },
      },
      async (req, reply) => {
        const userId = await auth.verifyLogin(req.body.email, req.body.password, req.ip);
        if (req.sessionId) await revokeSession(ctx, ctx.db, req.sessionId); // never keep the old session alive
        await startSession(ctx, req, reply, userId);
        return { ok: true as const };
      },
    );

    app.post('/auth/logout', { schema: { tags, response: { 200: s.ok } } }, async (req, reply) => {
      if (req.sessionId) await revokeSession(ctx, ctx.db, req.sessionId);
      clearSessionCookie(req, reply);
      return { ok: true as const };
    });

    app.get('/me', { schema: { tags, response: s.errors } }, async (req) =>
      people.me(requireActor(req), req.user as NonNullable<typeof req.user>),
    );

    app.patch(
      '/me',
      {
        schema: {
          tags,
          body: z.strictObject({ name: s.name.optional(), locale: s.locale.optional() }),
          response: s.errors,
        },
      },
      async (req) => {
        const actor = requireActor(req);
        return people.me(actor, await people.update(actor, actor.id, req.body));
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          tags,
          body: z.strictObject({ currentPassword: s.password, newPassword: s.password }),
          response: { 200: s.ok, ...s.errors },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await auth.changePassword(
          actor.id,
          req.sessionId as string,
          req.body.currentPassword,
          req.body.newPassword,
        );
        return { ok: true as const };
      },
    );

    app.get('/me/sessions', { schema: { tags } }, async (req) => {
      const actor = requireActor(req);
      const rows = await repo.listSessionsOfUser(ctx.db, actor.id);
      return {
        items: rows.map(({ id, ...r }) => ({ ...r, id: id.slice(0, 16), current: id === req.sessionId })),
      };
    });

    app.delete(
      '/me/sessions',
      {
        schema: {
          tags,
          description: 'Signs out every other session of the current person.',
          response: { 200: s.ok },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await revokeSessionsOfUser(ctx, ctx.db, actor.id, req.sessionId ?? undefined);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          body: z.strictObject({ email: z.string().max(254) }),
          response: { 200: s.ok, ...s.errors },
        },
      },
      async (req) => {
        await auth.requestReset(req.body.email, req.ip);
        return { ok: true as const };
      },
    );

    // One-time links from e-mails: look one up (to greet the person), then use it to set a password.
    for (const [path, purpose] of [
      ['/auth/invitations/:token', 'invitation'],
      ['/auth/password-reset/:token', 'reset'],
    ] as const) {
      app.get(
        path,
        {
          schema: {
            tags,
            params: tokenParams,
            response: { 200: z.object({ name: z.string(), email: z.string() }), ...s.errors },
          },
        },
        async (req) => auth.describeToken(req.params.token, purpose),
      );
      app.post(
        path,
        {
          schema: {
            tags,
            params: tokenParams,
            body: z.strictObject({ password: s.password }),
            response: { 200: s.ok, ...s.errors },
          },
        },
        async (req, reply) => {
          const userId = await auth.completeToken(req.params.token, purpose, req.body.password);
          await startSession(ctx, req, reply, userId);
          return { ok: true as const };
        },
      );
    }
  };
}
