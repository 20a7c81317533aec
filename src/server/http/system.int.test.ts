import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestApp, createTestDatabase, type TestApp } from '../testing/harness.js';

const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN });
});
afterAll(() => t?.close());

/**
 * Every route the app registered, as 'METHOD /path/{param}', read from Fastify's own route tree
 * (printRoutes with commonPrefix off prints one node per path segment group, children indented by 4).
 */
function registeredRoutes(app: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    const m = /^(.+) \(([A-Z, ]+)\)$/.exec(line.slice(at + 3));
    if (at < 0 || !m) continue;
    stack.length = (at - 1) / 4;
    stack.push(m[1]);
    const path = stack.join('').replace(/^\/+/, '/');
    for (const method of m[2].split(', ')) out.push(`${method} ${path}`);
  }
  return out;
}

describe('/healthz and /metrics', () => {
  it('/healthz answers 200 {"status":"ok"} while the database answers', async () => {
    const res = await t.client().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/metrics answers 401 without the right Bearer token, and says how to authenticate', async () => {
    const tries: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-of-another-length' },
      { authorization: `Bearer ${METRICS_TOKEN.replace(/.$/, 'x')}` }, // same length, last character differs
      { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}` },
      { authorization: METRICS_TOKEN },
    ];
    for (const headers of tries) {
      const res = await t.client().get('/metrics', { headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.json().error.code).toBe('auth.required');
      expect(res.body).not.toContain('amongi_http_request_duration_seconds');
    }
    const signedIn = await t.as('administrator');
    expect((await signedIn.get('/metrics')).statusCode).toBe(401); // a session is not the token
  });

  it('/metrics does not exist (404) when METRICS_TOKEN is not set', async () => {
    const { database, drop } = await createTestDatabase();
    const { app } = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      database,
      secret: 'x'.repeat(40),
      logger: false,
    });
    try {
      for (const authorization of [undefined, 'Bearer ', 'Bearer undefined']) {
        const res = await app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('route.not_found');
      }
    } finally {
      await app.close();
      await drop();
    }
  });

  it('/healthz answers 503 once the database is gone', async () => {
    const { database, drop } = await createTestDatabase();
    const { app } = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      database,
      secret: 'x'.repeat(40),
      logger: false,
    });
    try {
      expect((await app.inject('/healthz')).statusCode).toBe(200);
      await database.close();
      const res = await app.inject('/healthz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable' });
    } finally {
      await app.close();
      await drop();
    }
  });

  it('/metrics is Prometheus text with request durations labelled by route pattern, not raw URL', async () => {
    const c = await t.as('medarbejder');
    await c.get('/api/v1/me');
    await c.get('/api/v1/teams/00000000-0000-4000-8000-000000000000');
    await c.get('/api/v1/no-such-route/123');
    const res = await t.client().get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('# TYPE amongi_http_request_duration_seconds histogram');
    expect(res.body).toMatch(
      /amongi_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="200"\} \d+/,
    );
    expect(res.body).toContain('route="/api/v1/teams/:id",status="404"');
    expect(res.body).toContain('route="unmatched",status="404"');
    expect(res.body).not.toContain('no-such-route');
    expect(res.body).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });
});

describe('OpenAPI', () => {
  it('is an OpenAPI 3 document that lists every registered /api/v1 and /scim/v2 route and method, and nothing else', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Amongi API');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // Fastify adds HEAD to every GET, and the tus CORS preflights (OPTIONS) are not part of the API; the tus
    // HEAD on an upload is.
    const all = registeredRoutes(t.app);
    const registered = all
      // The API, and the SCIM 2.0 endpoints for staff sync (issue 20), which live beside it at /scim/v2.
      .filter((r) => (r.includes(' /api/v1/') || r.includes(' /scim/v2/')) && !r.startsWith('OPTIONS '))
      .filter((r) => !r.startsWith('HEAD ') || !all.includes(r.replace(/^HEAD/, 'GET')))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(registered.length).toBeGreaterThan(30);
    expect(registered).toContain('DELETE /api/v1/people/{id}/grants/{grantId}');
    expect(registered).toEqual(expect.arrayContaining(['POST /api/v1/uploads', 'HEAD /api/v1/uploads/{id}']));
    expect(registered).toContain('GET /scim/v2/Users');
    expect([...new Set(documented)].sort()).toEqual([...new Set(registered)].sort());
  });

  it('documents request bodies and parameters from the zod schemas', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    const createTeam = doc.paths['/api/v1/institutions/{id}/teams'].post;
    expect(createTeam.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]),
    );
    const schema = createTeam.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'type']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.type.enum).toContain('aargangsteam');
  });
});
