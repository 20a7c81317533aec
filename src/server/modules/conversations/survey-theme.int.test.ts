import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSurvey } from '../../demo/survey.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';

/*
 * A learning conversation's package with the staff survey (issue 18 item 5): the theme 'medarbejderundersoegelse'
 * holds the unit's own trend over its closed rounds (social capital and each dimension, 0–100) from the survey's
 * front door, frozen when the package is shared. Data: the demo survey (Fjordby's rounds of 2024 and 2025, and an
 * open round that is not in any trend yet).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const API = '/api/v1';
type Fig = {
  key: string;
  label: string;
  group: string;
  unit: string;
  value: number | null;
  suppressed: boolean;
};
type Detail = { id: string; version: number; figures: { kind: string; about: string; figures: Fig[] }[] };

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoSurvey(t.ctx.db, { now: new Date('2026-12-07T10:00:00Z') })).toBe(true);
  ids = await demoIds(t.ctx.db);
}, 180_000);
afterAll(() => t?.close());

describe('the staff survey in a data package', () => {
  it('forvaltning adds the theme: the unit’s closed rounds, whole-unit scores only, frozen on share', async () => {
    const f = await t.as('forvaltning');
    const made = await f.post(`${API}/conversations`, {
      institutionId: ids.institution.Solsikkeskolen,
      title: 'Læringssamtale med medarbejderundersøgelsen',
      plannedOn: '2027-01-12',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const res = await f.patch(`${API}/conversations/${id}`, {
      version: 1,
      themes: [{ key: 'survey', kind: 'medarbejderundersoegelse' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Detail;
    const theme = d.figures[0];
    expect(theme.kind).toBe('medarbejderundersoegelse');
    expect(theme.about).toMatch(/^Medarbejderundersøgelse 2025 · \d+ svar$/);
    expect([...new Set(theme.figures.map((x) => x.group))]).toEqual([
      'Medarbejderundersøgelse 2024',
      'Medarbejderundersøgelse 2025',
    ]);
    expect(theme.figures).toHaveLength(12);
    for (const x of theme.figures) {
      expect(x.unit).toBe('mean');
      expect(x.suppressed).toBe(false);
      expect(x.value).toBeGreaterThan(30);
      expect(x.value).toBeLessThan(90);
    }
    expect(theme.figures.filter((x) => x.label === 'Social kapital i alt')).toHaveLength(2);

    const shared = await f.post(`${API}/conversations/${id}/share`, { version: 2 });
    expect(shared.statusCode, shared.body).toBe(200);
    const leder = await t.as('leder');
    const seen = (await leder.get(`${API}/conversations/${id}`)).json() as Detail;
    expect(seen.figures[0].figures).toEqual(theme.figures);
  });

  it('a unit no round asked: no figures, said so', async () => {
    const f = await t.as('forvaltning');
    const made = await f.post(`${API}/conversations`, {
      institutionId: ids.institution['Pædagogisk Udviklingscenter'],
      title: 'Samtale',
    });
    expect(made.statusCode, made.body).toBe(201);
    const res = await f.patch(`${API}/conversations/${made.json().id}`, {
      version: 1,
      themes: [{ key: 'survey', kind: 'medarbejderundersoegelse' }],
    });
    const theme = (res.json() as Detail).figures[0];
    expect(theme.figures).toEqual([]);
    expect(theme.about).toBe('Ingen afsluttede runder af medarbejderundersøgelsen endnu.');
  });
});
