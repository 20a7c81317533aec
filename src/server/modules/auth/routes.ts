import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ok } from '../../../shared/contracts/common.js';
import * as c from '../../../shared/contracts/people.js';
import { LogoutAnswer } from '../../../shared/contracts/sso.js';
import {
  clearSessionCookie,
  issueCsrfToken,
  requireActor,
  revokeSession,
  revokeSessionsOfUser,
  startSession,
} from '../../auth/session.js';
import type { AppContext } from '../../context.js';
import { reply } from '../../http/schemas.js';
import type { OidcSignIn } from './oidc/signin.js';
import * as repo from './repo.js';
import type { AuthService } from './service.js';

/** Signing in and out, passwords and sessions. The profile (/me) is the people module's (people/routes.ts). */
export function authRoutes(
  ctx: AppContext,
  auth: AuthService,
  sso?: Pick<OidcSignIn, 'endSessionUrl'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];

    app.get('/auth/csrf', { schema: { tags, response: reply(c.CsrfToken) } }, async (req, res) => ({
      token: issueCsrfToken(ctx, req, res),
    }));

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          description:
            'Signs in: sets the HttpOnly session cookie, and beside it the readable, non-secret hint `amongi_signed_in=1` (it grants nothing; the web app asks GET /me only when it is there). Sign-out, and any request without a usable session, clear the hint.',
          body: c.Login,
          response: reply(ok),
        },
      },
      async (req, res) => {
        const userId = await auth.verifyLogin(req.body.email, req.body.password, req.ip);
        if (req.sessionId) await revokeSession(ctx, ctx.db, req.sessionId); // never keep the old session alive
        await startSession(ctx, req, res, userId);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags,
          description:
            'Signs out. When the session came from an identity provider that offers RP-initiated logout, `endSessionUrl` is where the browser goes next to end the session there too (it returns to /log-ind).',
          response: reply(LogoutAnswer),
        },
      },
      async (req, res) => {
        let endSessionUrl: string | null = null;
        if (req.sessionId) {
          endSessionUrl = (await sso?.endSessionUrl(req.sessionId)) ?? null;
          await revokeSession(ctx, ctx.db, req.sessionId);
        }
        clearSessionCookie(req, res);
        return { ok: true as const, endSessionUrl };
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          tags,
          body: c.PasswordChange,
          response: reply(ok),
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

    app.get('/me/sessions', { schema: { tags, response: reply(c.SessionList) } }, async (req) => {
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
          response: reply(ok),
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
          body: c.PasswordResetRequest,
          response: reply(ok),
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
            params: c.TokenParams,
            response: reply(c.TokenHolder),
          },
        },
        async (req) => auth.describeToken(req.params.token, purpose),
      );
      app.post(
        path,
        {
          schema: {
            tags,
            params: c.TokenParams,
            body: c.PasswordSet,
            response: reply(ok),
          },
        },
        async (req, res) => {
          const userId = await auth.completeToken(req.params.token, purpose, req.body.password);
          await startSession(ctx, req, res, userId);
          return { ok: true as const };
        },
      );
    }
  };
}
