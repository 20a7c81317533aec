import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants, users } from '../../../db/schema.js';
import { DEMO_DOMAIN } from '../../../demo/index.js';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/harness.js';
import {
  addAnswers,
  addGroup,
  addQuestionnaire,
  addRound,
  type SeededItem,
  same,
} from './figures.testing.js';

/*
 * Results of a closed round (issue 18, S1): the kommune's and an institution's lines, withheld so that no group
 * below the minimum shows directly or by difference (the institution minus its departments, the whole against a
 * role group, a department against its cells, the kommune against its institutions, questions and response), the
 * open answers' rule, results refused before the close, who may read what (404 otherwise), exact figures, the CSV
 * and the XLSX.
 *
 * Fjordby's closed round asks four institutions:
 * - Solsikkeskolen: Udskolingen 8 staff + 3 leaders, Indskolingen 6 + 2 leaders, Mellemtrinnet 4 staff (the
 *   department of four). Coarsened: the leaders (5) go with the staff, Mellemtrinnet (4) is withheld and so is
 *   Indskolingen (8) with it — else the school's 23 minus Udskolingen's 11 minus Indskolingen's 8 is Mellemtrinnet.
 * - Mælkebøtten: Vuggestuen 5, Børnehaven 7 + 1 leader: departments shown, role groups withheld.
 * - Udviklingscentret: 6 staff + 5 leaders without department: every line shown.
 * - Klub Lynet: 3 answers — withheld whole, counted in no kommune line.
 */
let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const c: Record<string, TestClient> = {};
const API = '/api/v1/survey';
const FORGED = '00000000-0000-4000-8000-000000000000';
let items: SeededItem[];
let closed: string;
let open: string;
let S: string;
let M: string;
let P: string;
let K: string;
const SCALE = 10;

type Line = {
  institutionId: string | null;
  institutionName: string | null;
  department: string | null;
  roleGroup: 'medarbejder' | 'leder' | null;
  withheld: boolean;
  answered: number | null;
  invited: number | null;
  scores: Record<string, number | null>;
  socialCapital: number | null;
  items: { itemId: string; mean: number | null; dontKnow: number | null }[];
};
type Res = {
  round: { id: string; state: string; minGroup: number; answered: number };
  items: { id: string; key: string; kind: string }[];
  groups: Line[];
  texts: { itemId: string; institutionName: string | null; department: string | null; texts: string[] }[];
};

async function addForvaltning(kommuneId: string, local: string) {
  const [demo] = await t.ctx.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.email, `forvaltning@${DEMO_DOMAIN}`));
  const [u] = await t.ctx.db
    .insert(users)
    .values({
      email: `${local}@${DEMO_DOMAIN}`,
      name: 'Bakkedal Forvaltning',
      passwordHash: demo.hash,
      status: 'active',
    })
    .returning({ id: users.id });
  await t.ctx.db.insert(roleGrants).values({ userId: u.id, role: 'forvaltning', kommuneId });
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  const db = t.ctx.db;
  const fjordby = ids.kommune['Fjordby Kommune'];
  S = ids.institution.Solsikkeskolen;
  M = ids.institution['Børnehuset Mælkebøtten'];
  P = ids.institution['Pædagogisk Udviklingscenter'];
  K = ids.institution['Klub Lynet'];
  await addForvaltning(ids.kommune['Bakkedal Kommune'], 'forvaltning-bakkedal');
  for (const who of [
    'forvaltning',
    'leder',
    'medarbejder',
    'ressourceperson',
    'leder2',
    'medarbejder2',
    'medarbejder3',
    'administrator',
    'forvaltning-bakkedal',
  ])
    c[who] = await t.as(who);
  const q = await addQuestionnaire(db, fjordby);
  items = q.items;
  closed = await addRound(db, {
    kommuneId: fjordby,
    questionnaireId: q.id,
    name: 'Forår 2025',
    opensOn: '2025-03-01',
    closesOn: '2025-03-21',
    institutionIds: [S, M, P, K],
  });
  const group = async (
    inst: string,
    dep: string,
    role: 'medarbejder' | 'leder',
    invited: number,
    answers: ReturnType<typeof same>,
  ) => {
    const id = await addGroup(db, closed, inst, dep, role, invited);
    await addAnswers(db, closed, id, items, answers);
  };
  // Solsikkeskolen: every answer of a group the same value (scores 75 / 100 / 50 / 25 / 0).
  await group(
    S,
    'Udskolingen',
    'medarbejder',
    10,
    same(8, 4, SCALE, { fritekst: 'Udskolingen: god sparring' }),
  );
  await group(S, 'Udskolingen', 'leder', 3, same(3, 5, SCALE));
  await group(S, 'Indskolingen', 'medarbejder', 9, same(6, 3, SCALE));
  await group(S, 'Indskolingen', 'leder', 2, same(2, 2, SCALE));
  await group(
    S,
    'Mellemtrinnet',
    'medarbejder',
    4,
    same(4, 1, SCALE, { fritekst: 'Mellemtrinnet: vi er kun fire' }),
  );
  // Mælkebøtten: one Vuggestue answer says "ved ikke" to everything.
  await group(M, 'Vuggestuen', 'medarbejder', 6, [...same(4, 5, SCALE), ...same(1, null, SCALE)]);
  await group(
    M,
    'Børnehaven',
    'medarbejder',
    8,
    same(7, 3, SCALE, { fritekst: '=Børnehaven; "tid" til dialog' }),
  );
  await group(M, 'Børnehaven', 'leder', 1, same(1, 1, SCALE));
  // Udviklingscentret: staff and leaders without department, both at least five.
  await group(P, '', 'medarbejder', 6, same(6, 2, SCALE));
  await group(P, '', 'leder', 5, same(5, 4, SCALE, { fritekst: 'Centret: ledelsen lytter' }));
  // Klub Lynet: three answers.
  await group(K, 'Klubteamet', 'medarbejder', 5, same(3, 5, SCALE, { fritekst: 'Klubben: hemmeligt' }));
  open = await addRound(db, {
    kommuneId: fjordby,
    questionnaireId: q.id,
    name: 'Efterår 2025 (åben)',
    opensOn: '2025-09-01',
    closesOn: '2099-12-31',
    institutionIds: [S],
  });
});
afterAll(() => t?.close());

const get = async (who: string, round = closed, q = '') =>
  c[who].get(`${API}/rounds/${round}/results${q ? `?${q}` : ''}`);
const read = async (who: string, q = '') => {
  const res = await get(who, closed, q);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Res;
};
const find = (r: Res, inst: string | null, dep: string | null, role: string | null) =>
  r.groups.find((g) => g.institutionId === inst && g.department === dep && g.roleGroup === role) as Line;

/** Every shown line has 0 or at least `min` answers, and so has every difference of a shown whole and its shown parts. */
function expectNoSmallDifference(r: Res, min: number) {
  const ok = (n: number) => n === 0 || n >= min;
  for (const g of r.groups) {
    if (g.withheld) {
      expect(g.answered).toBeNull();
      expect(g.socialCapital).toBeNull();
      expect(Object.values(g.scores).every((x) => x === null)).toBe(true);
      expect(g.items.every((x) => x.mean === null && x.dontKnow === null)).toBe(true);
    } else expect(ok(g.answered as number), JSON.stringify(g)).toBe(true);
  }
  const shown = (gs: Line[]) => gs.filter((g) => !g.withheld);
  const sum = (gs: Line[]) => shown(gs).reduce((s, g) => s + (g.answered ?? 0), 0);
  const insts = [...new Set(r.groups.map((g) => g.institutionId).filter((x): x is string => !!x))];
  for (const inst of insts) {
    const lines = r.groups.filter((g) => g.institutionId === inst);
    const whole = lines.find((g) => g.department === null && g.roleGroup === null) as Line;
    if (whole.withheld) {
      expect(shown(lines)).toEqual([]);
      continue;
    }
    const total = whole.answered as number;
    expect(ok(total - sum(lines.filter((g) => g.department !== null && g.roleGroup === null)))).toBe(true);
    expect(ok(total - sum(lines.filter((g) => g.department === null && g.roleGroup !== null)))).toBe(true);
    for (const role of ['medarbejder', 'leder']) {
      const roleLine = lines.find((g) => g.department === null && g.roleGroup === role);
      const cells = lines.filter((g) => g.department !== null && g.roleGroup === role);
      if (roleLine && !roleLine.withheld) expect(ok((roleLine.answered as number) - sum(cells))).toBe(true);
      // The whole minus a role group is the other role group: never small either.
      if (roleLine && !roleLine.withheld) expect(ok(total - (roleLine.answered as number))).toBe(true);
    }
    for (const dep of lines.filter((g) => g.department !== null && g.roleGroup === null && !g.withheld)) {
      const cells = lines.filter((g) => g.department === dep.department && g.roleGroup !== null);
      expect(ok((dep.answered as number) - sum(cells))).toBe(true);
    }
  }
}

describe('the kommune’s results (forvaltning)', () => {
  it('withholds the department of four, the department that would give it away, and the small club', async () => {
    const r = await read('forvaltning');
    expect(r.round).toMatchObject({ id: closed, state: 'closed', minGroup: 5 });
    expectNoSmallDifference(r, 5);
    // Solsikkeskolen: the whole and Udskolingen only.
    expect(find(r, S, null, null)).toMatchObject({ withheld: false, answered: 23, invited: 28 });
    expect(find(r, S, 'Udskolingen', null)).toMatchObject({ withheld: false, answered: 11, invited: 13 });
    expect(find(r, S, 'Mellemtrinnet', null)).toMatchObject({ withheld: true, answered: null, invited: 4 });
    expect(find(r, S, 'Indskolingen', null)).toMatchObject({ withheld: true, answered: null });
    expect(find(r, S, null, 'medarbejder').withheld).toBe(true);
    expect(find(r, S, null, 'leder').withheld).toBe(true);
    expect(find(r, S, 'Udskolingen', 'medarbejder').withheld).toBe(true);
    // Mælkebøtten: departments shown, role groups (one leader) withheld.
    expect(find(r, M, 'Vuggestuen', null)).toMatchObject({ withheld: false, answered: 5 });
    expect(find(r, M, 'Børnehaven', null)).toMatchObject({ withheld: false, answered: 8 });
    expect(find(r, M, null, 'leder').withheld).toBe(true);
    expect(find(r, M, null, 'medarbejder').withheld).toBe(true);
    expect(find(r, M, 'Børnehaven', 'leder').withheld).toBe(true);
    // Udviklingscentret: every line.
    for (const [dep, role, n] of [
      [null, null, 11],
      [null, 'medarbejder', 6],
      [null, 'leder', 5],
      ['', null, 11],
      ['', 'medarbejder', 6],
      ['', 'leder', 5],
    ] as const)
      expect(find(r, P, dep, role)).toMatchObject({ withheld: false, answered: n });
    // Klub Lynet: withheld whole, nothing of it anywhere.
    expect(r.groups.filter((g) => g.institutionId === K).every((g) => g.withheld)).toBe(true);
    // The kommune: the shown institutions only (23 + 13 + 11), its role groups only from shown role lines.
    expect(find(r, null, null, null)).toMatchObject({ withheld: false, answered: 47, invited: 28 + 15 + 11 });
    expect(find(r, null, null, 'medarbejder')).toMatchObject({ withheld: false, answered: 6, invited: 6 });
    expect(find(r, null, null, 'leder')).toMatchObject({ withheld: false, answered: 5, invited: 5 });
    const insts = r.groups.filter((g) => g.institutionId && g.department === null && g.roleGroup === null);
    expect(insts.map((g) => g.institutionName)).toEqual([
      'Børnehuset Mælkebøtten',
      'Klub Lynet',
      'Pædagogisk Udviklingscenter',
      'Solsikkeskolen',
    ]);
    // The kommune minus its shown institutions is nothing: a withheld institution is counted nowhere.
    expect(47 - insts.filter((g) => !g.withheld).reduce((s, g) => s + (g.answered ?? 0), 0)).toBe(0);
  });

  it('counts the round’s answers in the shown institutions only, wherever the count is shown', async () => {
    // 50 answers in all; Klub Lynet's 3 must not come out as the round's count minus the kommune line.
    const kommuneLine = find(await read('forvaltning'), null, null, null).answered;
    expect((await read('forvaltning')).round.answered).toBe(kommuneLine);
    expect((await read('leder')).round.answered).toBe(kommuneLine);
    const fjordby = ids.kommune['Fjordby Kommune'];
    const analysis = await c.forvaltning.get(`${API}/analysis?kommuneId=${fjordby}&roundId=${closed}`);
    expect(analysis.json().round.answered).toBe(kommuneLine);
    const list = await c.forvaltning.get(`${API}/rounds?kommuneId=${fjordby}`);
    expect(list.json().find((x: { id: string }) => x.id === closed).answered).toBe(kommuneLine);
    const detail = await c.forvaltning.get(`${API}/rounds/${closed}`);
    expect(detail.json().answered).toBe(kommuneLine);
    const shown = (
      detail.json().response as {
        department: string | null;
        roleGroup: string | null;
        answered: number | null;
      }[]
    )
      .filter((l) => l.department === null && l.roleGroup === null)
      .reduce((n, l) => n + (l.answered ?? 0), 0);
    expect(detail.json().answered - shown).toBe(0);
  });

  it('computes the figures exactly: means per dimension, social capital, per question and "ved ikke"', async () => {
    const r = await read('forvaltning');
    // Udskolingen: 8 × 75 and 3 × 100 → 81.8 everywhere.
    const ud = find(r, S, 'Udskolingen', null);
    expect(ud.socialCapital).toBe(81.8);
    expect(ud.scores).toEqual({
      tillid: 81.8,
      kerneopgave: 81.8,
      ledelse: 81.8,
      involvering: 81.8,
      plf: 81.8,
    });
    expect(ud.items).toHaveLength(SCALE);
    expect(ud.items.every((x) => x.mean === 81.8 && x.dontKnow === 0)).toBe(true);
    // Solsikkeskolen: (8·75 + 3·100 + 6·50 + 2·25 + 4·0) / 23 = 1250 / 23 = 54.3.
    expect(find(r, S, null, null).socialCapital).toBe(54.3);
    // Vuggestuen: four 100s and one "ved ikke" everywhere — 100, one in five "ved ikke", still 5 answered.
    const vug = find(r, M, 'Vuggestuen', null);
    expect(vug).toMatchObject({ answered: 5, socialCapital: 100 });
    expect(vug.items.every((x) => x.mean === 100 && x.dontKnow === 0.2)).toBe(true);
    // The kommune: (1250 + 4·100 + 7·50 + 1·0 + 6·25 + 5·75) / (47 − 1 "ved ikke") = 2525 / 46 = 54.9.
    expect(find(r, null, null, null).socialCapital).toBe(54.9);
    expect(find(r, null, null, null).items[0]).toEqual({ itemId: items[0].id, mean: 54.9, dontKnow: 0.021 });
    expect(find(r, null, null, 'leder').socialCapital).toBe(75);
  });

  it('shows open answers per institution, only from departments shown — not the department of four, not the club', async () => {
    const r = await read('forvaltning');
    const fritekst = items.find((i) => i.key === 'fritekst')?.id;
    expect(r.texts).toEqual([
      {
        itemId: fritekst,
        institutionName: 'Børnehuset Mælkebøtten',
        department: null,
        texts: Array(7).fill('=Børnehaven; "tid" til dialog'),
      },
      {
        itemId: fritekst,
        institutionName: 'Pædagogisk Udviklingscenter',
        department: null,
        texts: Array(5).fill('Centret: ledelsen lytter'),
      },
      {
        itemId: fritekst,
        institutionName: 'Solsikkeskolen',
        department: null,
        texts: Array(8).fill('Udskolingen: god sparring'),
      },
    ]);
    expect(JSON.stringify(r)).not.toContain('Mellemtrinnet: vi er kun fire');
    expect(JSON.stringify(r)).not.toContain('Klubben');
  });
});

describe('an institution’s results', () => {
  it('are the same lines as in the kommune’s, for the school’s people and the forvaltning', async () => {
    const kommune = await read('forvaltning');
    const mine = kommune.groups.filter((g) => g.institutionId === S);
    for (const who of ['leder', 'medarbejder', 'ressourceperson']) {
      const r = await read(who);
      expect(r.groups).toEqual(mine);
      expect(r.texts.map((x) => x.institutionName)).toEqual(['Solsikkeskolen']);
      expectNoSmallDifference(r, 5);
    }
    expect((await read('forvaltning', `institutionId=${S}`)).groups).toEqual(mine);
    expect((await read('leder', `institutionId=${S}`)).groups).toEqual(mine);
  });

  it('its trend shows the closed round, withheld where the institution is', async () => {
    const trend = async (who: string, inst: string) =>
      c[who].get(`${API}/institution-trend?institutionId=${inst}`);
    const s = await trend('medarbejder', S);
    expect(s.statusCode).toBe(200);
    expect(s.json().rounds).toEqual([
      expect.objectContaining({
        roundId: closed,
        name: 'Forår 2025',
        closesOn: '2025-03-21',
        withheld: false,
        answered: 23,
        socialCapital: 54.3,
      }),
    ]);
    const k = await trend('forvaltning', K);
    expect(k.json().rounds).toEqual([
      expect.objectContaining({ roundId: closed, withheld: true, answered: null, socialCapital: null }),
    ]);
    expect(Object.values(k.json().rounds[0].scores).every((x) => x === null)).toBe(true);
    for (const [who, inst] of [
      ['leder2', S],
      ['medarbejder3', S],
      ['forvaltning-bakkedal', S],
      ['administrator', S],
      ['medarbejder', FORGED],
    ])
      expect(err(await trend(who, inst))).toEqual([404, 'survey.institution_not_found']);
  });
});

describe('who may read results', () => {
  it('refuses results before the round has closed', async () => {
    expect(err(await get('forvaltning', open))).toEqual([409, 'survey.results_not_ready']);
    expect(err(await get('leder', open))).toEqual([409, 'survey.results_not_ready']);
    expect(err(await c.forvaltning.get(`${API}/rounds/${open}/results.csv`))).toEqual([
      409,
      'survey.results_not_ready',
    ]);
  });

  it('404 for another institution’s people, another kommune, administrators and forged ids', async () => {
    // Mælkebøtten's leader and staff: their own institution, never Solsikkeskolen's or the kommune's.
    expect((await read('leder2')).groups[0]).toMatchObject({ institutionId: M });
    expect((await read('medarbejder2')).groups[0]).toMatchObject({ institutionId: M });
    expect(err(await get('leder2', closed, `institutionId=${S}`))).toEqual([
      404,
      'survey.institution_not_found',
    ]);
    expect(err(await get('medarbejder2', closed, `institutionId=${S}`))).toEqual([
      404,
      'survey.institution_not_found',
    ]);
    expect(err(await get('medarbejder', closed, `institutionId=${M}`))).toEqual([
      404,
      'survey.institution_not_found',
    ]);
    // Another kommune's people and forvaltning, and administrators: the round does not exist for them.
    for (const who of ['medarbejder3', 'forvaltning-bakkedal', 'administrator']) {
      expect(err(await get(who))).toEqual([404, 'survey.round_not_found']);
      expect(err(await get(who, closed, `institutionId=${S}`))).toEqual([404, 'survey.round_not_found']);
      expect(err(await c[who].get(`${API}/rounds/${closed}/results.xlsx`))).toEqual([
        404,
        'survey.round_not_found',
      ]);
    }
    // The open round asked only Solsikkeskolen: Mælkebøtten's people do not see it.
    expect(err(await get('leder2', open))).toEqual([404, 'survey.round_not_found']);
    expect(err(await get('forvaltning', FORGED))).toEqual([404, 'survey.round_not_found']);
    expect(err(await get('forvaltning', closed, `institutionId=${ids.institution.Bakkeskolen}`))).toEqual([
      404,
      'survey.institution_not_found',
    ]);
    expect(err(await get('forvaltning', closed, 'institutionId=nope'))[0]).toBe(400);
    expect((await t.client().get(`${API}/rounds/${closed}/results`)).statusCode).toBe(401);
  });
});

describe('exports', () => {
  it('CSV: BOM, semicolons, decimal comma, Danish header, withheld figures empty with the reason', async () => {
    const res = await c.forvaltning.get(`${API}/rounds/${closed}/results.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="resultater-foraar-2025-fjordby-kommune-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const body = res.body;
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Institution;Afdeling;Rollegruppe;Besvarelser;Inviterede;Svarprocent;Social kapital (0–100);Tillid og samarbejde (0–100);Kerneopgaven (0–100);Ledelse (0–100);Involvering (0–100);PLF (0–100);Bemærkning',
    );
    expect(lines[1]).toBe('Fjordby Kommune;I alt;I alt;47;54;87;54,9;54,9;54,9;54,9;54,9;54,9;');
    expect(lines).toContain('Solsikkeskolen;Udskolingen;I alt;11;13;84,6;81,8;81,8;81,8;81,8;81,8;81,8;');
    expect(lines).toContain(
      'Solsikkeskolen;Mellemtrinnet;I alt;;4;;;;;;;;færre end 5 svar (eller skjult, så en mindre gruppe ikke kan regnes ud)',
    );
    // The '' department: the leaders are "Ledelsen", the line of leaders and staff in no afdeling says both.
    expect(lines).toContain('Pædagogisk Udviklingscenter;Ledelsen;Ledere;5;5;100;75;75;75;75;75;75;');
    expect(lines.some((l) => l.startsWith('Pædagogisk Udviklingscenter;Uden afdeling;Medarbejdere;6;'))).toBe(
      true,
    );
    expect(
      lines.some((l) => l.startsWith('Pædagogisk Udviklingscenter;Ledelsen og uden afdeling;I alt;11;')),
    ).toBe(true);
    expect(lines.length).toBe(r0Lines + 1);
  });

  it('XLSX: three sheets, numbers as numbers, Danish characters, withheld cells empty with the note', async () => {
    const res = await c.leder.get(`${API}/rounds/${closed}/results.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain('resultater-foraar-2025-solsikkeskolen-');
    const files = Object.fromEntries(
      Object.entries(unzipSync(res.rawPayload)).map(([k, v]) => [k, strFromU8(v)]),
    );
    expect(files['xl/workbook.xml']).toContain('name="Resultater"');
    expect(files['xl/workbook.xml']).toContain('name="Spørgsmål"');
    expect(files['xl/workbook.xml']).toContain('name="Fritekst"');
    const sheet = files['xl/worksheets/sheet1.xml'];
    const row = (n: number) => sheet.match(new RegExp(`<row r="${n}">(.*?)</row>`))?.[1] ?? '';
    expect(row(1)).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Institution</t>');
    // Row 2: the school's whole — answered 23 and social capital 54.3 as numbers.
    expect(row(2)).toContain('<c r="D2"><v>23</v></c>');
    expect(row(2)).toContain('<c r="G2"><v>54.3</v></c>');
    // Mellemtrinnet: invited only, the figures' cells absent, the note in M.
    const mellem =
      sheet.match(
        /<row r="(\d+)"><c r="A\d+" t="inlineStr"><is><t xml:space="preserve">Solsikkeskolen<\/t><\/is><\/c><c r="B\d+" t="inlineStr"><is><t xml:space="preserve">Mellemtrinnet<\/t>.*?<\/row>/,
      )?.[0] ?? '';
    expect(mellem).toMatch(/<c r="E\d+"><v>4<\/v><\/c>/);
    expect(mellem).not.toMatch(/<c r="[DFGHIJKL]\d+"/);
    expect(mellem).toContain('færre end 5 svar');
    expect(files['xl/worksheets/sheet2.xml']).toContain('æ ø å');
    expect(files['xl/worksheets/sheet3.xml']).toContain('Udskolingen: god sparring');
    expect(files['xl/worksheets/sheet3.xml']).not.toContain('vi er kun fire');
  });
});

// The kommune's results have 2 kommune lines + Solsikkeskolen 1 + 2 + 3 × (1 + cells) … counted once here.
const r0Lines = 3 + (1 + 2 + 3 + 5) + (1 + 2 + 2 + 3) + (1 + 2 + 1 + 2) + (1 + 1 + 1 + 1);
