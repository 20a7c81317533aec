import type { ErrorCode } from '../../../../shared/errors.js';
import {
  OIDC_CALLBACK_PATH,
  type SSO_CREATE_ROLES,
  type SsoMappedKind,
  safeReturnPath,
} from '../../../../shared/sso.js';
import { sha256 } from '../../../auth/crypto.js';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../http/errors.js';
import { audit } from '../../audit.js';
import { isUnreachable, oidc, providerConfig } from './client.js';
import * as repo from './repo.js';

/** Minutes a sign-in may take at the provider before its state is refused. */
export const FLOW_MINUTES = 10;

type Claims = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const truthy = (v: unknown) => v === true || v === 'true';

/** What the provider says the person is: a staff role, a pupil, or a value the mapping does not know. */
function kindOf(p: repo.ProviderRow, claims: Claims): SsoMappedKind | 'unknown' | null {
  if (!p.claimRole) return null;
  const raw = claims[p.claimRole];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  const kinds = values.map((v) => p.roleMap[v] as SsoMappedKind | undefined);
  const staff = kinds.find((k) => k && k !== 'pupil');
  if (staff) return staff;
  if (kinds.includes('pupil')) return 'pupil';
  return 'unknown';
}

export type SignedIn = {
  userId: string;
  providerId: string;
  idToken: string;
  returnTo: string;
  audited: Record<string, string>;
};

/** OpenID Connect sign-in: authorization code with PKCE (S256), state and nonce kept once in the database. */
export function createOidcSignIn(ctx: AppContext) {
  const redirectUri = `${ctx.config.publicUrl}${OIDC_CALLBACK_PATH}`;

  async function enabledProvider(id: string) {
    const p = await repo.findProvider(ctx.db, id);
    if (!p?.enabled) throw new AppError('sso.provider_not_found');
    return p;
  }

  /** Starts a sign-in: the provider's authorization URL and the state (the route binds it to the browser). */
  async function start(providerId: string, returnTo: string | undefined) {
    const p = await enabledProvider(providerId);
    const config = await providerConfig(p, ctx.secret);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await repo.insertFlow(ctx.db, {
      id: sha256(state),
      providerId: p.id,
      nonce,
      codeVerifier,
      returnTo: safeReturnPath(returnTo),
      expiresAt: new Date(Date.now() + FLOW_MINUTES * 60_000),
    });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: p.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  async function refuse(p: repo.ProviderRow, code: ErrorCode, extra = {}) {
    await audit(ctx.db, null, 'sso.sign_in_refused', 'identity_provider', p.id, {
      method: 'oidc',
      provider: p.name,
      reason: code,
      ...extra,
    });
    return new AppError(code);
  }

  /** The tokens for the callback's code, checked (issuer, audience, expiry, nonce, state); with userinfo if set. */
  async function exchange(
    p: repo.ProviderRow,
    query: string,
    flow: { codeVerifier: string; nonce: string },
    state: string,
  ) {
    const config = await providerConfig(p, ctx.secret);
    const current = new URL(redirectUri);
    current.search = query;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims: Claims = { ...tokens.claims() };
      let claims = idClaims;
      if (p.useUserinfo && tokens.access_token)
        claims = {
          ...(await oidc.fetchUserInfo(config, tokens.access_token, String(idClaims.sub))),
          ...idClaims,
        };
      return { claims, idToken: tokens.id_token as string };
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (isUnreachable(err)) throw new AppError('sso.provider_unavailable');
      ctx.log.warn({ err, provider: p.id }, 'OIDC sign-in refused: the token answer did not pass the checks');
      throw await refuse(p, 'sso.token_invalid', { detail: (err as Error).message?.slice(0, 200) });
    }
  }

  /**
   * The person behind the claims: linked by subject, else by a verified e-mail of an existing person, else
   * created when the provider allows it. Pupils and unknown kinds are refused; so are disabled accounts.
   */
  async function person(p: repo.ProviderRow, claims: Claims) {
    const subject = text(claims[p.claimSubject]);
    if (!subject || subject.length > 300)
      throw await refuse(p, 'sso.token_invalid', { detail: 'no subject' });
    const kind = kindOf(p, claims);
    if (kind === 'pupil') throw await refuse(p, 'sso.pupil');
    if (kind === 'unknown')
      throw await refuse(p, 'sso.role_unknown', { value: String(claims[p.claimRole ?? '']).slice(0, 60) });

    const link = await repo.findLink(ctx.db, p.id, subject);
    if (link) {
      await repo.touchLink(ctx.db, link.id);
      return { userId: link.userId, how: 'subject' as const };
    }
    const email = text(claims[p.claimEmail])?.toLowerCase();
    const verified = p.claimEmailVerified ? truthy(claims[p.claimEmailVerified]) : true;
    if (!email) throw await refuse(p, 'sso.no_account', { detail: 'no e-mail' });
    if (!verified) throw await refuse(p, 'sso.email_unverified');

    const existing = await repo.findUserByEmail(ctx.db, email);
    if (existing) {
      if (await repo.findLinkOfUser(ctx.db, p.id, existing.id)) throw await refuse(p, 'sso.already_linked');
      if (existing.status === 'disabled') throw await refuse(p, 'auth.account_disabled');
      // The unique (provider, subject) and (provider, person) indexes decide a race between two callbacks.
      if (!(await repo.insertLink(ctx.db, p.id, subject, existing.id)))
        throw await refuse(p, 'sso.already_linked');
      return { userId: existing.id, how: 'email' as const };
    }
    if (!p.createUsers || !p.createInstitutionId) throw await refuse(p, 'sso.no_account');
    const role = (kind ?? p.createRole) as (typeof SSO_CREATE_ROLES)[number] | 'pupil';
    const userId = await ctx.db.transaction(async (tx) => {
      const id = await repo.createUser(
        tx,
        { email, name: text(claims[p.claimName])?.slice(0, 200) ?? email },
        p.createInstitutionId as string,
        role === 'pupil' ? 'medarbejder' : role,
      );
      if (!id) return undefined;
      if (!(await repo.insertLink(tx, p.id, subject, id))) throw new AppError('sso.already_linked');
      return id;
    });
    if (!userId) throw await refuse(p, 'sso.no_account', { detail: 'e-mail taken meanwhile' });
    return { userId, how: 'created' as const };
  }

  /**
   * The provider's answer: takes the state once (a replay finds nothing), checks the tokens, finds the person.
   * `rawQuery` is the callback's query string as received; `browserState` the state cookie of this browser.
   */
  async function callback(
    q: { state?: string; error?: string },
    rawQuery: string,
    browserState: string | undefined,
  ): Promise<SignedIn> {
    if (!q.state || !browserState || browserState !== q.state) throw new AppError('sso.state_invalid');
    const flow = await repo.consumeFlow(ctx.db, sha256(q.state));
    if (!flow) throw new AppError('sso.state_invalid');
    const p = await enabledProvider(flow.providerId);
    if (q.error) throw new AppError('sso.cancelled');
    const { claims, idToken } = await exchange(p, rawQuery, flow, q.state);
    const { userId, how } = await person(p, claims);
    const user = await repo.findUser(ctx.db, userId);
    if (!user || user.status === 'disabled') throw await refuse(p, 'auth.account_disabled');
    if (user.status === 'invited') await repo.activateUser(ctx.db, userId);
    // The sign-in's audit entry (auth.sign_in) is written with the session, with these details.
    const audited = { method: 'oidc', provider: p.name, providerId: p.id, linkedBy: how };
    return { userId, providerId: p.id, idToken, returnTo: flow.returnTo, audited };
  }

  /** Where to end the provider's session too (RP-initiated logout), when this session came from one that offers it. */
  async function endSessionUrl(sessionId: string): Promise<string | null> {
    const s = await repo.findSsoSession(ctx.db, sessionId);
    if (!s?.provider.enabled) return null;
    try {
      const config = await providerConfig(s.provider, ctx.secret);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        id_token_hint: s.idToken,
        post_logout_redirect_uri: `${ctx.config.publicUrl}/log-ind`,
        client_id: s.provider.clientId,
      }).href;
    } catch {
      return null; // the provider is down: sign out here anyway
    }
  }

  return { start, callback, endSessionUrl, redirectUri };
}

export type OidcSignIn = ReturnType<typeof createOidcSignIn>;
