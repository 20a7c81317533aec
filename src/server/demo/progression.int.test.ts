import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressionChildren, progressionGroups } from '../db/progression-schema.js';
import { demoIds } from '../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness.js';
import { demoProgressionYear, seedDemoProgression } from './progression.js';

/*
 * The demo's progression overview (issue 17 "Demo"): Solsikkeskolen's 3.A and 3.B in Læsning and Trivsel over three
 * periods with movement, one læringssamtale with a resource person, a delegated resource person, a pupil moved
 * between the classes, and a stue at Mælkebøtten — codes only, read through the API as the people who may.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1/progression';
const NOW = new Date('2026-12-07T10:00:00Z');
const group: Record<string, string> = {};

type Counts = { groen: number; gul: number; roed: number; movedUp: number; movedDown: number };
type Cell = { areaId: string; periodId: string; counts: Counts | null };

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  expect(await seedDemoProgression(t.ctx.db, { now: NOW })).toBe(true);
  for (const who of ['medarbejder', 'ressourceperson', 'forvaltning', 'leder2']) c[who] = await t.as(who);
  for (const g of await t.ctx.db.select().from(progressionGroups)) group[g.name] = g.id;
});
afterAll(() => t?.close());

describe('the demo progression', () => {
  it('is seeded once, in the school year whose autumn periods are over', async () => {
    expect(await seedDemoProgression(t.ctx.db, { now: NOW })).toBe(false);
    expect(demoProgressionYear(NOW)).toBe(2026);
    expect(demoProgressionYear(new Date('2026-09-15T10:00:00Z'))).toBe(2025);
    expect(Object.keys(group).sort()).toEqual(['3.A', '3.B', 'Mariehønsene']);
    const named = await t.ctx.db
      .select()
      .from(progressionChildren)
      .where(isNotNull(progressionChildren.fullName));
    expect(named).toEqual([]);
    const codes = await t.ctx.db
      .select({ code: progressionChildren.code })
      .from(progressionChildren)
      .where(eq(progressionChildren.institutionId, ids.institution.Solsikkeskolen));
    expect(codes).toHaveLength(45);
  });

  it('3.A in reading: every pupil assessed in three periods, with pupils moving up', async () => {
    const res = await c.medarbejder.get(`${API}/groups/${group['3.A']}/summary`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.periods.map((p: { name: string }) => p.name)).toEqual([
      'Skolestart 2026',
      'Oktober 2026',
      'November 2026',
    ]);
    const read = s.areas.find((a: { name: string }) => a.name === 'Læsning').id;
    const cells: Counts[] = s.cells.filter((x: Cell) => x.areaId === read).map((x: Cell) => x.counts);
    expect(cells.map((x) => x.groen + x.gul + x.roed)).toEqual([23, 24, 24]);
    expect(cells[2].movedUp).toBeGreaterThan(2);
    expect(cells[2].gul).toBeLessThan(cells[1].gul);
    const math = s.areas.find((a: { name: string }) => a.name === 'Matematik').id;
    // Mathematics has no figures yet: zeros ("ingen tal"), not withheld.
    const mathCells = s.cells.filter((x: Cell) => x.areaId === math);
    expect(
      mathCells.every((x: Cell) => x.counts && x.counts.groen + x.counts.gul + x.counts.roed === 0),
    ).toBe(true);
  });

  it('forvaltning sees both classes and the kommune the school and the stue, never a child', async () => {
    const inst = (
      await c.forvaltning.get(`${API}/institutions/${ids.institution.Solsikkeskolen}/summary`)
    ).json();
    expect(inst.schoolYear).toBe(2026);
    expect(inst.rows.map((r: { name: string }) => r.name)).toEqual(['3.A', '3.B']);
    const shown = inst.rows
      .flatMap((r: { cells: Cell[] }) => r.cells)
      .filter((x: Cell) => x.counts && x.counts.groen + x.counts.gul + x.counts.roed > 0);
    expect(shown.length).toBe(12);
    // Nothing of the demo's two classes is withheld (each has more than five pupils).
    expect(inst.rows.flatMap((r: { cells: Cell[] }) => r.cells).some((x: Cell) => x.counts === null)).toBe(
      false,
    );
    const kom = (
      await c.forvaltning.get(`${API}/kommuner/${ids.kommune['Fjordby Kommune']}/summary?schoolYear=2026`)
    ).json();
    expect(kom.rows.map((r: { name: string }) => r.name)).toEqual([
      'Børnehuset Mælkebøtten',
      'Solsikkeskolen',
    ]);
    expect(JSON.stringify(inst) + JSON.stringify(kom)).not.toMatch(/3A-\d\d|MH-\d\d/);
  });

  it('the læringssamtale with Rasmus: the class team and the delegated resource person read it', async () => {
    const list = (await c.medarbejder.get(`${API}/groups/${group['3.A']}/conferences`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.previous.followUp).toMatch(/november-målingen/);
    const conf = (await c.ressourceperson.get(`${API}/conferences/${list.items[0].id}`)).json();
    expect(conf.resourcePerson).toEqual({ id: ids.user.ressourceperson, name: 'Rasmus Kjær' });
    expect(conf.snapshot.periods).toHaveLength(2);
    expect(conf.snapshot.children).toHaveLength(24);
    expect(conf.snapshot.summary.length).toBe(4);
    expect((await c.leder2.get(`${API}/conferences/${list.items[0].id}`)).statusCode).toBe(404);
  });
});
