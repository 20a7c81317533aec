import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SIGNED_IN_HINT_COOKIE } from '../../shared/session-hint.js';
import type { AppContext } from '../context.js';
import type { DbOrTx } from '../db/index.js';
import { auditLog } from '../db/schema.js';
import type { DomainEvent } from '../events/index.js';
import { AppError } from '../http/errors.js';
import type { Actor } from '../policy/index.js';
import { randomToken, sha256, signer } from './crypto.js';
import type { CachedSession, SessionUser } from './session-cache.js';
import * as repo from './session-repo.js';

export const SESSION_COOKIE = 'amongi_session';
export const CSRF_COOKIE = 'amongi_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    actor: Actor | null;
    sessionId: string | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /**
     * `false`: this state-changing route takes no CSRF token because a secret in its URL is the proof and it
     * must work without the app's cookies (the e-mail unsubscribe link, RFC 8058 one-click). Use sparingly.
     */
    csrf?: false;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 60_000;

function cookieOptions(req: FastifyRequest, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: req.protocol === 'https' };
}

/**
 * Creates a session for the user and sets its cookie. Returns the session id (a hash; the token lives only in the
 * cookie). `signIn`: how the person signed in, for the audit entry (default a password).
 */
export async function startSession(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  signIn: Record<string, string> = { method: 'password' },
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
  // Every sign-in (password, invitation, single sign-on) is in the audit log and the person's own log (issue 20
  // part 5), one entry each, saying how. Written straight to the table: infrastructure imports no module.
  await ctx.db.insert(auditLog).values({
    actorId: userId,
    action: 'auth.sign_in',
    subjectType: 'user',
    subjectId: userId,
    details: signIn,
  });
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(req, true), maxAge });
  reply.setCookie(SIGNED_IN_HINT_COOKIE, '1', { ...cookieOptions(req, false), maxAge });
  return id;
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req, true));
  reply.clearCookie(SIGNED_IN_HINT_COOKIE, cookieOptions(req, false));
}

/**
 * The CSRF token of a cookie value: a MAC with the CSRF key. The endpoint answers it for any cookie value the
 * client sends, so it is a signing oracle for the 'csrf' purpose, and that purpose signs nothing else.
 */
export const csrfToken = (secret: string, seed: string) => signer(secret, 'csrf').sign(seed);
export const csrfTokenValid = (secret: string, seed: string, token: string) =>
  signer(secret, 'csrf').verify(seed, token);

/** Issues a CSRF token bound to a random value in an HttpOnly cookie (see `csrfToken`). */
export function issueCsrfToken(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): string {
  let seed = req.cookies[CSRF_COOKIE];
  if (!seed || seed.length < 20) {
    seed = randomToken();
    reply.setCookie(CSRF_COOKIE, seed, cookieOptions(req, true));
  }
  return csrfToken(ctx.secret, seed);
}

function csrfValid(ctx: AppContext, req: FastifyRequest): boolean {
  const seed = req.cookies[CSRF_COOKIE];
  const header = req.headers[CSRF_HEADER];
  if (!seed || typeof header !== 'string') return false;
  return csrfTokenValid(ctx.secret, seed, header);
}

/** The policy's view of a person: their id and role grants. */
export const actorOf = (person: SessionUser): Actor => ({
  id: person.id,
  grants: person.grants.map((g) => ({
    role: g.role,
    kommuneId: g.kommuneId,
    institutionId: g.institutionId,
  })),
  teamIds: person.teams.map((t) => t.id),
});

/** Reads a person with their grants and teams (the people module's `personDetail`); undefined when gone. */
export type LoadSessionUser = (db: DbOrTx, userId: string) => Promise<SessionUser | undefined>;

/** Reads a session, its person and their grants from the database and caches it; undefined when unusable. */
async function loadSession(
  ctx: AppContext,
  loadUser: LoadSessionUser,
  id: string,
  now: number,
): Promise<CachedSession | undefined> {
  const session = await repo.findSession(ctx.db, id);
  if (!session) return undefined;
  const stamp = checksStamp(ctx) ? await sessionStamp(ctx, id) : undefined;
  const person = await loadUser(ctx.db, session.userId);
  if (person?.status !== 'active') {
    await repo.deleteSession(ctx.db, id);
    return undefined;
  }
  const entry: CachedSession = {
    user: person,
    actor: actorOf(person),
    expiresAt: session.expiresAt.getTime(),
    lastSeenAt: session.lastSeenAt.getTime(),
    cachedAt: now,
    stamp,
  };
  ctx.sessions.set(id, entry);
  return entry;
}

/**
 * Ends one session: the row, and every process's cached copy (the `session.revoked` event). Inside a caller's
 * transaction the row is gone only at its commit; other processes on PostgreSQL check the row on every request
 * (`sessionStamp`), so they refuse the session from that moment whatever the event's timing.
 */
export async function revokeSession(ctx: AppContext, db: DbOrTx, id: string) {
  await repo.deleteSession(db, id);
  ctx.events.publish({ type: 'session.revoked', sessionId: id });
}

/**
 * Ends every session of a person (optionally all but one): after a password change, reset or disabling. In a
 * transaction pass the `emit` of `ctx.events.transaction`, so that the event goes out once it committed.
 */
export async function revokeSessionsOfUser(
  ctx: AppContext,
  db: DbOrTx,
  userId: string,
  exceptId?: string,
  emit: (event: DomainEvent) => void = (e) => ctx.events.publish(e),
) {
  await repo.deleteSessionsOfUser(db, userId, exceptId);
  emit({ type: 'sessions.revoked', userId });
}

/**
 * What must not have changed for a cached session to still be served, read in one query: the session row
 * (gone once revoked), the person's status, and the ids of their role grants and teams. On PostgreSQL, where
 * several processes share the database, a cached session is checked against it on every request: the events
 * reach the other processes within milliseconds, but a revoked session or a removed role must be refused by
 * every process at once. Undefined when the session is gone or expired.
 */
async function sessionStamp(ctx: AppContext, id: string): Promise<string | undefined> {
  const r = await ctx.database.executeSql(
    `select u.status::text || '|' ||
        coalesce((select string_agg(g.id::text, ',' order by g.id) from role_grants g where g.user_id = s.user_id), '')
        || '|' ||
        coalesce((select string_agg(m.team_id::text, ',' order by m.team_id) from team_memberships m
                  where m.user_id = s.user_id), '') as stamp
       from sessions s join users u on u.id = s.user_id
      where s.id = $1 and s.expires_at > now()`,
    [id],
    { name: 'amongi-session-stamp' },
  );
  return (r.rows[0] as { stamp: string } | undefined)?.stamp;
}

/** Only where other processes may change sessions behind this one's back (PostgreSQL); PGlite has one process. */
const checksStamp = (ctx: AppContext) => ctx.database.kind === 'postgres';

/** The cached session, when it may still be served (on PostgreSQL: its stamp is unchanged in the database). */
async function cachedSession(ctx: AppContext, id: string, now: number): Promise<CachedSession | undefined> {
  const hit = ctx.sessions.get(id, now);
  if (!hit || !checksStamp(ctx)) return hit;
  if ((await sessionStamp(ctx, id)) === hit.stamp) return hit;
  ctx.sessions.forget(id);
  return undefined;
}

/**
 * Loads the session (if any) into req.user / req.actor and checks CSRF on every state-changing API request.
 * `loadUser` reads the person behind a session: the people module's, handed in by app.ts, since infrastructure
 * imports no module.
 */
export function installSession(app: FastifyInstance, ctx: AppContext, loadUser: LoadSessionUser) {
  app.decorateRequest('user', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const id = sha256(token);
      const now = Date.now();
      const s = (await cachedSession(ctx, id, now)) ?? (await loadSession(ctx, loadUser, id, now));
      if (!s || s.expiresAt <= now) {
        req.sessionExpired = true;
        if (s) await revokeSession(ctx, ctx.db, id);
      } else {
        req.sessionId = id;
        req.user = s.user;
        req.actor = s.actor;
        if (now - s.lastSeenAt > TOUCH_EVERY_MS) {
          s.lastSeenAt = now;
          s.expiresAt = now + ctx.config.sessionDays * 86400_000;
          await repo.touchSession(ctx.db, id, new Date(s.expiresAt));
        }
      }
    }
    // The signed-in hint (SIGNED_IN_HINT_COOKIE) goes with the session: an expired or missing one clears it, so
    // the app stops asking /me once this answer (e.g. the 401 auth.session_expired that sends it to sign-in) is in.
    if (!req.user && req.cookies[SIGNED_IN_HINT_COOKIE])
      reply.clearCookie(SIGNED_IN_HINT_COOKIE, cookieOptions(req, false));
    // The matched route, not the raw URL: '/%61pi/v1/…' routes to '/api/v1/…' but does not start with '/api/'.
    const path = req.routeOptions.url ?? req.url;
    const exempt = req.routeOptions.config?.csrf === false;
    if (UNSAFE.has(req.method) && path.startsWith('/api/') && !exempt && !csrfValid(ctx, req))
      throw new AppError('auth.csrf_invalid');
  });
}

/** The signed-in actor, or a 401 that says whether the session expired. */
export function requireActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  throw new AppError(req.sessionExpired ? 'auth.session_expired' : 'auth.required');
}
