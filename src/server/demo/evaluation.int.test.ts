import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { seedDemoEvaluation } from './evaluation.js';

/*
 * The demo's year wheels (issue 17 part 1 "Demo"): Fjordby Kommune's published plan, Solsikkeskolen's own and its
 * teams', and Børnehuset Mælkebøtten's in a dagtilbud's words — for the school year of today, seeded once.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const API = '/api/v1';

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  expect(await seedDemoEvaluation(t.ctx.db, { now: new Date('2026-12-07T10:00:00Z') })).toBe(true);
  expect(await seedDemoEvaluation(t.ctx.db)).toBe(false);
});
afterAll(() => t?.close());

describe('the demo year wheels', () => {
  it('Solsikkeskolen’s wheel holds the kommune’s published plan, the school’s and the teacher’s teams’', async () => {
    const mette = await t.as('medarbejder');
    const res = await mette.get(
      `${API}/evaluation/wheel?institutionId=${ids.institution.Solsikkeskolen}&year=2026`,
    );
    expect(res.statusCode).toBe(200);
    const w = res.json();
    const scopes = new Set(w.items.map((x: { scope: string }) => x.scope));
    expect([...scopes].sort()).toEqual(['institution', 'kommune', 'team']);
    expect(w.items.find((x: { title: string }) => x.title === 'Læseprøver i indskolingen')).toMatchObject({
      collectFrom: '2026-09-01',
      analyseOn: '2026-10-08',
      meetingKind: 'laeringssamtale',
      responsible: { id: ids.user.ressourceperson },
    });
    expect(w.items.find((x: { title: string }) => x.title.startsWith('Nationale test'))).toMatchObject({
      scope: 'kommune',
      collectFrom: '2027-01-12',
      canEdit: false,
    });
  });

  it('Børnehuset Mælkebøtten plans in a dagtilbud’s words', async () => {
    const lise = await t.as('leder2');
    const m = ids.institution['Børnehuset Mælkebøtten'];
    const w = (await lise.get(`${API}/evaluation/wheel?institutionId=${m}&year=2026`)).json();
    expect(w.owner.words).toBe('dagtilbud');
    const own = w.items.filter((x: { scope: string }) => x.scope === 'institution');
    expect(own.map((x: { kind: string }) => x.kind).sort()).toEqual([
      'boernemiljoevurdering',
      'sprogvurdering',
      'trivselsvurdering',
    ]);
  });
});
