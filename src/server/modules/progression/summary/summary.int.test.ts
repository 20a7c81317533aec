import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressionDelegations } from '../../../db/progression-schema.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addArea, addGroup, addPeriod, counts, setTotals } from './figures.testing.js';
import { type Counts, people } from './suppress.js';

/*
 * Progression summaries (issue 17 part 2): a group's, an institution's and a kommune's figures, from the totals
 * only. Who may read them (the institution's staff and its kommune's forvaltning; the kommune's forvaltning for the
 * kommune; a group's circle sees its own figures as they are) and the subtraction attacks: a table's total minus
 * its shown rows, the kommune total minus its institutions, the kommune's row of a school minus the school's shown
 * groups, a filter against the whole, and a child moved between classes so two periods differ by one child.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1/progression';
const FORGED = '00000000-0000-4000-8000-000000000000';
const Y = 2026;
const f: Record<string, string> = {};

type Cell = { areaId: string; periodId: string; counts: Counts | null };
type Table = {
  rows: { id: string; name: string; cells: Cell[] }[];
  total: Cell[];
  areas: { id: string; name: string }[];
  periods: { id: string; name: string }[];
  minGroup: number;
  schoolYear: number;
  schoolYears: number[];
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  for (const who of [
    'medarbejder',
    'ressourceperson',
    'leder',
    'leder2',
    'laerer1',
    'laerer8',
    'forvaltning',
    'medarbejder3',
    'redaktoer',
  ])
    c[who] = await t.as(who);
  const db = t.ctx.db;
  const S = ids.institution.Solsikkeskolen;
  const K = ids.institution.Kildeskolen;
  const M = ids.institution['Børnehuset Mælkebøtten'];
  const B = ids.institution.Bakkeskolen;
  const team = ids.team['3. årgang'];
  // Solsikkeskolen: 3.A and 3.B (the 3. årgang team) and a small 3.C; an older school year too.
  f.read = await addArea(db, S, 'Læsning', 0);
  f.well = await addArea(db, S, 'Trivsel', 1);
  f.p1 = await addPeriod(db, S, 'Efterår 2026', Y);
  f.p2 = await addPeriod(db, S, 'Forår 2027', Y, ['2027-01-10', '2027-06-20']);
  f.old = await addPeriod(db, S, 'Forår 2026', Y - 1, ['2026-01-10', '2026-06-20']);
  f.a = await addGroup(db, S, '3.A', Y, team);
  f.b = await addGroup(db, S, '3.B', Y, team);
  f.c = await addGroup(db, S, '3.C', Y, null);
  f.oldGroup = await addGroup(db, S, '2.A', Y - 1, team);
  await setTotals(db, f.a, f.read, f.p1, counts(12, 6, 4));
  await setTotals(db, f.b, f.read, f.p1, counts(15, 5, 3));
  await setTotals(db, f.c, f.read, f.p1, counts(1, 1, 1));
  await setTotals(db, f.a, f.read, f.p2, counts(14, 6, 2, 3, 1));
  await setTotals(db, f.b, f.read, f.p2, counts(16, 5, 2, 2, 0));
  await setTotals(db, f.c, f.read, f.p2, counts(2, 1, 0, 1, 0));
  // Trivsel: one child moves from 3.A to 3.B between the periods (5 + 5, then 4 + 6).
  await setTotals(db, f.a, f.well, f.p1, counts(3, 1, 1));
  await setTotals(db, f.b, f.well, f.p1, counts(2, 2, 1));
  await setTotals(db, f.a, f.well, f.p2, counts(2, 1, 1, 1, 0));
  await setTotals(db, f.b, f.well, f.p2, counts(3, 2, 1, 0, 1));
  await setTotals(db, f.oldGroup, f.read, f.old, counts(9, 9, 2));
  // Kildeskolen: "læsning" in its own spelling; Trivsel with only four children (withheld whole).
  f.kRead = await addArea(db, K, 'læsning', 0);
  f.kWell = await addArea(db, K, 'Trivsel', 1);
  f.kp1 = await addPeriod(db, K, 'Efterår 2026', Y);
  f.kp2 = await addPeriod(db, K, 'Forår 2027', Y, ['2027-01-10', '2027-06-20']);
  f.k1a = await addGroup(db, K, '1.A', Y);
  await setTotals(db, f.k1a, f.kRead, f.kp1, counts(10, 6, 4));
  await setTotals(db, f.k1a, f.kWell, f.kp1, counts(2, 1, 1));
  // Mælkebøtten: Sprog, one stue of six, its period named otherwise.
  f.mSprog = await addArea(db, M, 'Sprog', 0);
  f.mp1 = await addPeriod(db, M, 'Sprogvurdering efterår', Y);
  f.mStue = await addGroup(db, M, 'Solstrålerne', Y);
  await setTotals(db, f.mStue, f.mSprog, f.mp1, counts(4, 1, 1));
  // Bakkeskolen, another kommune.
  f.bRead = await addArea(db, B, 'Læsning', 0);
  f.bp1 = await addPeriod(db, B, 'Efterår 2026', Y);
  f.bGroup = await addGroup(db, B, '5.A', Y);
  await setTotals(db, f.bGroup, f.bRead, f.bp1, counts(20, 1, 1));
});
afterAll(() => t?.close());

const inst = (who: string, id = ids.institution.Solsikkeskolen, q = `schoolYear=${Y}`) =>
  c[who].get(`${API}/institutions/${id}/summary?${q}`);
const kom = (who: string, id = ids.kommune['Fjordby Kommune'], q = `schoolYear=${Y}`) =>
  c[who].get(`${API}/kommuner/${id}/summary?${q}`);
const grp = (who: string, id: string, q = '') => c[who].get(`${API}/groups/${id}/summary${q ? `?${q}` : ''}`);
const cell = (cells: Cell[], areaId: string, periodId: string) =>
  cells.find((x) => x.areaId === areaId && x.periodId === periodId)?.counts;
const row = (table: Table, id: string) => table.rows.find((r) => r.id === id)?.cells ?? [];
const sumPeople = (cs: (Counts | null | undefined)[]) => cs.reduce((s, x) => s + (x ? people(x) : 0), 0);

/** No figure below min, and every total minus its shown rows is 0 or at least min children. */
function expectNoSmallDifference(table: Table, min: number) {
  table.total.forEach((tot, j) => {
    const shown = table.rows.map((r) => r.cells[j].counts);
    // Zeros are "no figures" (nothing to hide); every other shown figure has at least min children.
    for (const s of shown) if (s && people(s) > 0) expect(people(s)).toBeGreaterThanOrEqual(min);
    if (!tot.counts || people(tot.counts) === 0) return;
    expect(people(tot.counts)).toBeGreaterThanOrEqual(min);
    const rest = people(tot.counts) - sumPeople(shown);
    expect(rest === 0 || rest >= min, `total − shown rows = ${rest}`).toBe(true);
    for (const k of ['movedUp', 'movedDown'] as const) {
      const restMoved = tot.counts[k] - shown.reduce((s, x) => s + (x ? x[k] : 0), 0);
      expect(restMoved === 0 || rest >= min).toBe(true);
    }
  });
}

describe("an institution's summary", () => {
  it('the same figures for its staff and its forvaltning: a small group withheld with the smallest other', async () => {
    const answers: Table[] = [];
    for (const who of ['forvaltning', 'leder', 'laerer1', 'ressourceperson', 'medarbejder']) {
      const res = await inst(who);
      expect(res.statusCode, who).toBe(200);
      answers.push(res.json());
    }
    for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
    const s = answers[0];
    expect(s.schoolYear).toBe(Y);
    expect(s.schoolYears).toEqual([Y, Y - 1]);
    expect(s.minGroup).toBe(5);
    expect(s.areas.map((a) => a.name)).toEqual(['Læsning', 'Trivsel']);
    expect(s.periods.map((p) => p.name)).toEqual(['Efterår 2026', 'Forår 2027']);
    expect(s.rows.map((r) => r.name)).toEqual(['3.A', '3.B', '3.C']);
    // Læsning, autumn: 3.C (3) is withheld, and 3.A (22, the smaller of the rest) with it; 3.B shows.
    expect(cell(row(s, f.c), f.read, f.p1)).toBeNull();
    expect(cell(row(s, f.a), f.read, f.p1)).toBeNull();
    expect(cell(row(s, f.b), f.read, f.p1)).toEqual(counts(15, 5, 3));
    expect(cell(s.total, f.read, f.p1)).toEqual(counts(28, 12, 8));
    // Spring: movement is shown with its group's counts only.
    expect(cell(row(s, f.b), f.read, f.p2)).toEqual(counts(16, 5, 2, 2, 0));
    expect(cell(s.total, f.read, f.p2)).toEqual(counts(32, 12, 4, 6, 1));
    expectNoSmallDifference(s, 5);
  });

  it('a child moved between classes: 5 + 5 shows both, 4 + 6 withholds both (no period minus another tells one child)', async () => {
    const s: Table = (await inst('forvaltning')).json();
    expect(cell(row(s, f.a), f.well, f.p1)).toEqual(counts(3, 1, 1));
    expect(cell(row(s, f.b), f.well, f.p1)).toEqual(counts(2, 2, 1));
    expect(cell(row(s, f.a), f.well, f.p2)).toBeNull();
    expect(cell(row(s, f.b), f.well, f.p2)).toBeNull();
    expect(cell(s.total, f.well, f.p2)).toEqual(counts(5, 3, 2, 1, 1));
    // The group's own summary, read by someone outside its circle, says the same.
    const g = (await grp('laerer1', f.b)).json();
    expect(cell(g.cells, f.well, f.p2)).toBeNull();
    expect(cell(g.cells, f.well, f.p1)).toEqual(counts(2, 2, 1));
  });

  it('a filter to one area and period gives exactly the figures of the whole table (no filter minus filter)', async () => {
    const whole: Table = (await inst('forvaltning')).json();
    for (const a of [f.read, f.well])
      for (const p of [f.p1, f.p2]) {
        const one: Table = (
          await inst('forvaltning', undefined, `schoolYear=${Y}&areaId=${a}&periodId=${p}`)
        ).json();
        expect(one.total).toEqual([{ areaId: a, periodId: p, counts: cell(whole.total, a, p) ?? null }]);
        for (const r of one.rows)
          expect(r.cells).toEqual([{ areaId: a, periodId: p, counts: cell(row(whole, r.id), a, p) ?? null }]);
      }
  });

  it('another school year shows its own groups; without a year the newest up to now', async () => {
    const old: Table = (await inst('forvaltning', undefined, `schoolYear=${Y - 1}`)).json();
    expect(old.rows.map((r) => r.name)).toEqual(['2.A']);
    expect(old.total).toEqual([
      { areaId: f.read, periodId: f.old, counts: counts(9, 9, 2) },
      // Trivsel had no figures that year: zeros ("no figures"), not a withheld null.
      { areaId: f.well, periodId: f.old, counts: counts(0) },
    ]);
    const now: Table = (
      await c.forvaltning.get(`${API}/institutions/${ids.institution.Solsikkeskolen}/summary`)
    ).json();
    expect(now.schoolYear).toBe(Y);
  });

  it('an area or period of another institution, or a forged one: 404', async () => {
    expect(err(await inst('forvaltning', undefined, `areaId=${f.kRead}`))).toEqual([
      404,
      'progression.area_not_found',
    ]);
    expect(err(await inst('forvaltning', undefined, `periodId=${FORGED}`))).toEqual([
      404,
      'progression.period_not_found',
    ]);
    expect((await inst('forvaltning', undefined, 'areaId=nope')).statusCode).toBe(400);
  });

  it('no one outside the institution and its kommune: 404, never a figure', async () => {
    for (const who of ['leder2', 'medarbejder3', 'laerer8', 'redaktoer']) {
      expect(err(await inst(who)), who).toEqual([404, 'institution.not_found']);
    }
    expect(err(await inst('forvaltning', FORGED))).toEqual([404, 'institution.not_found']);
    expect(err(await inst('forvaltning', ids.institution.Bakkeskolen))).toEqual([
      404,
      'institution.not_found',
    ]);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `${API}/institutions/${ids.institution.Solsikkeskolen}/summary`,
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe("a group's summary", () => {
  it("its circle sees its own figures as they are; the other staff and forvaltning see the table's", async () => {
    // 3.A is the 3. årgang team's: Mette sees its 22 though the table withholds them; 3.C has no team.
    const own = await grp('medarbejder', f.a);
    expect(own.statusCode).toBe(200);
    expect(cell(own.json().cells, f.read, f.p1)).toEqual(counts(12, 6, 4));
    expect(own.json().group).toEqual({ id: f.a, name: '3.A', schoolYear: Y });
    expect(cell((await grp('medarbejder', f.c)).json().cells, f.read, f.p1)).toBeNull();
    expect(cell((await grp('leder', f.c)).json().cells, f.read, f.p1)).toEqual(counts(1, 1, 1));
    for (const who of ['laerer1', 'ressourceperson', 'forvaltning']) {
      const res = await grp(who, f.c);
      expect(res.statusCode, who).toBe(200);
      expect(cell(res.json().cells, f.read, f.p1), who).toBeNull();
      expect(cell((await grp(who, f.a)).json().cells, f.read, f.p1), who).toBeNull();
      expect(cell((await grp(who, f.b)).json().cells, f.read, f.p1), who).toEqual(counts(15, 5, 3));
    }
  });

  it('a resource person delegated to the group joins its circle; the delegation taken away, it is gone', async () => {
    await t.ctx.db.insert(progressionDelegations).values({ groupId: f.c, userId: ids.user.ressourceperson });
    expect(cell((await grp('ressourceperson', f.c)).json().cells, f.read, f.p1)).toEqual(counts(1, 1, 1));
    await t.ctx.db.execute(sql`delete from progression_delegations where group_id = ${f.c}`);
    expect(cell((await grp('ressourceperson', f.c)).json().cells, f.read, f.p1)).toBeNull();
  });

  it('anyone outside the institution and its kommune, and forged ids: 404', async () => {
    for (const who of ['leder2', 'medarbejder3', 'laerer8', 'redaktoer'])
      expect(err(await grp(who, f.a)), who).toEqual([404, 'progression.group_not_found']);
    expect(err(await grp('forvaltning', FORGED))).toEqual([404, 'progression.group_not_found']);
    expect(err(await grp('forvaltning', f.bGroup))).toEqual([404, 'progression.group_not_found']);
  });
});

describe("a kommune's summary", () => {
  it('a row per institution that follows progression, areas by name and periods by order', async () => {
    const res = await kom('forvaltning');
    expect(res.statusCode).toBe(200);
    const s: Table = res.json();
    expect(s.rows.map((r) => r.name)).toEqual(['Børnehuset Mælkebøtten', 'Kildeskolen', 'Solsikkeskolen']);
    expect(s.areas.map((a) => a.name)).toEqual(['Læsning', 'Sprog', 'Trivsel']);
    expect(s.periods.map((p) => p.name)).toEqual(['1. periode', 'Forår 2027']);
    const [read, sprog, well] = s.areas.map((a) => a.id);
    const [p1, p2] = s.periods.map((p) => p.id);
    const S = row(s, ids.institution.Solsikkeskolen);
    const K = row(s, ids.institution.Kildeskolen);
    expect(cell(S, read, p1)).toEqual(counts(28, 12, 8));
    expect(cell(K, read, p1)).toEqual(counts(10, 6, 4));
    expect(cell(s.total, read, p1)).toEqual(counts(38, 18, 12));
    // Kildeskolen's four in Trivsel are withheld whole and counted in no total: the kommune's is Solsikkeskolen's.
    expect(cell(K, well, p1)).toBeNull();
    expect(cell(s.total, well, p1)).toEqual(counts(5, 3, 2));
    expect(cell(s.total, sprog, p1)).toEqual(counts(4, 1, 1));
    expect(cell(s.total, read, p2)).toEqual(cell(S, read, p2));
    // The kommune total minus the shown institutions is nothing, every time.
    s.total.forEach((tot, j) => {
      expect(people(tot.counts ?? counts(0))).toBe(sumPeople(s.rows.map((r) => r.cells[j].counts)));
    });
    // Each school's kommune row is its own table's total (so it minus the school's shown groups is ≥ min or 0).
    const own: Table = (await inst('forvaltning')).json();
    for (const [a, ka] of [
      [f.read, read],
      [f.well, well],
    ])
      for (const [p, kp] of [
        [f.p1, p1],
        [f.p2, p2],
      ])
        expect(cell(S, ka, kp) ?? null).toEqual(cell(own.total, a, p) ?? null);
    // Filters by the kommune's ids.
    const one: Table = (
      await kom('forvaltning', undefined, `schoolYear=${Y}&areaId=${read}&periodId=${p1}`)
    ).json();
    expect(one.total).toEqual([{ areaId: read, periodId: p1, counts: counts(38, 18, 12) }]);
    expect(err(await kom('forvaltning', undefined, `areaId=${f.read}`))).toEqual([
      404,
      'progression.area_not_found',
    ]);
  });

  it("an institution's larger observation minimum withholds more, in its table and in the kommune's", async () => {
    await t.ctx.db.execute(
      sql`insert into observation_settings (institution_id, min_group_size) values (${ids.institution.Kildeskolen}, 25)`,
    );
    const k: Table = (await inst('forvaltning', ids.institution.Kildeskolen)).json();
    expect(k.minGroup).toBe(25);
    // Every figure it has is withheld (the spring, with no figures, shows zeros).
    expect(k.total.map((x) => (x.counts === null ? 'withheld' : people(x.counts)))).toEqual([
      'withheld',
      0,
      'withheld',
      0,
    ]);
    const s: Table = (await kom('forvaltning')).json();
    expect(s.minGroup).toBe(25);
    const read = s.areas[0].id;
    const p1 = s.periods[0].id;
    expect(cell(row(s, ids.institution.Kildeskolen), read, p1)).toBeNull();
    expect(cell(s.total, read, p1)).toEqual(counts(28, 12, 8));
    await t.ctx.db.execute(
      sql`delete from observation_settings where institution_id = ${ids.institution.Kildeskolen}`,
    );
  });

  it("only the kommune's forvaltning", async () => {
    for (const who of ['leder', 'medarbejder', 'ressourceperson', 'medarbejder3', 'redaktoer']) {
      const res = await kom(who);
      expect([403, 404], who).toContain(res.statusCode);
    }
    expect(err(await kom('forvaltning', ids.kommune['Bakkedal Kommune']))).toEqual([
      404,
      'kommune.not_found',
    ]);
    expect(err(await kom('forvaltning', FORGED))).toEqual([404, 'kommune.not_found']);
  });
});
