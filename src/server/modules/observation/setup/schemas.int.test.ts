import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SchemaDefinition,
  type SchemaDefinitionInput,
  schemaDefinitionInput,
} from '../../../../shared/observation.js';
import { auditLog } from '../../../db/schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import type { ObservationStarter, SchemaOverview, SchemaVersion } from '../types.js';
import { insertSchemaVersion } from './schemas-repo.js';

/** O1: the learning focus and schema, saved as versions whose item keys carry over while unchanged. */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let leder: TestClient;
let sol: string;
let maelk: string;
let bakke: string;

const schemaUrl = (inst: string) => `/api/v1/observation/institutions/${inst}/schema`;
const asInput = (d: SchemaDefinition): SchemaDefinitionInput => structuredClone(d);

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  maelk = ids.institution['Børnehuset Mælkebøtten'];
  bakke = ids.institution.Bakkeskolen;
  leder = await t.as('leder');
});
afterAll(() => t.close());

describe('starter', () => {
  it('gives a signed-in person the Danish starter schema and guide; nobody else', async () => {
    const res = await (await t.as('medarbejder')).get('/api/v1/observation/starter');
    expect(res.statusCode).toBe(200);
    const body = res.json() as ObservationStarter;
    expect(body.schema.focusAreas.map((a) => a.title)).toContain('Feedback og elevernes læring');
    expect(body.guide).toContain('Hvad sker der med data?');
    expect(err(await t.client().get('/api/v1/observation/starter'))[0]).toBe(401);
  });

  it('gives a dagtilbud the learning environment starter and a klub its own; a school the school one', async () => {
    const leder2 = await t.as('leder2');
    const get = async (kind?: string) => {
      const res = await leder2.get(`/api/v1/observation/starter${kind ? `?kind=${kind}` : ''}`);
      expect(res.statusCode).toBe(200);
      return res.json() as ObservationStarter;
    };
    const text = (s: ObservationStarter) =>
      JSON.stringify(s.schema.focusAreas.map((a) => [a.title, a.description, a.indicators, a.pupilItems]));
    const dag = await get('dagtilbud');
    expect(dag.schema.focusAreas.map((a) => a.title)).toEqual([
      'Læringsmiljøet hele dagen',
      'Leg og børnefællesskaber',
      'Relationer og børneperspektivet',
      'De seks læreplanstemaer i praksis',
    ]);
    // The school's words never reach a dagtilbud: no pupils, teachers, lessons or blackboard.
    expect(text(dag)).not.toMatch(/elev|lærer|lektion|timen|tavle|klasse/i);
    expect(dag.guide).toContain('de ældste børn');
    expect(dag.guide).not.toMatch(/elev|lærer|undervisning/i);
    // The pupil interview is a short interview of the oldest children, on five-step scales a child can answer.
    expect(dag.schema.focusAreas.every((a) => a.pupilItems.length > 0)).toBe(true);
    const klub = await get('klub');
    expect(klub.schema.focusAreas.map((a) => a.title)).toContain('De unges medbestemmelse');
    expect(text(klub)).not.toMatch(/elev|lærer|lektion|tavle/i);
    expect(klub.guide).toContain('klubben');
    const school = await get();
    expect(school.schema.focusAreas.map((a) => a.title)).toContain('Feedback og elevernes læring');
    expect((await get('skole')).schema).toEqual(school.schema);
    expect(err(await leder2.get('/api/v1/observation/starter?kind=vuggestue'))[0]).toBe(400);
    // Every starter is a valid schema as it stands.
    for (const st of [dag, klub]) expect(schemaDefinitionInput.safeParse(st.schema).success).toBe(true);
  });
});

describe('schema versions', () => {
  let v1: SchemaVersion;

  it('has no schema before a leader saves one', async () => {
    const res = await leder.get(schemaUrl(sol));
    expect(res.json()).toEqual({ current: null, versions: [] });
  });

  it('lets the leader save the starter as version 1, keyed and audited', async () => {
    const starter = ((await leder.get('/api/v1/observation/starter')).json() as ObservationStarter).schema;
    const res = await leder.post(schemaUrl(sol), starter);
    expect(res.statusCode).toBe(201);
    v1 = res.json();
    expect(v1.version).toBe(1);
    expect(v1.institutionId).toBe(sol);
    expect(v1.createdBy).toEqual({ id: ids.user.leder, name: 'Lene Dalgaard' });
    expect(v1.definition.focusAreas).toHaveLength(starter.focusAreas.length);
    expect(v1.definition.focusAreas.every((a) => a.indicators.every((i) => i.key.length === 36))).toBe(true);
    const logged = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'observation.schema.save'), eq(auditLog.subjectId, sol)));
    expect(logged).toHaveLength(1);
    expect(logged[0].actorId).toBe(ids.user.leder);
  });

  it('makes version 2 on edit: unchanged keys kept, a changed indicator re-keyed, script kept as text', async () => {
    const input = asInput(v1.definition);
    input.focusAreas[0].indicators[0].text = '<script>alert("x")</script> Målet står på tavlen';
    input.focusAreas[1].title = 'Feedback, der flytter';
    const res = await leder.post(schemaUrl(sol), input);
    expect(res.statusCode).toBe(201);
    const v2 = res.json() as SchemaVersion;
    expect(v2.version).toBe(2);
    const [a1, b1] = v1.definition.focusAreas;
    const [a2, b2] = v2.definition.focusAreas;
    expect(a2.indicators[0].key).not.toBe(a1.indicators[0].key);
    expect(a2.indicators[0].text).toBe('<script>alert("x")</script> Målet står på tavlen');
    expect(a2.indicators.slice(1).map((i) => i.key)).toEqual(a1.indicators.slice(1).map((i) => i.key));
    expect(a2.pupilItems.map((i) => i.key)).toEqual(a1.pupilItems.map((i) => i.key));
    expect(b2.key).toBe(b1.key);
    expect(b2.title).toBe('Feedback, der flytter');

    const overview = (await leder.get(schemaUrl(sol))).json() as SchemaOverview;
    expect(overview.current?.id).toBe(v2.id);
    expect(overview.versions.map((v) => v.version)).toEqual([2, 1]);
    // The old version stays as it was.
    const old = (await leder.get(`/api/v1/observation/schemas/${v1.id}`)).json() as SchemaVersion;
    expect(old.definition).toEqual(v1.definition);
  });

  it('gives concurrent saves distinct, consecutive versions', async () => {
    const input = asInput(v1.definition);
    const results = await Promise.all([1, 2, 3].map(() => leder.post(schemaUrl(sol), input)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const versions = results.map((r) => (r.json() as SchemaVersion).version).sort();
    expect(versions).toEqual([3, 4, 5]);
  });

  it('numbers versions safely when insertSchemaVersion is called at once from elsewhere', async () => {
    const def = v1.definition;
    const rows = await Promise.all(
      [1, 2, 3, 4].map(() => insertSchemaVersion(t.ctx.db, maelk, def, ids.user.leder2)),
    );
    expect(rows.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it('refuses invalid definitions with request.invalid and saves nothing', async () => {
    const good = asInput(v1.definition);
    const bad: unknown[] = [
      { ...good, focusAreas: [] },
      { ...good, focusAreas: Array.from({ length: 13 }, () => good.focusAreas[0]) },
      { ...good, pupilCount: 5 },
      {
        focusAreas: [{ title: 'A', indicators: [{ text: 'Skala uden skala', type: 'scale' }] }],
      },
      {
        focusAreas: [
          {
            title: 'A',
            indicators: [{ text: 'Ja/nej med skala', type: 'yesno', scale: { min: 1, max: 7 } }],
          },
        ],
      },
      {
        focusAreas: [
          { title: 'A', indicators: [{ text: 'Omvendt', type: 'scale', scale: { min: 5, max: 5 } }] },
        ],
      },
      { focusAreas: [{ title: 'A', indicators: [] }] },
      { focusAreas: [{ title: '   ', indicators: [{ text: 'x', type: 'text' }] }] },
      {
        focusAreas: [
          {
            title: 'A',
            indicators: [{ text: 'x', type: 'text' }],
            pupilItems: [{ text: 'Tæl', type: 'count' }],
          },
        ],
      },
      { focusAreas: [{ title: 'A', indicators: [{ text: 'x'.repeat(501), type: 'text' }] }] },
      { focusAreas: [{ title: 'A', indicators: [{ text: 'x', type: 'text', extra: 1 }] }] },
    ];
    const before = ((await leder.get(schemaUrl(sol))).json() as SchemaOverview).versions.length;
    for (const body of bad)
      expect(err(await leder.post(schemaUrl(sol), body))).toEqual([400, 'request.invalid']);
    const dup = asInput(v1.definition);
    dup.focusAreas[1].indicators[0].key = dup.focusAreas[0].indicators[0].key;
    expect(err(await leder.post(schemaUrl(sol), dup))).toEqual([400, 'observation.duplicate_key']);
    const after = ((await leder.get(schemaUrl(sol))).json() as SchemaOverview).versions.length;
    expect(after).toBe(before);
  });
});

describe('who may read and configure the schema', () => {
  let solVersion: string;
  const minimal = { focusAreas: [{ title: 'Fokus', indicators: [{ text: 'Iagttagelse', type: 'text' }] }] };

  beforeAll(async () => {
    solVersion = ((await leder.get(schemaUrl(sol))).json() as SchemaOverview).current?.id as string;
  });

  it('lets staff and the kommune read the schema, but not save it (403)', async () => {
    for (const who of ['medarbejder', 'ressourceperson', 'forvaltning', 'administrator']) {
      const c = await t.as(who);
      const res = await c.get(schemaUrl(sol));
      expect(res.statusCode, who).toBe(200);
      expect((res.json() as SchemaOverview).current?.id).toBe(solVersion);
      expect((await c.get(`/api/v1/observation/schemas/${solVersion}`)).statusCode, who).toBe(200);
      expect(err(await c.post(schemaUrl(sol), minimal)), who).toEqual([403, 'policy.forbidden']);
    }
  });

  it('hides another institution’s schema (404) from its neighbour’s leader and from editors', async () => {
    for (const who of ['leder2', 'redaktoer']) {
      const c = await t.as(who);
      expect(err(await c.get(schemaUrl(sol))), who).toEqual([404, 'institution.not_found']);
      expect(err(await c.post(schemaUrl(sol), minimal)), who).toEqual([404, 'institution.not_found']);
      expect(err(await c.get(`/api/v1/observation/schemas/${solVersion}`)), who).toEqual([
        404,
        'observation.schema_not_found',
      ]);
    }
    const forvaltning = await t.as('forvaltning');
    expect(err(await forvaltning.get(schemaUrl(bakke)))).toEqual([404, 'institution.not_found']);
  });

  it('answers 404 for an unknown version or institution', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(err(await leder.get(`/api/v1/observation/schemas/${unknown}`))).toEqual([
      404,
      'observation.schema_not_found',
    ]);
    expect(err(await leder.get(schemaUrl(unknown)))).toEqual([404, 'institution.not_found']);
    expect(err(await leder.get('/api/v1/observation/schemas/not-a-uuid'))[0]).toBe(400);
  });

  it('lets the leader of Mælkebøtten configure their own institution', async () => {
    const res = await (await t.as('leder2')).post(schemaUrl(maelk), minimal);
    expect(res.statusCode).toBe(201);
    expect((res.json() as SchemaVersion).version).toBe(5); // 1–4 came from insertSchemaVersion above
  });
});
