import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, err } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../../testing/harness.js';
import { copyOfTestDefinition, insertKnownData, insertSchema, TEST_KEYS } from './data.testing.js';
import type { DataCell, ObservationData } from '../types.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let kilde: string;
let kildeCalm: string;

const get = async (account: string, url: string) => (await t.as(account)).request('GET', `/api/v1${url}`);
const data = async (url: string, account = 'leder') => {
  const res = await get(account, url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ObservationData;
};
const indicator = (d: ObservationData, key: string) =>
  d.areas.flatMap((a) => a.indicators).find((i) => i.key === key);
const byText = (d: ObservationData, text: string) =>
  d.areas.flatMap((a) => a.indicators).find((i) => i.text === text);
const shown = (c: DataCell | undefined) => {
  expect(c?.suppressed).toBe(false);
  return c as DataCell;
};
const everyCell = (d: ObservationData) => [
  d.total,
  ...d.groups.map((g) => g.total),
  ...d.areas.flatMap((a) => a.indicators.flatMap((i) => [i.total, ...i.cells])),
];

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  kilde = ids.institution.Kildeskolen;
  const db = t.ctx.db;
  const solSchema = await insertSchema(db, sol);
  await insertKnownData(db, {
    institutionId: sol,
    schemaId: solSchema,
    observerId: ids.user.leder,
    teacherIds: ['laerer1', 'laerer2', 'laerer3', 'laerer4', 'laerer5', 'laerer6'].map((l) => ids.user[l]),
  });
  // Kildeskolen: the same questions under its own keys, and its calm indicator renamed to a formula.
  const copy = copyOfTestDefinition();
  copy.definition.focusAreas[1].indicators[0].text = '=1+1 ro i klassen';
  kildeCalm = copy.keys.calm;
  const kildeSchema = await insertSchema(db, kilde, copy.definition);
  await insertKnownData(
    db,
    {
      institutionId: kilde,
      schemaId: kildeSchema,
      observerId: ids.user.leder,
      teacherIds: ['laerer8', 'laerer9', 'laerer10', 'laerer11', 'laerer12', 'laerer13'].map(
        (l) => ids.user[l],
      ),
    },
    copy.keys,
    copy.definition,
  );
}, 60_000);
afterAll(() => t?.close());

describe('institution data: the numbers', () => {
  // ADR 0009: five teachers of Dansk and one of Tysk make one class at the minimum 5 (Dansk minus the total would
  // be the Tysk teacher), so no subject or grade is shown, only the term; questions the Tysk teacher left out
  // (all but the scale) show only where nothing is fixed. Before, subject=Dansk showed 5 of the 6 teachers.
  it('means, yes-share, counts, free text and pupil answers on a known data set', async () => {
    const d = await data(`/observation/institutions/${sol}/data`);
    expect(d.scope).toEqual({ kind: 'institution', id: sol, name: 'Solsikkeskolen', words: 'skole' });
    expect(d.minGroupSize).toBe(5);
    expect(d.by).toBe('term');
    expect(d.groups.map((g) => [g.key, g.label])).toEqual([['2026-1', 'Forår 2026']]);
    expect(shown(d.total)).toMatchObject({ teachers: 6, visits: 6, value: null });
    const scale = indicator(d, TEST_KEYS.scale);
    expect(shown(scale?.total)).toEqual({
      teachers: 6,
      visits: 6,
      value: 32 / 6,
      answers: 6,
      suppressed: false,
    });
    expect(scale?.cells).toEqual([scale?.total]);
    // Answered by five of the six: the total shows, the term's cell does not (it fixes a term).
    expect(indicator(d, TEST_KEYS.yesno)?.cells.map((c) => c.suppressed)).toEqual([true]);
    expect(shown(indicator(d, TEST_KEYS.yesno)?.total).value).toBeCloseTo(0.6);
    expect(shown(indicator(d, TEST_KEYS.count)?.total).value).toBe(6);
    expect(shown(indicator(d, TEST_KEYS.text)?.total)).toMatchObject({
      value: null,
      answers: 5,
      teachers: 5,
    });
    // Pupil interview: three pupils per visit → 15 answers, mean 2, but 5 visits and 5 teachers.
    expect(shown(indicator(d, TEST_KEYS.pupilScale)?.total)).toEqual({
      teachers: 5,
      visits: 5,
      value: 2,
      answers: 15,
      suppressed: false,
    });
    // Læringsmiljø's one question (calm) has 4 teachers: not shown.
    expect(d.areas.map((a) => a.title)).toEqual(['Tydelige mål']);
    expect(d.options).toEqual({ terms: ['2026-1'], subjects: [], grades: [] });
    // Dansk alone would show five of the six teachers: nothing is shown for it.
    const dansk = await data(`/observation/institutions/${sol}/data?subject=Dansk`);
    expect(dansk.areas).toEqual([]);
    expect(dansk.total.suppressed).toBe(true);
  });

  it('hides a figure with 4 teachers at minimum 5, and shows it at the setting 3', async () => {
    const before = await data(`/observation/institutions/${sol}/data`);
    // Four teachers answered calm: at minimum 5 it is not shown at all (ADR 0009; before: a hidden row).
    expect(indicator(before, TEST_KEYS.calm)).toBeUndefined();
    await t.ctx.db.execute(
      sql`insert into observation_settings (institution_id, min_group_size) values (${sol}, 3)`,
    );
    try {
      const after = await data(`/observation/institutions/${sol}/data`);
      expect(after.minGroupSize).toBe(3);
      expect(shown(indicator(after, TEST_KEYS.calm)?.total)).toMatchObject({ teachers: 4, value: 6 });
    } finally {
      await t.ctx.db.execute(sql`delete from observation_settings where institution_id = ${sol}`);
    }
  });

  it('by subject: Tysk (1 teacher) is not a group, nor Dansk (the total minus it), while the total shows', async () => {
    const d = await data(`/observation/institutions/${sol}/data?by=subject`);
    expect(d.groups).toEqual([]);
    const scale = indicator(d, TEST_KEYS.scale);
    expect(shown(scale?.total)).toMatchObject({ teachers: 6, value: 32 / 6 });
    expect(scale?.cells).toEqual([]);
    expect(shown(d.total).teachers).toBe(6);
  });

  it('filtered down to one teacher, nothing but hidden figures — options do not change', async () => {
    const all = await data(`/observation/institutions/${sol}/data`);
    for (const q of ['subject=Tysk', 'subject=Tysk&grade=5&by=grade', 'grade=5&by=subject']) {
      const d = await data(`/observation/institutions/${sol}/data?${q}`);
      expect(everyCell(d).length).toBeGreaterThan(0);
      for (const c of everyCell(d))
        expect(c).toEqual({ teachers: null, visits: null, value: null, answers: null, suppressed: true });
      expect(d.options).toEqual(all.options);
      const csv = (await get('leder', `/observation/institutions/${sol}/data.csv?${q}`)).body;
      // Every row ends with the hidden note and has no figure in it.
      for (const line of csv.slice(1).trim().split('\r\n').slice(1))
        expect(line).toMatch(/;;;;;skjult \(færre end 5 lærere\)$/);
    }
  });

  it('by grade, with a focus area, and bad filters', async () => {
    const d = await data(`/observation/institutions/${sol}/data?by=grade&focusArea=${TEST_KEYS.areaB}`);
    // Calm (4 teachers) is the area's only question: nothing of it shows, and no grade is a group (ADR 0009).
    expect(d.areas).toEqual([]);
    expect(d.groups).toEqual([]);
    expect(d.total.suppressed).toBe(true);
    const leder = await t.as('leder');
    for (const q of ['by=institution', 'term=2026-3', 'grade=11', 'focusArea=nope', 'extra=1'])
      expect(err(await leder.request('GET', `/api/v1/observation/institutions/${sol}/data?${q}`))[0]).toBe(
        400,
      );
    expect(
      err(
        await leder.request(
          'GET',
          `/api/v1/observation/institutions/${sol}/data?focusArea=00000000-0000-4000-8000-000000000000`,
        ),
      ),
    ).toEqual([400, 'observation.focus_area_unknown']);
  });
});

describe('who sees institution data', () => {
  it('leaders and the forvaltning of the kommune; a leader elsewhere gets 404, a teacher 403', async () => {
    expect((await get('forvaltning', `/observation/institutions/${sol}/data`)).statusCode).toBe(200);
    expect(err(await get('leder2', `/observation/institutions/${sol}/data`))).toEqual([
      404,
      'institution.not_found',
    ]);
    expect(err(await get('leder2', `/observation/institutions/${sol}/data.csv`))[0]).toBe(404);
    expect(err(await get('medarbejder', `/observation/institutions/${sol}/data`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await get('ressourceperson', `/observation/institutions/${sol}/data.csv`))[0]).toBe(403);
    expect(err(await get('laerer1', `/observation/institutions/${sol}/data`))[0]).toBe(403);
    expect((await t.client().request('GET', `/api/v1/observation/institutions/${sol}/data`)).statusCode).toBe(
      401,
    );
  });

  it('kommune data: its forvaltning only (another kommune’s 404, a leader 404, an administrator 403)', async () => {
    const fjordby = ids.kommune['Fjordby Kommune'];
    const bakkedal = ids.kommune['Bakkedal Kommune'];
    await t.ctx.db.execute(sql`
      with u as (insert into users (email, name, status, password_hash)
        select 'forvaltning-bakkedal@demo.amongi.dk', 'Bo Bakke', 'active', password_hash from users
        where email = 'forvaltning@demo.amongi.dk' returning id)
      insert into role_grants (user_id, role, kommune_id) select id, 'forvaltning', ${bakkedal} from u`);
    expect(
      err(await get('forvaltning-bakkedal@demo.amongi.dk', `/observation/kommuner/${fjordby}/data`)),
    ).toEqual([404, 'kommune.not_found']);
    expect(
      err(await get('forvaltning-bakkedal@demo.amongi.dk', `/observation/institutions/${sol}/data`))[0],
    ).toBe(404);
    // A leader of one of its institutions may know the kommune (policy) but not see its data.
    expect(err(await get('leder', `/observation/kommuner/${fjordby}/data`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await get('leder2', `/observation/kommuner/${bakkedal}/data`))[0]).toBe(404);
    expect(err(await get('administrator', `/observation/kommuner/${fjordby}/data.csv`))[0]).toBe(403);
    expect(
      err(await get('forvaltning', '/observation/kommuner/00000000-0000-4000-8000-000000000000/data'))[0],
    ).toBe(404);
  });

  it('forvaltning sees its institutions by institution, the same questions merged across their keys', async () => {
    const fjordby = ids.kommune['Fjordby Kommune'];
    const d = await data(`/observation/kommuner/${fjordby}/data`, 'forvaltning');
    // A kommune with schools, a børnehus and a klub speaks the school's words.
    expect(d.scope).toEqual({ kind: 'kommune', id: fjordby, name: 'Fjordby Kommune', words: 'skole' });
    expect(d.by).toBe('institution');
    expect(d.groups.map((g) => [g.key, g.label])).toEqual([
      [kilde, 'Kildeskolen'],
      [sol, 'Solsikkeskolen'],
    ]);
    const scale = byText(d, 'Målet er tydeligt');
    expect(shown(scale?.total)).toMatchObject({ teachers: 12, visits: 12, value: 32 / 6 });
    expect(scale?.cells.map((c) => c.teachers)).toEqual([6, 6]);
    // Calm differs in text between the schools, so it is two questions (4 teachers each: not shown at all).
    expect(indicator(d, kildeCalm)).toBeUndefined();
    expect(d.areas.flatMap((a) => a.indicators)).toHaveLength(5);
    // The strictest setting of the kommune's institutions applies.
    await t.ctx.db.execute(
      sql`insert into observation_settings (institution_id, min_group_size) values (${kilde}, 7)`,
    );
    try {
      const strict = await data(`/observation/kommuner/${fjordby}/data`, 'forvaltning');
      expect(strict.minGroupSize).toBe(7);
      // Kildeskolen's 6 teachers are fewer than its 7: none of its answers count anywhere (ADR 0009).
      expect(strict.groups.map((g) => g.key)).toEqual([sol]);
      expect(byText(strict, 'Målet er tydeligt')?.cells.map((c) => c.suppressed)).toEqual([true]);
      expect(byText(strict, 'Målet er tydeligt')?.total.suppressed).toBe(true);
    } finally {
      await t.ctx.db.execute(sql`delete from observation_settings where institution_id = ${kilde}`);
    }
    const bySubject = await data(`/observation/kommuner/${fjordby}/data?by=subject`, 'forvaltning');
    // No school shows a subject (each has one Tysk teacher beside five of Dansk); the total (12) shows.
    expect(bySubject.groups).toEqual([]);
    expect(shown(bySubject.total).teachers).toBe(12);
  });
});

describe('CSV export', () => {
  it('UTF-8 with BOM, Danish header, attachment with an ASCII file name', async () => {
    const res = await get('leder', `/observation/institutions/${sol}/data.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="observationsdata-solsikkeskolen-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Fokusområde;Spørgsmål;Type;Termin;Lærere;Besøg;Værdi;Svar;Bemærkning');
    expect(lines).toContain('Tydelige mål;Målet er tydeligt;Skala (gennemsnit);Forår 2026;6;6;5,33;6;');
    expect(lines).toContain('Tydelige mål;Målet står på tavlen;Ja/nej (andel ja, 0–1);I alt;5;5;0,6;5;');
    expect(lines).toContain(
      'Tydelige mål;Målet står på tavlen;Ja/nej (andel ja, 0–1);Forår 2026;;;;;skjult (færre end 5 lærere)',
    );
  });

  it('guards against formulas in user text (kommune CSV)', async () => {
    // At Kildeskolen's minimum 3 its calm (4 teachers) counts where nothing is fixed; the kommune hides it (< 5).
    await t.ctx.db.execute(
      sql`insert into observation_settings (institution_id, min_group_size) values (${kilde}, 3)`,
    );
    const res = await get('forvaltning', `/observation/kommuner/${ids.kommune['Fjordby Kommune']}/data.csv`);
    await t.ctx.db.execute(sql`delete from observation_settings where institution_id = ${kilde}`);
    expect(res.headers['content-disposition']).toMatch(/filename="observationsdata-fjordby-kommune-/);
    expect(res.body).toContain(";'=1+1 ro i klassen;");
    expect(res.body).not.toMatch(/(^|;)=1\+1/m);
  });
});
