import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, rows } from '../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness.js';

/**
 * Walks EVERY route of the OpenAPI document and sends hostile values in each field it declares: strings with
 * a NUL or a lone surrogate, dates 0000-01-01 and 2026-02-30, numbers 1e-50. No answer may be a 500, and a
 * route that takes such a field answers 400 with the stable code — whatever the rest of the request holds.
 */

type Schema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  $ref?: string;
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};
type Variant = 'nul' | 'surrogate' | 'year0' | 'feb30' | 'tiny';
const VARIANTS: Variant[] = ['nul', 'surrogate', 'year0', 'feb30', 'tiny'];
const EXPECTED: Record<Variant, string[]> = {
  nul: ['request.invalid_text'],
  surrogate: ['request.invalid_text'],
  year0: ['request.invalid_date'],
  feb30: ['request.invalid_date'],
  // A query number is text until coerced: 1e-50 is not an integer (request.invalid) or underflows.
  tiny: ['request.invalid_number', 'request.invalid'],
};

let t: TestApp;
let client: TestClient;
let components: Record<string, Schema> = {};
const realIds: Record<string, string> = {};
const FAKE_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  client = await t.as('administrator');
  const ids = await demoIds(t.ctx.db);
  const [video] = await rows<{ id: string }>(t.ctx.db, sql`select id from videos limit 1`);
  // A real id per path prefix, so that today's code would reach the database with the hostile value.
  Object.assign(realIds, {
    institutions: ids.institution.Solsikkeskolen,
    kommuner: ids.kommune['Fjordby Kommune'],
    teams: ids.team.Matematikteamet,
    people: ids.user.medarbejder,
    videos: video?.id ?? FAKE_ID,
  });
});
afterAll(() => t?.close());

/** One value for a JSON schema; `hit` records which kind of hostile value was placed. */
function value(s: Schema, v: Variant, hit: Set<string>, depth = 0): unknown {
  if (depth > 8) return null;
  if (s.$ref) return value(components[s.$ref.split('/').pop() ?? ''] ?? {}, v, hit, depth + 1);
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return value(alt.find((a) => a.type !== 'null') ?? alt[0], v, hit, depth + 1);
  if (s.allOf) return value(Object.assign({}, ...s.allOf), v, hit, depth + 1);
  if (s.type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = value(p, v, hit, depth + 1);
    if (typeof s.additionalProperties === 'object') out.k = value(s.additionalProperties, v, hit, depth + 1);
    return out;
  }
  if (s.type === 'array')
    return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
      value(s.items ?? {}, v, hit, depth + 1),
    );
  if (s.type === 'boolean') return true;
  if (s.type === 'number' || s.type === 'integer') {
    if (v === 'tiny') {
      hit.add('number');
      return 1e-50;
    }
    return Math.max(1, s.minimum ?? 1);
  }
  if (s.type === 'string' || s.format || s.enum) {
    if (s.format === 'date' || s.format === 'date-time') {
      const d = v === 'year0' ? '0000-01-01' : v === 'feb30' ? '2026-02-30' : '2026-03-02';
      if (v === 'year0' || v === 'feb30') hit.add('date');
      if (v === 'nul' || v === 'surrogate') hit.add('text');
      const text = s.format === 'date' ? d : `${d}T10:00:00Z`;
      return v === 'nul' ? `${text}\u0000` : v === 'surrogate' ? `${text}\ud800` : text;
    }
    const benign =
      s.enum?.[0] !== undefined
        ? String(s.enum[0])
        : s.format === 'uuid'
          ? FAKE_ID
          : s.format === 'email'
            ? 'leder@demo.amongi.dk'
            : 'x'.repeat(Math.max(1, s.minLength ?? 1));
    if (v === 'nul' || v === 'surrogate') hit.add('text');
    return v === 'nul'
      ? `${benign.slice(0, -1)}\u0000`
      : v === 'surrogate'
        ? `${benign.slice(0, -1)}\ud800`
        : benign;
  }
  return null;
}

/** The URL with path params filled (a real id where the prefix names one) and the query built. */
function url(path: string, op: Operation, v: Variant, hit: Set<string>) {
  const query = new URLSearchParams();
  let prefix = '';
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const p = op.parameters?.find((x) => x.in === 'path' && x.name === name);
    const segment = path.split('/').at(path.split('/').indexOf(`{${name}}`) - 1) ?? '';
    prefix = segment;
    if (p?.schema.format === 'uuid') return name === 'id' ? (realIds[prefix] ?? FAKE_ID) : FAKE_ID;
    // A text path param (token, file, language): hostile too. A lone surrogate cannot be percent-encoded.
    if (v === 'nul') {
      hit.add('text');
      return encodeURIComponent('x\u0000');
    }
    return 'da';
  });
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query') continue;
    const hitHere = new Set<string>();
    const val = value(p.schema, v, hitHere);
    if (v === 'surrogate' && hitHere.has('text')) continue; // USVString: URLSearchParams would replace it
    if (v === 'tiny' && hitHere.has('number')) {
      query.set(p.name, '1e-50');
      hit.add('number');
      continue;
    }
    for (const h of hitHere) hit.add(h);
    if (val !== null && val !== undefined) query.set(p.name, String(val));
  }
  const qs = query.toString();
  return qs ? `${filled}?${qs}` : filled;
}

describe('every route refuses hostile text, dates and numbers at the edge', () => {
  it('no 500 anywhere; 400 with a stable code wherever a hostile value was sent', async () => {
    const doc = (await client.get('/api/openapi.json')).json();
    components = doc.components?.schemas ?? {};
    const failures: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === '/api/v1/auth/logout' || path === '/api/v1/me/sessions') continue; // would end the session
        const jsonBody = op.requestBody?.content?.['application/json']?.schema;
        for (const v of VARIANTS) {
          const hit = new Set<string>();
          const target = url(path, op, v, hit);
          const body = jsonBody ? value(jsonBody, v, hit) : undefined;
          const m = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
          if (m !== 'GET' && m !== 'POST' && m !== 'PUT' && m !== 'PATCH' && m !== 'DELETE') continue;
          if (!hit.size) continue;
          const res = await client.request(m, target, body === undefined ? undefined : JSON.stringify(body), {
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
          });
          checked++;
          const json = String(res.headers['content-type']).startsWith('application/json');
          // SCIM (/scim/v2) answers its own error shape; the stable code ends its detail: "… (request.invalid_text)".
          const scim = String(res.headers['content-type']).startsWith('application/scim+json');
          const code = json
            ? (res.json()?.error?.code as string | undefined)
            : scim
              ? /\(([a-z_.]+)\)$/.exec(String(res.json()?.detail))?.[1]
              : undefined;
          const label = `${m} ${path} [${v}] → ${res.statusCode} ${code ?? ''}`;
          if (res.statusCode >= 500) failures.push(label);
          else if (hit.size && !(res.statusCode === 400 && code && EXPECTED[v].includes(code)))
            failures.push(`${label} (expected 400 ${EXPECTED[v].join('|')})`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Every variant reached well over a hundred routes (today: 200 requests).
    expect(checked).toBeGreaterThan(150);
  });
});
