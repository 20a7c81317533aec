import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/rows.js';
import { createTestApp, secondApp, type TestApp, TestClient } from '../../../testing/harness.js';
import { startTestProvider, type TestProvider } from './test-provider.testing.js';

/*
 * Issue 20 part 1: signing in through a REAL OpenID Connect provider (oidc-provider on loopback), not a mock.
 * Every refusal ends on the Danish error page (/log-ind/fejl?kode=…) with no session.
 */

const PORT = 3411;
const DOWN_PORT = 3419; // nothing listens here
let t: TestApp;
let idp: TestProvider;
let admin: TestClient;
let providerId: string;
let institutionId: string;

const q1 = async <T>(query: SQL) => (await rows<T>(t.ctx.db, query))[0] as T;

beforeAll(async () => {
  t = await createTestApp();
  idp = await startTestProvider({
    port: PORT,
    publicUrl: 'http://amongi.test',
    accounts: {
      'sub-medarbejder': {
        email: 'medarbejder@demo.amongi.dk',
        email_verified: true,
        name: 'M',
        aktoer_gruppe: 'Lærer',
      },
      'sub-new': {
        email: 'ny.paedagog@skole.dk',
        email_verified: true,
        name: 'Ny Pædagog',
        aktoer_gruppe: 'Pædagog',
      },
      'sub-pupil': { email: 'elev@skole.dk', email_verified: true, aktoer_gruppe: 'Elev' },
      'sub-guest': { email: 'gaest@skole.dk', email_verified: true, aktoer_gruppe: 'Gæst' },
      'sub-unverified': { email: 'leder@demo.amongi.dk', email_verified: false, aktoer_gruppe: 'Leder' },
      'sub-second': { email: 'medarbejder@demo.amongi.dk', email_verified: true, aktoer_gruppe: 'Lærer' },
      'sub-disabled': {
        email: 'ressourceperson@demo.amongi.dk',
        email_verified: true,
        aktoer_gruppe: 'Lærer',
      },
    },
  });
  admin = await t.as('administrator');
  institutionId = (await q1<{ id: string }>(sql`select id from institutions where name = 'Solsikkeskolen'`))
    .id;
  const res = await admin.post('/api/v1/identity-providers', providerBody());
  expect(res.statusCode).toBe(201);
  providerId = res.json().id;
}, 60_000);
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

function providerBody(over: Record<string, unknown> = {}) {
  return {
    name: 'Testlogin',
    preset: 'uni_login',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    scopes: 'openid email profile uni',
    claimSubject: 'sub',
    claimEmail: 'email',
    claimEmailVerified: 'email_verified',
    claimName: 'name',
    claimRole: 'aktoer_gruppe',
    roleMap: { Lærer: 'medarbejder', Pædagog: 'medarbejder', Leder: 'leder', Elev: 'pupil' },
    useUserinfo: false,
    createUsers: true,
    createInstitutionId: institutionId,
    createRole: 'medarbejder',
    enabled: true,
    ...over,
  };
}

/** Starts at Amongi, signs in at the provider as `login`, and hands the callback to `to` (default: the same app). */
async function signIn(
  c: TestClient,
  login: string,
  opts: { returnTo?: string; pid?: string; to?: TestClient } = {},
) {
  const start = await c.get(
    `/api/v1/auth/oidc/${opts.pid ?? providerId}/start${opts.returnTo ? `?return_to=${encodeURIComponent(opts.returnTo)}` : ''}`,
  );
  expect(start.statusCode).toBe(303);
  const location = String(start.headers.location);
  if (!location.startsWith(idp.issuer)) return { start, location, callback: null };
  const callbackUrl = await idp.signIn(location, login);
  const to = opts.to ?? c;
  if (opts.to) for (const [k, v] of c.cookies) to.cookies.set(k, v);
  const callback = await to.get(callbackUrl.pathname + callbackUrl.search);
  return { start, location: String(callback.headers.location), callback, callbackUrl };
}

const errorPage = (code: string) => `/log-ind/fejl?kode=${code}`;

describe('administrators manage identity providers', () => {
  it('never answers the client secret, only that it is set; it is stored encrypted', async () => {
    const list = await admin.get('/api/v1/identity-providers');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(idp.clientSecret);
    expect(list.json().redirectUri).toBe('http://amongi.test/api/v1/auth/oidc/callback');
    const item = list.json().items.find((p: { id: string }) => p.id === providerId);
    expect(item).toMatchObject({ name: 'Testlogin', clientSecretSet: true, claimRole: 'aktoer_gruppe' });
    expect(item).not.toHaveProperty('clientSecret');
    expect(item).not.toHaveProperty('clientSecretEnc');
    const one = await admin.get(`/api/v1/identity-providers/${providerId}`);
    expect(one.body).not.toContain(idp.clientSecret);
    const stored = await q1<{ enc: string }>(
      sql`select client_secret_enc as enc from identity_providers where id = ${providerId}`,
    );
    expect(stored.enc).not.toContain(idp.clientSecret);
    expect(stored.enc.length).toBeGreaterThan(40);
    // A change that leaves the secret out keeps it; the audit log names the fields, never the secret.
    const patched = await admin.patch(`/api/v1/identity-providers/${providerId}`, {
      scopes: 'openid email profile uni',
    });
    expect(patched.json().clientSecretSet).toBe(true);
    const log = await rows<{ action: string; details: unknown }>(
      t.ctx.db,
      sql`select action, details from audit_log where subject_id = ${providerId} order by created_at`,
    );
    expect(log.map((l) => l.action)).toEqual(['sso.provider_created', 'sso.provider_updated']);
    expect(JSON.stringify(log)).not.toContain(idp.clientSecret);
  });

  it('refuses everyone but administrators (and the anonymous)', async () => {
    for (const who of ['leder', 'medarbejder', 'redaktoer']) {
      const c = await t.as(who);
      expect((await c.get('/api/v1/identity-providers')).statusCode).toBe(403);
      expect((await c.post('/api/v1/identity-providers', providerBody({ name: 'X' }))).statusCode).toBe(403);
      expect((await c.patch(`/api/v1/identity-providers/${providerId}`, { enabled: false })).statusCode).toBe(
        403,
      );
      expect((await c.delete(`/api/v1/identity-providers/${providerId}`)).statusCode).toBe(403);
      expect((await c.get(`/api/v1/identity-providers/${providerId}`)).json().error.code).toBe(
        'policy.forbidden',
      );
    }
    const anon = t.client();
    expect((await anon.get('/api/v1/identity-providers')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/identity-providers', providerBody())).statusCode).toBe(401);
    const still = await admin.get(`/api/v1/identity-providers/${providerId}`);
    expect(still.json().enabled).toBe(true);
  });

  it('refuses an http issuer off loopback, and creating people without an institution (Danish messages)', async () => {
    const insecure = await admin.post(
      '/api/v1/identity-providers',
      providerBody({ issuer: 'http://idp.example.dk' }),
    );
    expect(insecure.statusCode).toBe(422);
    expect(insecure.json().error).toEqual({
      code: 'sso.issuer_insecure',
      message: expect.stringContaining('https://'),
    });
    const noInst = await admin.post(
      '/api/v1/identity-providers',
      providerBody({ createInstitutionId: null }),
    );
    expect(noInst.json().error.code).toBe('sso.institution_required');
    const noOpenid = await admin.post('/api/v1/identity-providers', providerBody({ scopes: 'email' }));
    expect(noOpenid.statusCode).toBe(400);
  });

  it('lists enabled providers publicly, by name only', async () => {
    const res = await t.client().get('/api/v1/auth/providers');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ id: providerId, name: 'Testlogin' }]);
  });
});

describe('signing in through the provider', () => {
  it('links an existing person by verified e-mail, returns to the page, and audits it', async () => {
    const c = t.client();
    const { location } = await signIn(c, 'sub-medarbejder', { returnTo: '/videoer?side=2' });
    expect(location).toBe('/videoer?side=2');
    const me = await c.get('/api/v1/me');
    expect(me.json()).toMatchObject({ email: 'medarbejder@demo.amongi.dk' });
    const link = await q1<{ n: number }>(
      sql`select count(*)::int as n from identity_links l join users u on u.id = l.user_id
           where l.subject = 'sub-medarbejder' and u.email = 'medarbejder@demo.amongi.dk'`,
    );
    expect(link.n).toBe(1);
    const a = await q1<{ details: Record<string, unknown> }>(
      sql`select details from audit_log where action = 'auth.sign_in' order by created_at desc limit 1`,
    );
    expect(a.details).toMatchObject({ method: 'oidc', provider: 'Testlogin', linkedBy: 'email' });
    // One entry per sign-in (the session's, saying how), not a second one of its own.
    const n = await q1<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'sso.sign_in'`,
    );
    expect(n.n).toBe(0);
  });

  it('signs in again by the stored subject, even after the e-mail changed at the provider', async () => {
    idp.accounts.set('sub-medarbejder', {
      ...idp.accounts.get('sub-medarbejder'),
      email: 'nyt.navn@skole.dk',
    });
    const c = t.client();
    await signIn(c, 'sub-medarbejder');
    expect((await c.get('/api/v1/me')).json().email).toBe('medarbejder@demo.amongi.dk');
  });

  it('creates a new person in the chosen institution with the mapped role', async () => {
    const c = t.client();
    const { location } = await signIn(c, 'sub-new', { returnTo: '//evil.example/x' });
    expect(location).toBe('/'); // never another site
    const me = (await c.get('/api/v1/me')).json();
    expect(me).toMatchObject({
      email: 'ny.paedagog@skole.dk',
      name: 'Ny Pædagog',
      grants: [{ role: 'medarbejder', institutionName: 'Solsikkeskolen' }],
    });
  });

  it('refuses a second provider account claiming a person already linked', async () => {
    const c = t.client();
    const { location } = await signIn(c, 'sub-second');
    expect(location).toBe(errorPage('sso.already_linked'));
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses pupils and an unknown aktoer_gruppe, with no account made', async () => {
    for (const [login, code] of [
      ['sub-pupil', 'sso.pupil'],
      ['sub-guest', 'sso.role_unknown'],
    ] as const) {
      const c = t.client();
      expect((await signIn(c, login)).location).toBe(errorPage(code));
      expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    }
    const made = await q1<{ n: number }>(
      sql`select count(*)::int as n from users where email in ('elev@skole.dk', 'gaest@skole.dk')`,
    );
    expect(made.n).toBe(0);
  });

  it('refuses an e-mail the provider did not verify', async () => {
    const c = t.client();
    expect((await signIn(c, 'sub-unverified')).location).toBe(errorPage('sso.email_unverified'));
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a disabled account', async () => {
    await t.ctx.db.execute(
      sql`update users set status = 'disabled', disabled_at = now() where email = 'ressourceperson@demo.amongi.dk'`,
    );
    const c = t.client();
    expect((await signIn(c, 'sub-disabled')).location).toBe(errorPage('auth.account_disabled'));
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('tokens and state that must be refused', () => {
  for (const [what, tamper] of [
    ['another audience', { aud: 'another-client' }],
    ['an expired ID token', { expiredSecondsAgo: 300 }],
    ['a nonce that is not ours', { nonce: 'not-the-nonce' }],
  ] as const)
    it(`refuses ${what}`, async () => {
      idp.tamper = tamper;
      try {
        const c = t.client();
        expect((await signIn(c, 'sub-medarbejder')).location).toBe(errorPage('sso.token_invalid'));
        expect((await c.get('/api/v1/me')).statusCode).toBe(401);
      } finally {
        idp.tamper = null;
      }
    });

  it('refuses a replayed state, in the same browser and in another', async () => {
    const c = t.client();
    const { callbackUrl, location } = await signIn(c, 'sub-medarbejder');
    expect(location).toBe('/');
    const path = `${callbackUrl?.pathname}${callbackUrl?.search}`;
    const again = t.client();
    for (const [k, v] of c.cookies) if (k === 'amongi_oidc_state') again.cookies.set(k, v);
    const state = new URL(`http://x${path}`).searchParams.get('state') as string;
    again.cookies.set('amongi_oidc_state', state);
    const replay = await again.get(path);
    expect(replay.headers.location).toBe(errorPage('sso.state_invalid'));
    expect((await again.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const c = t.client();
    const start = await c.get(`/api/v1/auth/oidc/${providerId}/start`);
    const callbackUrl = await idp.signIn(String(start.headers.location), 'sub-medarbejder');
    const victim = t.client();
    const res = await victim.get(callbackUrl.pathname + callbackUrl.search);
    expect(res.headers.location).toBe(errorPage('sso.state_invalid'));
    expect((await victim.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('across processes and faults', () => {
  it('a callback handled by a second app on the same database signs in (state lives in the database)', async () => {
    const other = await secondApp(t);
    try {
      const c = t.client();
      const there = new TestClient(other.app);
      const { location } = await signIn(c, 'sub-medarbejder', { to: there, returnTo: '/profil' });
      expect(location).toBe('/profil');
      expect((await there.get('/api/v1/me')).json().email).toBe('medarbejder@demo.amongi.dk');
    } finally {
      await other.app.close();
    }
  });

  it('a provider that is down: a clear Danish error page, and local sign-in still works', async () => {
    const res = await admin.post(
      '/api/v1/identity-providers',
      providerBody({ name: 'Nede', issuer: `http://127.0.0.1:${DOWN_PORT}` }),
    );
    const down = res.json().id as string;
    const c = t.client();
    const start = await c.get(`/api/v1/auth/oidc/${down}/start`);
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe(errorPage('sso.provider_unavailable'));
    await c.login('leder@demo.amongi.dk', 'demo1234');
    expect((await c.get('/api/v1/me')).json().email).toBe('leder@demo.amongi.dk');
    await admin.delete(`/api/v1/identity-providers/${down}`);
  });

  it('reads userinfo when the provider is set to (UNI-Login preset), and a switched-off provider is hidden', async () => {
    const res = await admin.post(
      '/api/v1/identity-providers',
      providerBody({ name: 'Med userinfo', useUserinfo: true, claimSubject: 'sub', createUsers: false }),
    );
    const withUserinfo = res.json().id as string;
    const c = t.client();
    expect((await signIn(c, 'sub-second', { pid: withUserinfo })).location).toBe('/');
    expect((await c.get('/api/v1/me')).json().email).toBe('medarbejder@demo.amongi.dk');
    await admin.patch(`/api/v1/identity-providers/${withUserinfo}`, { enabled: false });
    const names = (await t.client().get('/api/v1/auth/providers'))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(names).not.toContain('Med userinfo');
    const off = await t.client().get(`/api/v1/auth/oidc/${withUserinfo}/start`);
    expect(off.headers.location).toBe(errorPage('sso.provider_not_found'));
    await admin.delete(`/api/v1/identity-providers/${withUserinfo}`);
  });

  it('a disabled or unknown provider cannot be started', async () => {
    const c = t.client();
    const unknown = await c.get('/api/v1/auth/oidc/00000000-0000-4000-8000-000000000000/start');
    expect(unknown.headers.location).toBe(errorPage('sso.provider_not_found'));
  });
});

describe('signing out', () => {
  it('ends the provider session too (RP-initiated) when the session came from it; a local one does not', async () => {
    const c = t.client();
    await signIn(c, 'sub-medarbejder');
    const out = await c.post('/api/v1/auth/logout');
    const url = new URL(out.json().endSessionUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://amongi.test/log-ind');
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    const local = await t.as('leder');
    expect((await local.post('/api/v1/auth/logout')).json()).toEqual({ ok: true, endSessionUrl: null });
  });
});
