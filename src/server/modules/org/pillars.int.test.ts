import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PILLARS } from '../../../shared/catalogue.js';
import { DEFAULT_PILLAR_LABELS, pillarLabels } from '../../../shared/pillars.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';

/* The PLF pillars' names per kommune (issue 15): everyone reads their kommune's words, its forvaltning and
   administrators change them, nobody else; the demo's Fjordby uses its own house. */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
});
afterAll(() => t?.close());

const fjordby = () => ids.kommune['Fjordby Kommune'];
const bakkedal = () => ids.kommune['Bakkedal Kommune'];
const words = (prefix: string) => Object.fromEntries(PILLARS.map((p) => [p, `${prefix} ${p}`]));

describe('reading the pillars', () => {
  it("a teacher in Fjordby reads Fjordby's own words (the demo's house)", async () => {
    const res = await (await t.as('medarbejder')).get('/api/v1/pillars');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.kommune).toEqual({ id: fjordby(), name: 'Fjordby Kommune' });
    expect(body.labels.vision).toBe('Fælles værdier og vision');
    expect(body.labels.deprivatisering).toBe('En stærkere professionel dømmekraft');
    expect(body.mayEdit).toBe(false);
  });

  it('people without a kommune (administrator, editor) and anonymous visitors get the defaults', async () => {
    for (const who of ['administrator', 'redaktoer']) {
      const body = (await (await t.as(who)).get('/api/v1/pillars')).json();
      expect(body, who).toEqual({ kommune: null, labels: null, mayEdit: false });
    }
    expect((await t.client().get('/api/v1/pillars')).json()).toEqual({
      kommune: null,
      labels: null,
      mayEdit: false,
    });
  });

  it("forvaltning may edit its own kommune's words", async () => {
    const body = (await (await t.as('forvaltning')).get('/api/v1/pillars')).json();
    expect(body.mayEdit).toBe(true);
  });
});

describe('changing the pillars', () => {
  it("forvaltning renames its own kommune's pillars; its staff read them at once; null brings the defaults back", async () => {
    const f = await t.as('forvaltning');
    const res = await f.put(`/api/v1/kommuner/${fjordby()}/pillars`, { labels: words('Fjordby') });
    expect(res.statusCode).toBe(200);
    expect(res.json().labels.vision).toBe('Fjordby vision');
    const leder = await t.as('leder');
    expect((await leder.get('/api/v1/pillars')).json().labels.samarbejde).toBe('Fjordby samarbejde');
    expect((await f.put(`/api/v1/kommuner/${fjordby()}/pillars`, { labels: null })).json().labels).toBeNull();
    expect((await leder.get('/api/v1/pillars')).json().labels).toBeNull();
  });

  it("an administrator may rename any kommune's pillars", async () => {
    const a = await t.as('administrator');
    const res = await a.put(`/api/v1/kommuner/${bakkedal()}/pillars`, { labels: words('Bakkedal') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kommune: { name: 'Bakkedal Kommune' }, mayEdit: true });
  });

  it.each([
    ['leder', 'fjordby', [403, 'policy.forbidden']],
    ['ressourceperson', 'fjordby', [403, 'policy.forbidden']],
    ['medarbejder', 'fjordby', [403, 'policy.forbidden']],
    ['redaktoer', 'fjordby', [404, 'kommune.not_found']],
    ['forvaltning', 'bakkedal', [404, 'kommune.not_found']],
  ] as const)('%s may not rename the pillars of %s', async (who, where, expected) => {
    const id = where === 'fjordby' ? fjordby() : bakkedal();
    const before = (await (await t.as('administrator')).get(`/api/v1/kommuner/${id}/pillars`)).json();
    const res = await (await t.as(who)).put(`/api/v1/kommuner/${id}/pillars`, { labels: words('Hacked') });
    expect(err(res)).toEqual(expected);
    const after = (await (await t.as('administrator')).get(`/api/v1/kommuner/${id}/pillars`)).json();
    expect(after).toEqual(before);
  });

  it('refuses four names, an empty name, a too long name or an unknown pillar', async () => {
    const f = await t.as('forvaltning');
    const url = `/api/v1/kommuner/${fjordby()}/pillars`;
    const { deprivatisering: _, ...four } = words('x');
    for (const labels of [
      four,
      { ...words('x'), vision: '  ' },
      { ...words('x'), vision: 'x'.repeat(81) },
      { ...words('x'), extra: 'y' },
    ])
      expect((await f.put(url, { labels })).statusCode, JSON.stringify(labels)).toBe(400);
    expect((await t.client().put(url, { labels: words('x') })).statusCode).toBe(401);
  });
});

describe('one source for the names', () => {
  it("a kommune's words win in either language; without them each language has its defaults", () => {
    expect(pillarLabels(null, 'da')).toEqual(DEFAULT_PILLAR_LABELS.da);
    expect(pillarLabels(null, 'en').vision).toBe('Shared vision and values');
    expect(pillarLabels({ vision: 'Vores vision' }, 'en').vision).toBe('Vores vision');
    expect(pillarLabels({ vision: 'Vores vision' }, 'en').dialog).toBe('Reflective dialogue');
  });
});
