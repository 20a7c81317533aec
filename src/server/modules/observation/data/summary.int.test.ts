import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../../testing/harness.js';
import type { ObservationData } from '../types.js';
import { insertSchema, insertTeachers, insertVisits, TEST_KEYS, type TestVisit } from './data.testing.js';

/**
 * Issue 15: the data page's summary (strongest, weakest, change since the term before, visits behind it) and the
 * breakdowns it offers — built only from figures the suppressed answers show.
 */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let kilde: string;

const data = async (url: string, account = 'leder') => {
  const res = await (await t.as(account)).request('GET', `/api/v1${url}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ObservationData;
};

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  kilde = ids.institution.Kildeskolen;
  const db = t.ctx.db;
  const schemaId = await insertSchema(db, sol);
  const teachers = await insertTeachers(db, 'sum', 6);
  const base = { institutionId: sol, schemaId, observerId: ids.user.leder };
  // Spring 2026, Dansk: the goal 3 of 7, never on the board, calm 5. Autumn 2026, Matematik: goal 6, always on the
  // board, calm 5. Every teacher in a grade of their own (so no grade can be shown). The pupil question only four
  // teachers asked: withheld.
  const visits: TestVisit[] = teachers.flatMap((teacherId, i) => [
    {
      ...base,
      teacherId,
      plannedFor: `2026-03-${10 + i}`,
      subject: 'Dansk',
      grade: i + 1,
      answers: [
        { key: TEST_KEYS.scale, value: 3 },
        { key: TEST_KEYS.yesno, value: false },
        { key: TEST_KEYS.calm, value: 5 },
        ...(i < 4 ? [{ key: TEST_KEYS.pupilScale, pupil: 1, value: 5 }] : []),
      ],
    },
    {
      ...base,
      teacherId,
      plannedFor: `2026-10-${10 + i}`,
      subject: 'Matematik',
      grade: i + 1,
      answers: [
        { key: TEST_KEYS.scale, value: 6 },
        { key: TEST_KEYS.yesno, value: true },
        { key: TEST_KEYS.calm, value: 5 },
      ],
    },
  ]);
  await insertVisits(db, visits);
  // Kildeskolen: three teachers — fewer than the minimum, so nothing of it may be shown.
  const kildeSchema = await insertSchema(db, kilde);
  const few = await insertTeachers(db, 'few', 3);
  await insertVisits(
    db,
    few.map((teacherId, i) => ({
      institutionId: kilde,
      schemaId: kildeSchema,
      observerId: ids.user.leder,
      teacherId,
      plannedFor: `2026-03-${10 + i}`,
      subject: 'Dansk',
      grade: 2,
      answers: [{ key: TEST_KEYS.scale, value: 7 }],
    })),
  );
}, 60_000);
afterAll(() => t?.close());

describe('the summary of observation data', () => {
  it('names the strongest and weakest indicators, the change since last term and the visits behind it', async () => {
    const d = await data(`/observation/institutions/${sol}/data`);
    const s = d.summary;
    expect([s.visits, s.teachers]).toEqual([12, 6]);
    // Calm 5 of 7 (two thirds up the scale), the goal 4.5 of 7, on the board half the time.
    expect(s.strongest.map((x) => [x.text, x.value])).toEqual([
      ['Der er ro til arbejdet', 5],
      ['Målet er tydeligt', 4.5],
    ]);
    expect(s.strongest[0].position).toBeCloseTo(4 / 6);
    expect(s.strongest[0]).toMatchObject({ areaTitle: 'Læringsmiljø', areaKey: TEST_KEYS.areaB });
    expect(s.weakest.map((x) => [x.text, x.value])).toEqual([['Målet står på tavlen', 0.5]]);
    // Spring → autumn: on the board 0 → 100 %, the goal 3 → 6; calm did not move (not named).
    expect(s.terms).toEqual({ latest: '2026-2', previous: '2026-1' });
    expect(s.changes.map((x) => [x.text, x.previous, x.value, x.change])).toEqual([
      ['Målet står på tavlen', 0, 1, 1],
      ['Målet er tydeligt', 3, 6, 3],
    ]);
    // The pupil question (four teachers) is withheld: never named.
    expect(s.withheld).toBe(0);
    expect(JSON.stringify(s)).not.toContain('Ved du, hvad du skal lære?');
  });

  it('the same summary whichever breakdown is shown, and every change is two figures the term view shows', async () => {
    const byTerm = await data(`/observation/institutions/${sol}/data?by=term`);
    const bySubject = await data(`/observation/institutions/${sol}/data?by=subject`);
    expect(bySubject.summary).toEqual(byTerm.summary);
    const [spring, autumn] = byTerm.groups.map((g) => g.key);
    for (const c of byTerm.summary.changes) {
      const ind = byTerm.areas.flatMap((a) => a.indicators).find((i) => i.key === c.key);
      const cells = [spring, autumn].map((k) => ind?.cells[byTerm.groups.findIndex((g) => g.key === k)]);
      expect(cells.map((x) => x?.suppressed)).toEqual([false, false]);
      expect(cells.map((x) => x?.value)).toEqual([c.previous, c.value]);
    }
    // The strongest and weakest are the selection's shown totals.
    for (const x of [...byTerm.summary.strongest, ...byTerm.summary.weakest]) {
      const ind = byTerm.areas.flatMap((a) => a.indicators).find((i) => i.key === x.key);
      expect(ind?.total).toMatchObject({ suppressed: false, value: x.value });
    }
  });

  it('with a term chosen, the strongest and weakest are that term’s; the change still compares the last two terms', async () => {
    const s = (await data(`/observation/institutions/${sol}/data?term=2026-1`)).summary;
    expect([s.visits, s.teachers]).toEqual([6, 6]);
    expect(s.strongest.map((x) => [x.text, x.value])).toEqual([
      ['Der er ro til arbejdet', 5],
      ['Målet er tydeligt', 3],
    ]);
    expect(s.weakest.map((x) => [x.text, x.value])).toEqual([['Målet står på tavlen', 0]]);
    expect(s.terms).toEqual({ latest: '2026-2', previous: '2026-1' });
  });

  it('says nothing about an institution with too few teachers', async () => {
    const d = await data(`/observation/institutions/${kilde}/data`, 'forvaltning');
    expect(d.total.suppressed).toBe(true);
    expect(d.summary).toEqual({
      visits: null,
      teachers: null,
      strongest: [],
      weakest: [],
      terms: null,
      changes: [],
      withheld: 0,
    });
    expect(d.breakdowns.every((b) => !b.available && b.shown === 0)).toBe(true);
  });
});

describe('the breakdowns offered', () => {
  it('only those that can be shown: here term and subject, not grade (every teacher in a grade of their own)', async () => {
    const d = await data(`/observation/institutions/${sol}/data`);
    expect(d.breakdowns).toEqual([
      { by: 'term', shown: 2, groups: 2, available: true },
      { by: 'subject', shown: 2, groups: 2, available: true },
      { by: 'grade', shown: 0, groups: 6, available: false },
    ]);
    // Broken down by grade anyway, nothing per grade shows — which is why the page does not offer it.
    const byGrade = await data(`/observation/institutions/${sol}/data?by=grade`);
    expect(byGrade.groups.every((g) => g.total.suppressed)).toBe(true);
    for (const i of byGrade.areas.flatMap((a) => a.indicators))
      expect(i.cells.every((c) => c.suppressed)).toBe(true);
  });

  it('the kommune view offers institutions only where they can be told apart', async () => {
    const d = await data(`/observation/kommuner/${ids.kommune['Fjordby Kommune']}/data`, 'forvaltning');
    const inst = d.breakdowns.find((b) => b.by === 'institution');
    // Solsikkeskolen shows; Kildeskolen (three teachers) is withheld whole: one institution, nothing to compare.
    expect(inst).toEqual({ by: 'institution', shown: 1, groups: 2, available: false });
    expect(d.summary.teachers).toBe(6);
  });
});
