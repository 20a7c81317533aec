import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, ok } from '../../../../shared/contracts/common.js';
import * as c from '../../../../shared/contracts/sso.js';
import type { ErrorCode } from '../../../../shared/errors.js';
import { OIDC_CALLBACK_PATH, SSO_ERROR_PAGE } from '../../../../shared/sso.js';
import { requireActor, revokeSession, startSession } from '../../../auth/session.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { answers, created, reply } from '../../../http/schemas.js';
import type { IdentityProviderService } from './providers.js';
import * as repo from './repo.js';
import type { OidcSignIn } from './signin.js';
import { FLOW_MINUTES } from './signin.js';

/** The cookie that binds a sign-in's state to the browser that started it (no login CSRF). */
const STATE_COOKIE = 'amongi_oidc_state';
const CALLBACK = OIDC_CALLBACK_PATH.replace('/api/v1', '');

const errorPage = (code: ErrorCode) => `${SSO_ERROR_PAGE}?kode=${encodeURIComponent(code)}`;
const codeOf = (err: unknown): ErrorCode => {
  if (err instanceof AppError) return err.code;
  throw err;
};

/** Single sign-on: the providers administrators manage, and signing in through one (issue 20 part 1). */
export function oidcRoutes(
  ctx: AppContext,
  providers: IdentityProviderService,
  signIn: OidcSignIn,
): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    const cookie = (secure: boolean) => ({
      path: '/api/v1/auth/oidc',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure,
      maxAge: FLOW_MINUTES * 60,
    });

    app.get(
      '/auth/providers',
      {
        schema: {
          tags,
          description: 'The enabled identity providers (names only): one sign-in button each. Public.',
          response: reply(c.PublicProviderList),
        },
      },
      async () => ({ items: await repo.listEnabledProviders(ctx.db) }),
    );

    app.get(
      '/auth/oidc/:id/start',
      {
        schema: {
          tags,
          description:
            'Starts signing in with a provider: 303 to its authorization endpoint (code flow, PKCE S256, state, nonce). `return_to` is a path in this app (anything else becomes /). When the provider cannot be reached: 303 to the sign-in error page.',
          params: c.OidcStartParams,
          querystring: c.OidcStartQuery,
          response: answers({ 303: c.Redirect }),
        },
      },
      async (req, res) => {
        try {
          const { url, state } = await signIn.start(req.params.id, req.query.return_to);
          res.setCookie(STATE_COOKIE, state, cookie(req.protocol === 'https'));
          return res.redirect(url, 303);
        } catch (err) {
          return res.redirect(errorPage(codeOf(err)), 303);
        }
      },
    );

    app.get(
      CALLBACK,
      {
        schema: {
          tags,
          description:
            'Where the provider sends the browser back (register PUBLIC_URL + this path). Takes the state once, checks the tokens (issuer, audience, expiry, nonce), finds or links the person, starts a session: 303 to the page the sign-in started from; a refusal or failure: 303 to /log-ind/fejl?kode=<error code>.',
          querystring: c.OidcCallbackQuery,
          response: answers({ 303: c.Redirect }),
        },
      },
      async (req, res) => {
        const browserState = req.cookies[STATE_COOKIE];
        res.clearCookie(STATE_COOKIE, { path: '/api/v1/auth/oidc' });
        const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        try {
          const done = await signIn.callback(req.query, rawQuery, browserState);
          if (req.sessionId) await revokeSession(ctx, ctx.db, req.sessionId);
          const sessionId = await startSession(ctx, req, res, done.userId, done.audited);
          await repo.insertSsoSession(ctx.db, {
            sessionId,
            providerId: done.providerId,
            idToken: done.idToken,
          });
          return res.redirect(done.returnTo, 303);
        } catch (err) {
          const code = codeOf(err);
          req.log.info({ code }, 'OIDC sign-in did not complete');
          return res.redirect(errorPage(code), 303);
        }
      },
    );

    // Administrators: the providers.
    const admin = { tags: ['identity-providers'] };
    app.get(
      '/identity-providers',
      {
        schema: {
          ...admin,
          description:
            'Every identity provider (administrators), the client secret only as set/not set; and the redirect and post-logout URIs to register at the providers.',
          response: reply(c.IdentityProviderList),
        },
      },
      async (req) => ({
        items: await providers.list(requireActor(req)),
        redirectUri: providers.redirectUri,
        postLogoutRedirectUri: providers.postLogoutRedirectUri,
      }),
    );
    app.post(
      '/identity-providers',
      {
        schema: {
          ...admin,
          description: 'Adds an identity provider (administrators). The secret is stored encrypted.',
          body: c.IdentityProviderCreate,
          response: created(c.IdentityProvider),
        },
      },
      async (req, res) => {
        res.code(201);
        return providers.create(requireActor(req), req.body);
      },
    );
    app.get(
      '/identity-providers/:id',
      { schema: { ...admin, params: idParams, response: reply(c.IdentityProvider) } },
      async (req) => providers.get(requireActor(req), req.params.id),
    );
    app.patch(
      '/identity-providers/:id',
      {
        schema: {
          ...admin,
          description: 'Changes a provider; a left-out client secret is kept, null removes it.',
          params: idParams,
          body: c.IdentityProviderUpdate,
          response: reply(c.IdentityProvider),
        },
      },
      async (req) => providers.update(requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/identity-providers/:id',
      {
        schema: {
          ...admin,
          description: 'Removes a provider and its links to people (they keep their accounts).',
          params: idParams,
          response: reply(ok),
        },
      },
      async (req) => {
        await providers.remove(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
