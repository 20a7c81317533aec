import { count, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../shared/errors.js';
import { outboxEmails } from '../db/schema.js';
import { demoIds, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness.js';
import { authHeaders } from '../testing/upload.js';

/** Focused cases of edge validation (issue 13.6); edge-walk.int.test.ts sends the same values to every route. */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let leder: TestClient;
let medarbejder: TestClient;
let admin: TestClient;
let base: string;
const JSON_TYPE = { 'content-type': 'application/json' };
const FAKE_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  leder = await t.as('leder');
  medarbejder = await t.as('medarbejder');
  admin = await t.as('administrator');
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t?.close());

/** 400 with the stable code, its message in the expected language, and a detail naming the field. */
function expectRefused(
  res: LightMyRequestResponse,
  code: ErrorCode,
  path?: string,
  locale: 'da' | 'en' = 'da',
) {
  expect(res.statusCode, res.body).toBe(400);
  const { error } = res.json();
  expect(error.code).toBe(code);
  expect(error.message).toBe(ERRORS[code][locale]);
  if (path) expect(error.details).toEqual([{ path, message: ERRORS[code][locale] }]);
}
/** A JSON body as the raw text a client sends: JSON.stringify writes NUL and lone surrogates as \u escapes. */
const raw = (c: TestClient, method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown, headers = {}) =>
  c.request(method, url, JSON.stringify(body), { headers: { ...JSON_TYPE, ...headers } });
const outboxCount = async () => (await t.ctx.db.select({ n: count() }).from(outboxEmails))[0].n;

describe('signed out: sign-in and password reset', () => {
  it('a NUL or a lone surrogate in the e-mail or password → 400 request.invalid_text, in Danish or English', async () => {
    const c = t.client();
    expectRefused(
      await raw(c, 'POST', '/api/v1/auth/login', { email: 'leder@demo.amongi.dk\u0000', password: 'x' }),
      'request.invalid_text',
      'body.email',
    );
    expectRefused(
      await raw(
        c,
        'POST',
        '/api/v1/auth/login',
        { email: 'leder@demo.amongi.dk', password: 'a\ud800b' },
        {
          'accept-language': 'en',
        },
      ),
      'request.invalid_text',
      'body.password',
      'en',
    );
    // A well-formed pair (an emoji) is ordinary text: the answer is the ordinary wrong-password one.
    const emoji = await raw(c, 'POST', '/api/v1/auth/login', {
      email: 'leder@demo.amongi.dk',
      password: '🙂🙂',
    });
    expect(emoji.json().error.code).toBe('auth.invalid_credentials');
  });

  it('password reset with a NUL e-mail → 400 request.invalid_text, and no e-mail is queued', async () => {
    const before = await outboxCount();
    expectRefused(
      await raw(t.client(), 'POST', '/api/v1/auth/password-reset', { email: '\u0000leder@demo.amongi.dk' }),
      'request.invalid_text',
      'body.email',
    );
    expect(await outboxCount()).toBe(before);
  });
});

describe('text', () => {
  it('a refused name leaves the saved one as it was; Danish letters and emoji are stored unchanged', async () => {
    const url = `/api/v1/teams/${ids.team.Matematikteamet}`;
    expectRefused(
      await raw(leder, 'PATCH', url, { name: 'Matematik\u0000' }),
      'request.invalid_text',
      'body.name',
    );
    expectRefused(
      await raw(leder, 'PATCH', url, { name: 'Mate\udc00matik' }),
      'request.invalid_text',
      'body.name',
    );
    expect((await leder.get(url)).json().name).toBe('Matematikteamet');
    const ok = await raw(leder, 'PATCH', url, { name: 'Matematikteamet 🧮 æøå' });
    expect(ok.statusCode).toBe(200);
    const [row] = await rows<{ name: string }>(
      t.ctx.db,
      sql`select name from teams where id = ${ids.team.Matematikteamet}`,
    );
    expect(row.name).toBe('Matematikteamet 🧮 æøå');
  });

  it('a NUL in a query (search) or a text path param (a token) → 400 request.invalid_text', async () => {
    expectRefused(await leder.get('/api/v1/people?q=Mette%00'), 'request.invalid_text', 'querystring.q');
    expectRefused(await leder.get('/api/v1/videos?q=%00'), 'request.invalid_text', 'querystring.q');
    expectRefused(
      await t.client().get('/api/v1/auth/invitations/abc%00def'),
      'request.invalid_text',
      'params.token',
    );
  });

  it('a path that is not valid percent-encoding (a lone surrogate as UTF-8) → 400 in the one error shape', async () => {
    const res = await t
      .client()
      .get('/api/v1/auth/invitations/%ED%A0%80', { headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'request.invalid', message: ERRORS['request.invalid'].en } });
  });

  it('a hostile key inside a JSON object is refused too (keys reach jsonb)', async () => {
    const res = await raw(leder, 'PUT', '/api/v1/notifications/preferences', { 'a\u0000b': true });
    expectRefused(res, 'request.invalid_text');
    expect(res.json().error.details[0].path).toBe('body.a\ufffdb');
  });

  it('bodies without a JSON schema: a WebVTT caption and a staff CSV with a NUL → 400', async () => {
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:01.000\nHej\u0000\n';
    const caption = await medarbejder.request('PUT', `/api/v1/videos/${FAKE_ID}/captions/da`, vtt, {
      headers: { 'content-type': 'text/vtt' },
    });
    expectRefused(caption, 'request.invalid_text', 'body');
    const csv =
      'navn;e-mail;institution;team;rolle\nNy\u0000 Person;ny@skole.dk;Solsikkeskolen;;medarbejder\n';
    const imported = await leder.post('/api/v1/imports/staff', Buffer.from(csv), {
      headers: { 'content-type': 'text/csv' },
    });
    expectRefused(imported, 'request.invalid_text');
  });

  it('tus Upload-Metadata with a NUL in the title → 400 request.invalid_text, and no video is made', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const before = await rows(t.ctx.db, sql`select id from videos`);
    const res = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `filename ${b64('klip.mp4')},title ${b64('Min\u0000 time')}`,
        ...(await authHeaders(medarbejder)),
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('request.invalid_text');
    expect(await rows(t.ctx.db, sql`select id from videos`)).toHaveLength(before.length);
  });
});

describe('numbers', () => {
  it('1e-50 (underflows a real) and 1e400 (not finite) in a JSON body → 400 request.invalid_number', async () => {
    const url = `/api/v1/videos/${FAKE_ID}/views/${FAKE_ID}`;
    expectRefused(
      await raw(medarbejder, 'PATCH', url, { watchedSeconds: 1e-50 }),
      'request.invalid_number',
      'body.watchedSeconds',
    );
    const inf = await medarbejder.request('PATCH', url, '{"watchedSeconds": 1e400}', { headers: JSON_TYPE });
    expectRefused(inf, 'request.invalid_number', 'body.watchedSeconds');
  });

  it('an observation answer of 1e-50 → 400 request.invalid_number, and nothing is recorded', async () => {
    const [visit] = await rows<{ id: string }>(t.ctx.db, sql`select id from observation_visits limit 1`);
    const answer = { itemKey: 'k1', value: 1e-50, answeredAt: '2026-03-02T10:00:00Z' };
    const body = { syncKey: 'edge-1', schemaId: 'x', answers: [answer] };
    const res = await raw(leder, 'PUT', `/api/v1/observation/visits/${visit?.id ?? FAKE_ID}/record`, body);
    expectRefused(res, 'request.invalid_number', 'body.answers.0.value');
    expect(
      await rows(t.ctx.db, sql`select 1 from observation_answers where value_num < 1e-30 and value_num > 0`),
    ).toEqual([]);
  });
});

describe('dates', () => {
  it('year 0000 and 2026-02-30 in a query → 400 request.invalid_date; 29 February of a leap year is fine', async () => {
    expectRefused(
      await leder.get('/api/v1/statistics?from=0000-01-01'),
      'request.invalid_date',
      'querystring.from',
    );
    expectRefused(
      await leder.get('/api/v1/statistics?to=2026-02-30'),
      'request.invalid_date',
      'querystring.to',
    );
    expect((await admin.get('/api/v1/statistics?from=2024-02-29')).statusCode).toBe(200);
  });

  it('year 0000 in a body date and date-time → 400 request.invalid_date', async () => {
    const consent = { pupilsAppear: true, consentLevel: 'private', collectedOn: '0000-01-01' };
    expectRefused(
      await raw(medarbejder, 'PUT', `/api/v1/videos/${FAKE_ID}/consent`, consent),
      'request.invalid_date',
      'body.collectedOn',
    );
    const session = { startsAt: '0000-01-01T10:00:00Z', endsAt: '0000-01-01T12:00:00Z' };
    const res = await raw(leder, 'POST', `/api/v1/training/courses/${FAKE_ID}/sessions`, session);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid_date');
  });

  it('a self-observation planned for 0000-01-01 → 400 observation.invalid_date (the existing code)', async () => {
    const body = { institutionId: ids.institution.Solsikkeskolen, plannedFor: '0000-01-01' };
    const res = await raw(medarbejder, 'POST', '/api/v1/observation/self', body);
    expect([res.statusCode, res.json().error?.code]).toEqual([400, 'observation.invalid_date']);
  });
});

describe('list cursors', () => {
  it('a crafted cursor on every paginated route answers 400, never 500', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const stamp = '2026-03-02T10:00:00.000000Z';
    const cursors = [
      ['Mette\u0000', FAKE_ID],
      ['x\ud800', FAKE_ID],
      ['0000-01-01T00:00:00.000000Z', FAKE_ID],
      ['2026-13-45T10:00:00.000000Z', FAKE_ID],
      ['2026-02-30 10:00:00+01', FAKE_ID],
      ['0000-01-01', FAKE_ID],
      ['0000-01-01', FAKE_ID, FAKE_ID],
      [0, '0000-01-01T00:00:00.000000Z', FAKE_ID],
      ['0000-01-01T00:00:00.000000Z', 'video', FAKE_ID],
      ['relevance', 1e-50, '1767225600000000', FAKE_ID],
      [1e-50, stamp, FAKE_ID],
    ].map(b64);
    const doc = (await leder.get('/api/openapi.json')).json();
    const failures: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>,
    )) {
      const get = ops.get;
      const param = get?.parameters?.find(
        (p) => p.in === 'query' && (p.name === 'cursor' || p.name === 'before'),
      );
      if (!param) continue;
      const url = path.replace('{id}', ids.institution.Solsikkeskolen);
      for (const c of cursors) {
        const extra = path === '/api/v1/videos' ? '&sort=relevance&q=matematik' : '';
        for (const who of path.includes('outbox') ? [leder, admin] : [leder]) {
          const res = await who.get(`${url}?${param.name}=${c}${extra}`);
          checked++;
          if (res.statusCode >= 500)
            failures.push(`${path} ${Buffer.from(c, 'base64url').toString()} → ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe('text the server shortens', () => {
  it('copying a package whose title has an emoji where " (kopi)" cuts it: 201, no half emoji stored', async () => {
    const title = `${'x'.repeat(192)}🙂y`;
    const created = await raw(leder, 'POST', '/api/v1/packages', { title });
    expect(created.statusCode, created.body).toBe(201);
    const copy = await leder.post(`/api/v1/packages/${created.json().id}/copy`);
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json().title).toBe(`${'x'.repeat(192)} (kopi)`);
  });
});
