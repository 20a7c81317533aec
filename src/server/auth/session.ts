import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/constants.js';
import type { AppContext } from '../context.js';
import { AppError } from '../http/errors.js';
import * as repo from '../modules/auth/repo.js';
import type { Actor } from '../policy/index.js';
import { hmac, randomToken, safeEqual, sha256 } from './crypto.js';

export const SESSION_COOKIE = 'amongi_session';
export const CSRF_COOKIE = 'amongi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type SessionUser = { id: string; email: string; name: string; locale: Locale };

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    actor: Actor | null;
    sessionId: string | null;
    sessionExpired: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 60_000;

function cookieOptions(req: FastifyRequest, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: req.protocol === 'https' };
}

/** Creates a session for the user and sets its cookie. Returns the session id (a hash; the token lives only in the cookie). */
export async function startSession(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
) {
  const token = randomToken();
  const id = sha256(token);
  const maxAge = ctx.config.sessionDays * 86400;
  await repo.insertSession(ctx.db, {
    id,
    userId,
    expiresAt: new Date(Date.now() + maxAge * 1000),
    userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
  });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(req, true), maxAge });
  return id;
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req, true));
}

/** Issues a CSRF token bound to a random value in an HttpOnly cookie: token = HMAC(secret, cookie). */
export function issueCsrfToken(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): string {
  let seed = req.cookies[CSRF_COOKIE];
  if (!seed || seed.length < 20) {
    seed = randomToken();
    reply.setCookie(CSRF_COOKIE, seed, cookieOptions(req, true));
  }
  return hmac(ctx.secret, seed);
}

function csrfValid(ctx: AppContext, req: FastifyRequest): boolean {
  const seed = req.cookies[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  if (!seed || typeof header !== 'string') return false;
  return safeEqual(hmac(ctx.secret, seed), header);
}

/** Loads the session (if any) into req.user / req.actor and checks CSRF on every state-changing API request. */
export function installSession(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const id = sha256(token);
      const row = await repo.findSessionWithUser(ctx.db, id);
      const now = Date.now();
      if (!row || row.session.expiresAt.getTime() <= now || row.user.status !== 'active') {
        req.sessionExpired = true;
        if (row) await repo.deleteSession(ctx.db, id);
      } else {
        req.sessionId = id;
        req.user = { id: row.user.id, email: row.user.email, name: row.user.name, locale: row.user.locale };
        req.actor = { id: row.user.id, grants: await repo.loadGrants(ctx.db, row.user.id) };
        if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
          await repo.touchSession(ctx.db, id, new Date(now + ctx.config.sessionDays * 86400_000));
      }
    }
    // The matched route, not the raw URL: '/%61pi/v1/…' routes to '/api/v1/…' but does not start with '/api/'.
    const path = req.routeOptions.url ?? req.url;
    if (UNSAFE.has(req.method) && path.startsWith('/api/') && !csrfValid(ctx, req))
      throw new AppError('auth.csrf_invalid');
  });
}

/** The signed-in actor, or a 401 that says whether the session expired. */
export function requireActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  throw new AppError(req.sessionExpired ? 'auth.session_expired' : 'auth.required');
}
