import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timestamp } from '../../shared/contracts/common.js';
import { PackageDetail } from '../../shared/contracts/packages.js';
import { createTestApp, secondApp, type TestApp } from '../testing/harness.js';
import { reply } from './schemas.js';

/**
 * Issue 14: one contract per endpoint. Every route documents its success answer in OpenAPI (so a client knows
 * the shape), and the answer is serialized through that contract (so a field that is not in it never leaves).
 */

type Operation = {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: object }>;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A documented schema that says something: not `{}`, not "anything". */
const meaningful = (schema: unknown) =>
  !!schema &&
  typeof schema === 'object' &&
  Object.keys(schema).some((k) => k !== 'description' && k !== '$schema');

describe('the OpenAPI document', () => {
  it('documents a success answer with a real schema for every route', async () => {
    const doc = (await t.client().request('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const missing: string[] = [];
    let routes = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        routes++;
        // A redirect (303 See Other: the OIDC sign-in's steps) is a success answer too.
        const success = Object.entries(op.responses ?? {}).filter(([code]) => /^(2|303)/.test(code));
        // 204 No Content has no body to describe, nor has a protocol answer without body that documents its
        // headers (tus: 201 with Location; a redirect's Location); every other success answer has a schema.
        const described = success.some(
          ([code, r]) =>
            code === '204' ||
            (!r.content && Object.keys(r.headers ?? {}).length > 0) ||
            Object.values(r.content ?? {}).some((c) => meaningful(c.schema)),
        );
        if (!described) missing.push(`${method.toUpperCase()} ${path}`);
      }
    expect(routes).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it('documents the tus upload answers by status and headers, without a body', async () => {
    const doc = (await t.client().request('GET', '/api/openapi.json')).json();
    const created = doc.paths['/api/v1/uploads'].post.responses['201'];
    expect(created.content).toBeUndefined();
    expect(Object.keys(created.headers)).toContain('Location');
    expect(doc.paths['/api/v1/uploads/{id}'].patch.responses['204'].content).toBeUndefined();
  });

  it('shows a timestamp as an ISO date-time string', async () => {
    const doc = (await t.client().request('GET', '/api/openapi.json')).json();
    const schema = doc.paths['/api/v1/packages/{id}'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(schema.properties.createdAt)).toContain('date-time');
  });
});

describe('serializing through the contract', () => {
  let app: Awaited<ReturnType<typeof secondApp>>['app'];
  beforeAll(async () => {
    ({ app } = await secondApp(t));
    // A route whose handler returns more than its contract names, as a careless service might.
    const leaky: FastifyPluginAsyncZod = async (a) => {
      a.get(
        '/api/v1/contract-probe',
        { schema: { response: reply(z.object({ id: z.string(), at: timestamp })) } },
        async () => ({ id: 'x', at: new Date('2026-12-06T10:00:00Z'), passwordHash: 'secret' }) as never,
      );
    };
    await app.register(leaky);
    await app.ready();
  });
  afterAll(() => app.close());

  it('drops a field the contract does not declare, and writes a Date as its ISO string', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/contract-probe' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'x', at: '2026-12-06T10:00:00.000Z' });
    expect(res.body).not.toContain('secret');
  });

  it('answers a real route with exactly the fields of its contract', async () => {
    const teacher = await t.as('medarbejder');
    const made = await teacher.request('POST', '/api/v1/packages', { title: 'Kontrakt' });
    expect(made.statusCode).toBe(201);
    const got = (await teacher.request('GET', `/api/v1/packages/${made.json().id}`)).json();
    expect(Object.keys(got).sort()).toEqual(
      Object.keys(PackageDetail.shape)
        .filter((k) => k in got)
        .sort(),
    );
    expect(() => z.decode(PackageDetail, got)).not.toThrow();
  });
});
