import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSurvey } from '../../demo/survey.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';

/*
 * The staff survey in the year wheel (issue 18 item 5): a kommune's rounds are read-only items of kind
 * 'medarbejderundersoegelse' from the kommune, collecting from open to close — in the wheels of the institutions a
 * round asks and in the kommune's own. Data: the demo survey (Fjordby; closed rounds in March 2024 and 2025, an
 * open round 2026-12-04 – 2026-12-21 over Solsikkeskolen, Kildeskolen, Mælkebøtten and Klub Lynet).
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const API = '/api/v1';
type Item = {
  title: string;
  kind: string;
  scope: string;
  canEdit: boolean;
  collectFrom: string;
  collectTo: string;
  surveyRoundId?: string | null;
};

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoSurvey(t.ctx.db, { now: new Date('2026-12-07T10:00:00Z') })).toBe(true);
  ids = await demoIds(t.ctx.db);
}, 180_000);
afterAll(() => t?.close());

const rounds = (items: Item[]) => items.filter((x) => x.surveyRoundId);

describe('survey rounds in the year wheel', () => {
  it('an institution the round asks shows it read-only, from the kommune, for its school year', async () => {
    const mette = await t.as('medarbejder');
    const now = (
      await mette.get(`${API}/evaluation/wheel?institutionId=${ids.institution.Solsikkeskolen}&year=2026`)
    ).json();
    expect(rounds(now.items)).toEqual([
      expect.objectContaining({
        title: 'Medarbejderundersøgelse 2026',
        kind: 'medarbejderundersoegelse',
        scope: 'kommune',
        ownerName: 'Fjordby Kommune',
        canEdit: false,
        collectFrom: '2026-12-04',
        collectTo: '2026-12-21',
        analyseOn: null,
      }),
    ]);
    // The wheel stays in order of collection start.
    const starts = now.items.map((x: Item) => x.collectFrom);
    expect(starts).toEqual([...starts].sort());
    const before = (
      await mette.get(`${API}/evaluation/wheel?institutionId=${ids.institution.Solsikkeskolen}&year=2024`)
    ).json();
    expect(rounds(before.items).map((x) => [x.title, x.collectFrom])).toEqual([
      ['Medarbejderundersøgelse 2025', '2025-03-03'],
    ]);
  });

  it('a dagtilbud it asks shows it too; an institution it does not ask does not', async () => {
    const lise = await t.as('leder2');
    const m = (
      await lise.get(
        `${API}/evaluation/wheel?institutionId=${ids.institution['Børnehuset Mælkebøtten']}&year=2026`,
      )
    ).json();
    expect(rounds(m.items)).toHaveLength(1);
    const f = await t.as('forvaltning');
    const puc = (
      await f.get(
        `${API}/evaluation/wheel?institutionId=${ids.institution['Pædagogisk Udviklingscenter']}&year=2026`,
      )
    ).json();
    expect(rounds(puc.items)).toEqual([]);
  });

  it('the kommune’s wheel shows its rounds; another kommune’s does not', async () => {
    const f = await t.as('forvaltning');
    const k = (
      await f.get(`${API}/evaluation/kommune-wheel?kommuneId=${ids.kommune['Fjordby Kommune']}&year=2026`)
    ).json();
    expect(rounds(k.items).map((x) => x.title)).toEqual(['Medarbejderundersøgelse 2026']);
    const a = await t.as('administrator');
    const other = await a.get(
      `${API}/evaluation/kommune-wheel?kommuneId=${ids.kommune['Bakkedal Kommune']}&year=2026`,
    );
    if (other.statusCode === 200) expect(rounds(other.json().items)).toEqual([]);
  });
});
