import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../shared/errors.js';
import { demoIds, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let leder: TestClient;
const EN = { headers: { 'accept-language': 'en' } };

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  leder = await t.as('leder');
});
afterAll(() => t?.close());

/** The one error shape: { error: { code, message[, details] } } with the message in the expected language. */
function expectError(
  res: LightMyRequestResponse,
  status: number,
  code: ErrorCode,
  locale: 'da' | 'en' = 'da',
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  const { details, ...rest } = body.error;
  expect(rest).toEqual({ code, message: ERRORS[code][locale] });
  if (details !== undefined)
    expect(details).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]));
  return body.error as { details?: { path: string; message: string }[] };
}

const teamsUrl = () => `/api/v1/institutions/${ids.institution.Solsikkeskolen}/teams`;

describe('malformed and invalid bodies', () => {
  it('malformed JSON → 400 request.malformed_json, in Danish or English', async () => {
    const headers = { 'content-type': 'application/json' };
    expectError(
      await leder.request('POST', teamsUrl(), '{"name": "x",', { headers }),
      400,
      'request.malformed_json',
    );
    expectError(
      await t.client().request('POST', '/api/v1/auth/login', '{"email": ', {
        headers: { ...headers, 'accept-language': 'en' },
      }),
      400,
      'request.malformed_json',
      'en',
    );
    expectError(await leder.request('POST', teamsUrl(), '', { headers }), 400, 'request.malformed_json');
  });

  it('missing and extra fields → 400 request.invalid with details naming them', async () => {
    const missing = expectError(await leder.post(teamsUrl(), { name: 'Nyt team' }), 400, 'request.invalid');
    expect(missing.details?.map((d) => d.path)).toEqual(['body.type']);
    const extra = expectError(
      await leder.post(teamsUrl(), { name: 'Nyt team', type: 'fagteam', isAdmin: true }),
      400,
      'request.invalid',
    );
    expect(JSON.stringify(extra.details)).toContain('isAdmin');
    const wrongEnum = expectError(
      await leder.post(teamsUrl(), { name: 'Nyt team', type: 'bestyrelse' }),
      400,
      'request.invalid',
    );
    expect(wrongEnum.details?.[0].path).toBe('body.type');
  });

  it('a name of 1,000,000 characters → 400 request.invalid; a body over 1 MB → 413 request.too_large', async () => {
    const long = expectError(
      await leder.post(teamsUrl(), { name: 'x'.repeat(1_000_000), type: 'fagteam' }),
      400,
      'request.invalid',
    );
    expect(long.details?.[0].path).toBe('body.name');
    expect(JSON.stringify(long).length).toBeLessThan(2000);
    expectError(
      await leder.post(teamsUrl(), { name: 'x'.repeat(2_000_000), type: 'fagteam' }),
      413,
      'request.too_large',
    );
  });

  it('an unsupported content type → 415 request.unsupported_type', async () => {
    const res = await leder.request('POST', teamsUrl(), '<team/>', {
      headers: { 'content-type': 'application/xml' },
    });
    expectError(res, 415, 'request.unsupported_type');
  });

  it('a blank name (only spaces) is refused; surrounding spaces are trimmed', async () => {
    expectError(await leder.post(teamsUrl(), { name: '   ', type: 'fagteam' }), 400, 'request.invalid');
    const res = await leder.post(teamsUrl(), { name: '  Trimmet team  ', type: 'fagteam' });
    expect(res.json().name).toBe('Trimmet team');
  });

  it('HTML and script in names are stored verbatim and come back unchanged as JSON text', async () => {
    const name = '<script>alert(1)</script> & "Ø" <img src=x onerror=alert(2)>';
    const created = await leder.post(teamsUrl(), { name, type: 'fagteam' });
    expect(created.statusCode).toBe(201);
    const read = await leder.get(`/api/v1/teams/${created.json().id}`);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json().name).toBe(name);
    const stored = await rows(t.ctx.db, sql`select name from teams where id = ${created.json().id}`);
    expect(stored).toEqual([{ name }]);
  });
});

describe('ids and routes', () => {
  it('a non-uuid id → 400 request.invalid naming params.id', async () => {
    for (const url of ['/api/v1/teams/abc', '/api/v1/people/1', "/api/v1/institutions/'%20or%201=1"]) {
      const e = expectError(await leder.get(url), 400, 'request.invalid');
      expect(e.details?.[0].path).toBe('params.id');
    }
  });

  it('an id of another institution → 404, the same answer as an id that does not exist', async () => {
    const other = await leder.get(`/api/v1/teams/${ids.team.Naturfagsteamet}`);
    expectError(other, 404, 'team.not_found');
    expect(other.body).toBe((await leder.get('/api/v1/teams/00000000-0000-4000-8000-000000000000')).body);
  });

  it('unknown routes → 404 route.not_found in the error shape, for GET and POST, signed in or not', async () => {
    expectError(await leder.get('/api/v1/nope'), 404, 'route.not_found');
    expectError(await leder.post('/api/v1/nope', {}), 404, 'route.not_found');
    expectError(await t.client().get('/api/v2/teams', EN), 404, 'route.not_found', 'en');
    expectError(await leder.request('PUT', '/api/v1/kommuner', {}), 404, 'route.not_found');
  });

  it('query strings are validated too', async () => {
    expectError(await leder.get('/api/v1/people?limit=0'), 400, 'request.invalid');
    expectError(await leder.get('/api/v1/people?unknown=1'), 400, 'request.invalid');
  });
});

describe('sessions, sign-in and CSRF', () => {
  it('without a session → 401 auth.required', async () => {
    expectError(await t.client().get('/api/v1/me'), 401, 'auth.required');
    expectError(await t.client().get('/api/v1/people', EN), 401, 'auth.required', 'en');
  });

  it('a wrong password and an unknown e-mail get the same 401', async () => {
    const c = t.client();
    const wrong = await c.post('/api/v1/auth/login', {
      email: 'leder@demo.amongi.dk',
      password: 'forkert-kode',
    });
    const unknown = await c.post('/api/v1/auth/login', {
      email: 'ingen@demo.amongi.dk',
      password: 'forkert-kode',
    });
    expectError(wrong, 401, 'auth.invalid_credentials');
    expect(unknown.body).toBe(wrong.body);
    expectError(
      await c.post('/api/v1/auth/login', { email: 'leder@demo.amongi.dk' }),
      400,
      'request.invalid',
    );
  });

  it('an expired session → 401 auth.session_expired, and the session row is gone', async () => {
    const c = await t.as('medarbejder');
    await t.ctx.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${ids.user.medarbejder}`,
    );
    expectError(await c.get('/api/v1/me'), 401, 'auth.session_expired');
    expect(await rows(t.ctx.db, sql`select 1 from sessions where user_id = ${ids.user.medarbejder}`)).toEqual(
      [],
    );
    expectError(await c.get('/api/v1/me'), 401, 'auth.session_expired');
  });

  it('writes without a CSRF token → 403 auth.csrf_invalid, even signed in, and nothing is written', async () => {
    const c = await t.as('leder');
    const before = (await c.get(teamsUrl())).json().items.length;
    const body = { name: 'Uden CSRF', type: 'fagteam' };
    expectError(await c.post(teamsUrl(), body, { csrf: false }), 403, 'auth.csrf_invalid');
    c.csrf = 'forged-token-forged-token-forged-token-xx';
    expectError(await c.post(teamsUrl(), body), 403, 'auth.csrf_invalid');
    expectError(await c.request('PATCH', '/api/v1/me', { name: 'X' }), 403, 'auth.csrf_invalid');
    expectError(await c.request('DELETE', `/api/v1/teams/${ids.team.Udskolingen}`), 403, 'auth.csrf_invalid');
    // A percent-encoded path still reaches the API route, so it must still be checked.
    const encoded = await c.post(`/%61pi/v1/institutions/${ids.institution.Solsikkeskolen}/teams`, body, {
      csrf: false,
    });
    expectError(encoded, 403, 'auth.csrf_invalid');
    expect((await c.get(teamsUrl())).json().items.length).toBe(before);
  });
});

describe('language', () => {
  it('Danish by default and English by Accept-Language before sign-in', async () => {
    const c = t.client();
    const url = '/api/v1/me';
    expectError(await c.get(url), 401, 'auth.required', 'da');
    expectError(
      await c.get(url, { headers: { 'accept-language': 'en-US,en;q=0.8,da;q=0.5' } }),
      401,
      'auth.required',
      'en',
    );
    expectError(
      await c.get(url, { headers: { 'accept-language': 'da;q=0.4,en;q=0.9' } }),
      401,
      'auth.required',
      'en',
    );
    expectError(
      await c.get(url, { headers: { 'accept-language': 'de-DE,fr;q=0.9' } }),
      401,
      'auth.required',
      'da',
    );
  });

  it('once signed in, the user’s own locale wins over Accept-Language', async () => {
    const c = await t.as('ressourceperson');
    const url = `/api/v1/teams/${ids.team.Vuggestuen}`;
    expectError(await c.get(url, EN), 404, 'team.not_found', 'da');
    expect((await c.patch('/api/v1/me', { locale: 'en' })).json().locale).toBe('en');
    expectError(await c.get(url), 404, 'team.not_found', 'en');
    expectError(await c.get(url, { headers: { 'accept-language': 'da' } }), 404, 'team.not_found', 'en');
    expectError(await c.post(teamsUrl(), { name: 'X', type: 'fagteam' }), 403, 'policy.forbidden', 'en');
  });
});
