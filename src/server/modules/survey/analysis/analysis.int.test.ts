import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants, users } from '../../../db/schema.js';
import { DEMO_DOMAIN } from '../../../demo/index.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import { addGroup, addQuestionnaire, addRound, addScoredAnswers } from '../results/figures.testing.js';

/*
 * The department analysis (issue 18, S2) over HTTP, its numbers against values worked out by hand from the same
 * answers (never from the function under test):
 * - Staff, five departments with mean (social capital, PLF) = (40, 50), (50, 58), (60, 70), (70, 74), (80, 88):
 *   x̄ = 60, ȳ = 68, Sxx = 1000, Sxy = 920, Syy = 864 → slope 0.92, intercept 68 − 0.92·60 = 12.8,
 *   R² = 920² / (1000·864) = 0.97963.
 * - Leaders, four departments exactly on y = 0.8x + 10 (x = 30, 45, 60, 75): slope 0.8, intercept 10, R² 1.
 * Each department's answers spread around its mean (so the mean, not a copy of one answer, is what is fitted).
 * Klub Lynet has 7 staff and 2 leaders: the leaders are withheld, and the staff with them (else the club minus
 * its staff is the two leaders) — two withheld points, in no line. A 2024 round gives the year over year.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1/survey';
let fjordby: string;
let r2024: string;
let r2025: string;
let openRound: string;
let bakkedalRound: string;

const spread = (x: number, y: number, dx: number[], dy: number[]) =>
  dx.map((d, i) => ({ socialCapital: x + d, plf: y + dy[i] }));
const STAFF = [-10, -5, 0, 5, 10];
const STAFF_Y = [-4, -2, 0, 2, 4];
const LEAD = [-2, -1, 0, 1, 2];
const LEAD_Y = [3, -3, 0, 1, -1];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  const db = t.ctx.db;
  fjordby = ids.kommune['Fjordby Kommune'];
  const S = ids.institution.Solsikkeskolen;
  const M = ids.institution['Børnehuset Mælkebøtten'];
  const P = ids.institution['Pædagogisk Udviklingscenter'];
  const K = ids.institution['Klub Lynet'];
  const [demo] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.email, `forvaltning@${DEMO_DOMAIN}`));
  const [u] = await db
    .insert(users)
    .values({
      email: `forv-bakkedal@${DEMO_DOMAIN}`,
      name: 'Bakkedal',
      passwordHash: demo.hash,
      status: 'active',
    })
    .returning({ id: users.id });
  await db
    .insert(roleGrants)
    .values({ userId: u.id, role: 'forvaltning', kommuneId: ids.kommune['Bakkedal Kommune'] });
  for (const who of ['forvaltning', 'leder', 'administrator', 'forv-bakkedal']) c[who] = await t.as(who);

  const q = await addQuestionnaire(db, fjordby);
  const round = (
    name: string,
    opensOn: string,
    closesOn: string,
    institutionIds: string[],
    kommuneId = fjordby,
  ) => addRound(db, { kommuneId, questionnaireId: q.id, name, opensOn, closesOn, institutionIds });
  const group = async (
    roundId: string,
    inst: string,
    dep: string,
    role: 'medarbejder' | 'leder',
    scores: { socialCapital: number | null; plf: number | null }[],
  ) => addScoredAnswers(db, roundId, await addGroup(db, roundId, inst, dep, role, scores.length + 1), scores);

  r2025 = await round('Forår 2025', '2025-03-01', '2025-03-21', [S, M, P, K]);
  await group(r2025, S, 'Afdeling A', 'medarbejder', spread(40, 50, STAFF, STAFF_Y));
  await group(r2025, S, 'Afdeling A', 'leder', spread(30, 34, LEAD, LEAD_Y));
  await group(r2025, S, 'Afdeling B', 'medarbejder', spread(50, 58, STAFF, STAFF_Y));
  await group(r2025, S, 'Afdeling B', 'leder', spread(45, 46, LEAD, LEAD_Y));
  await group(r2025, M, 'Afdeling C', 'medarbejder', spread(60, 70, STAFF, STAFF_Y));
  await group(r2025, M, 'Afdeling C', 'leder', spread(60, 58, LEAD, LEAD_Y));
  await group(r2025, M, 'Afdeling D', 'medarbejder', spread(70, 74, STAFF, STAFF_Y));
  await group(r2025, M, 'Afdeling D', 'leder', spread(75, 70, LEAD, LEAD_Y));
  await group(r2025, P, '', 'medarbejder', spread(80, 88, STAFF, STAFF_Y));
  await group(
    r2025,
    K,
    'Klubteamet',
    'medarbejder',
    spread(20, 90, [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]),
  );
  await group(r2025, K, 'Klubteamet', 'leder', spread(90, 10, [0, 0], [0, 0]));

  r2024 = await round('Forår 2024', '2024-03-01', '2024-03-21', [S]);
  await group(r2024, S, 'Afdeling A', 'medarbejder', spread(50, 40, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]));
  await group(
    r2024,
    S,
    'Afdeling Gammel',
    'medarbejder',
    spread(60, 55, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]),
  );

  openRound = await round('Efterår 2025', '2025-09-01', '2099-12-31', [S]);
  await group(openRound, S, 'Afdeling A', 'medarbejder', spread(99, 1, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]));
  bakkedalRound = await round(
    'Bakkedal 2025',
    '2025-03-01',
    '2025-03-21',
    [ids.institution.Bakkeskolen],
    ids.kommune['Bakkedal Kommune'],
  );
});
afterAll(() => t?.close());

type Analysis = {
  round: { id: string; name: string };
  points: {
    institutionName: string;
    department: string;
    roleGroup: string;
    answered: number;
    socialCapital: number;
    plf: number;
  }[];
  fits: Record<string, { n: number; slope: number; intercept: number; r2: number } | null>;
  withheldDepartments: number;
  reference: {
    medarbejder: { slope: number; r2: number };
    leder: { slope: number; r2: number };
    source: string;
  };
  trend: {
    institutionName: string;
    department: string;
    roleGroup: string;
    rounds: {
      roundId: string;
      name: string;
      opensOn: string;
      socialCapital: number | null;
      plf: number | null;
    }[];
  }[];
};
const get = (who: string, q = '') => c[who].get(`${API}/analysis?kommuneId=${fjordby}${q}`);
const read = async (q = '') => {
  const res = await get('forvaltning', q);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Analysis;
};

describe('the department analysis', () => {
  it('fits the staff’s and the leaders’ lines as worked out by hand (the newest closed round by default)', async () => {
    const a = await read();
    expect(a.round).toMatchObject({ id: r2025, name: 'Forår 2025' });
    expect(a.fits.medarbejder?.n).toBe(5);
    expect(a.fits.medarbejder?.slope).toBeCloseTo(0.92, 9);
    expect(a.fits.medarbejder?.intercept).toBeCloseTo(12.8, 7);
    expect(a.fits.medarbejder?.r2).toBeCloseTo(846400 / 864000, 9);
    expect(a.fits.leder?.n).toBe(4);
    expect(a.fits.leder?.slope).toBeCloseTo(0.8, 9);
    expect(a.fits.leder?.intercept).toBeCloseTo(10, 7);
    expect(a.fits.leder?.r2).toBeCloseTo(1, 9);
    expect(a.reference).toEqual({
      medarbejder: { slope: 0.9, r2: 0.8 },
      leder: { slope: 0.8, r2: 0.8 },
      source: expect.stringContaining('Aarhus'),
    });
  });

  it('shows only kept department × role group points; the club’s two leaders and their staff are withheld', async () => {
    const a = await read();
    expect(
      a.points.map((p) => [p.institutionName, p.department, p.roleGroup, p.answered, p.socialCapital, p.plf]),
    ).toEqual([
      ['Børnehuset Mælkebøtten', 'Afdeling C', 'medarbejder', 5, 60, 70],
      ['Børnehuset Mælkebøtten', 'Afdeling C', 'leder', 5, 60, 58],
      ['Børnehuset Mælkebøtten', 'Afdeling D', 'medarbejder', 5, 70, 74],
      ['Børnehuset Mælkebøtten', 'Afdeling D', 'leder', 5, 75, 70],
      ['Pædagogisk Udviklingscenter', '', 'medarbejder', 5, 80, 88],
      ['Solsikkeskolen', 'Afdeling A', 'medarbejder', 5, 40, 50],
      ['Solsikkeskolen', 'Afdeling A', 'leder', 5, 30, 34],
      ['Solsikkeskolen', 'Afdeling B', 'medarbejder', 5, 50, 58],
      ['Solsikkeskolen', 'Afdeling B', 'leder', 5, 45, 46],
    ]);
    expect(a.withheldDepartments).toBe(2);
    expect(JSON.stringify(a.points)).not.toContain('Klub');
  });

  it('follows departments year over year across the kommune’s closed rounds up to the chosen one', async () => {
    const a = await read();
    const entry = (inst: string, dep: string, role: string) =>
      a.trend.find((e) => e.institutionName === inst && e.department === dep && e.roleGroup === role);
    expect(entry('Solsikkeskolen', 'Afdeling A', 'medarbejder')?.rounds).toEqual([
      { roundId: r2024, name: 'Forår 2024', opensOn: '2024-03-01', socialCapital: 50, plf: 40 },
      { roundId: r2025, name: 'Forår 2025', opensOn: '2025-03-01', socialCapital: 40, plf: 50 },
    ]);
    expect(entry('Solsikkeskolen', 'Afdeling Gammel', 'medarbejder')?.rounds).toEqual([
      { roundId: r2024, name: 'Forår 2024', opensOn: '2024-03-01', socialCapital: 60, plf: 55 },
    ]);
    // The club's withheld groups have no figure in any round: not in the trend. The open round is not there.
    expect(a.trend.some((e) => e.institutionName === 'Klub Lynet')).toBe(false);
    expect(JSON.stringify(a.trend)).not.toContain(openRound);
    // An older round chosen: only rounds up to it.
    const old = await read(`&roundId=${r2024}`);
    expect(old.round.id).toBe(r2024);
    expect(old.fits).toEqual({ medarbejder: null, leder: null });
    expect(old.trend.every((e) => e.rounds.every((x) => x.roundId === r2024))).toBe(true);
  });

  it('is the forvaltning’s own: others 404; an open round 409; another kommune’s round 404', async () => {
    for (const who of ['leder', 'administrator', 'forv-bakkedal'])
      expect(err(await get(who))).toEqual([404, 'survey.kommune_not_found']);
    expect(err(await get('forvaltning', `&roundId=${openRound}`))).toEqual([409, 'survey.results_not_ready']);
    expect(err(await get('forvaltning', `&roundId=${bakkedalRound}`))).toEqual([
      404,
      'survey.round_not_found',
    ]);
    expect(err(await c['forv-bakkedal'].get(`${API}/analysis.csv?kommuneId=${fjordby}`))).toEqual([
      404,
      'survey.kommune_not_found',
    ]);
    expect((await c.forvaltning.get(`${API}/analysis?kommuneId=x`)).statusCode).toBe(400);
  });

  it('exports the points as CSV and the whole analysis as XLSX', async () => {
    const csv = await c.forvaltning.get(`${API}/analysis.csv?kommuneId=${fjordby}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(
      /filename="analyse-foraar-2025-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = csv.body.slice(1).trimEnd().split('\r\n');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Institution;Afdeling;Rollegruppe;Besvarelser;Social kapital (0–100);PLF (0–100)');
    expect(lines).toContain('Pædagogisk Udviklingscenter;Uden afdeling;Medarbejdere;5;80;88');
    // Leaders are one group per institution: "Ledelsen", never "Uden afdeling".
    expect(lines.filter((l) => l.includes(';Ledere;')).every((l) => !l.includes('Uden afdeling'))).toBe(true);
    expect(lines).toHaveLength(10);
    const xlsx = await c.forvaltning.get(`${API}/analysis.xlsx?kommuneId=${fjordby}`);
    expect(xlsx.statusCode).toBe(200);
    const files = Object.fromEntries(
      Object.entries(unzipSync(xlsx.rawPayload)).map(([k, v]) => [k, strFromU8(v)]),
    );
    expect(files['xl/workbook.xml']).toMatch(/name="Afdelinger".*name="Linjer".*name="Udvikling"/);
    const fitsSheet = files['xl/worksheets/sheet2.xml'];
    // Medarbejdere: 5 points, slope 0.92, intercept 12.8, R² 0.9796 — as numbers.
    expect(fitsSheet).toMatch(
      /<c r="C2"><v>5<\/v><\/c><c r="D2"><v>0\.92<\/v><\/c><c r="E2"><v>12\.8<\/v><\/c><c r="F2"><v>0\.9796<\/v><\/c>/,
    );
    expect(fitsSheet).toContain('Aarhus (reference)');
    expect(fitsSheet).toMatch(/Skjulte afdelinger.*<c r="C6"><v>2<\/v><\/c>.*færre end 5 svar/);
    expect(files['xl/worksheets/sheet3.xml']).toContain('Afdeling Gammel');
  });
});
