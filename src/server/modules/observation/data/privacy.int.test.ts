import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../../testing/harness.js';
import { insertKnownData, insertSchema, insertVisits, TEST_KEYS, type TestVisit } from './data.testing.js';

/**
 * O5: a self-observation never counts toward institution data — nor does a flagged, unfinished or cancelled
 * visit. Every answer of the data API (all breakdowns and filters, JSON and CSV, institution and kommune) is
 * taken before and after adding such visits with extreme answers, and must be byte for byte the same.
 */

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let schemaId: string;

const teachers = ['laerer1', 'laerer2', 'laerer3', 'laerer4', 'laerer5', 'laerer6', 'medarbejder'];

async function everything(): Promise<Record<string, string>> {
  const fjordby = ids.kommune['Fjordby Kommune'];
  const urls: [string, string][] = [];
  const queries = [
    '',
    'by=subject',
    'by=grade',
    'subject=Dansk',
    'subject=Tysk',
    'term=2026-1&by=grade',
    'grade=3&by=subject',
    `focusArea=${TEST_KEYS.areaA}`,
    'subject=Fransk',
    'term=2025-2',
  ];
  for (const q of queries) {
    urls.push(['leder', `/observation/institutions/${sol}/data?${q}`]);
    urls.push(['leder', `/observation/institutions/${sol}/data.csv?${q}`]);
    urls.push(['forvaltning', `/observation/institutions/${sol}/data?${q}`]);
  }
  for (const q of ['', 'by=subject', 'by=term', 'by=grade', 'subject=Dansk', 'by=institution&grade=3']) {
    urls.push(['forvaltning', `/observation/kommuner/${fjordby}/data?${q}`]);
    urls.push(['forvaltning', `/observation/kommuner/${fjordby}/data.csv?${q}`]);
  }
  const clients = { leder: await t.as('leder'), forvaltning: await t.as('forvaltning') };
  const out: Record<string, string> = {};
  for (const [who, url] of urls) {
    const res = await clients[who as keyof typeof clients].request('GET', `/api/v1${url}`);
    out[`${who} ${url}`] =
      `${res.statusCode} ${res.headers['content-type']} ${res.headers['content-disposition'] ?? ''}\n${res.body}`;
  }
  return out;
}

/** Visits that must never count, with answers far outside what the counted visits hold. */
function neverCounted(): TestVisit[] {
  const extreme = (scale: number) => [
    { key: TEST_KEYS.scale, value: scale },
    { key: TEST_KEYS.yesno, value: false },
    { key: TEST_KEYS.count, value: 9999 },
    { key: TEST_KEYS.text, value: '=HEMMELIG selvobservation' },
    { key: TEST_KEYS.pupilScale, pupil: 1, value: 5 },
    { key: TEST_KEYS.calm, value: 1 },
  ];
  const base = { institutionId: sol, schemaId };
  const out: TestVisit[] = [];
  for (const [i, l] of teachers.entries()) {
    const me = ids.user[l];
    // Self-observations: completed, in every term, subject and grade (new ones too), by the teacher and a guest.
    out.push({
      ...base,
      kind: 'self',
      teacherId: me,
      observerId: me,
      plannedFor: '2026-03-12',
      subject: 'Dansk',
      grade: 3,
      answers: extreme(1),
    });
    out.push({
      ...base,
      kind: 'self',
      teacherId: me,
      observerId: ids.user.laerer7,
      plannedFor: '2025-10-01',
      subject: 'Fransk',
      grade: 9,
      answers: extreme(7),
    });
    out.push({
      ...base,
      kind: 'self',
      teacherId: me,
      observerId: me,
      plannedFor: '2026-04-20',
      subject: 'Tysk',
      grade: 5,
      answers: extreme(i % 2 ? 1 : 7),
    });
  }
  // Classroom visits that do not count (yet): flagged, in progress, planned, cancelled.
  const visit = {
    ...base,
    observerId: ids.user.leder,
    subject: 'Dansk',
    grade: 3,
    plannedFor: '2026-03-20',
    answers: extreme(1),
  };
  out.push({ ...visit, teacherId: ids.user.laerer6, flag: 'observer_lost_role' });
  out.push({ ...visit, teacherId: ids.user.laerer7, status: 'in_progress' });
  out.push({ ...visit, teacherId: ids.user.medarbejder, status: 'cancelled' });
  out.push({ ...visit, teacherId: ids.user.laerer7, status: 'planned', answers: [] });
  out.push({
    ...visit,
    teacherId: ids.user.laerer7,
    flag: 'observer_lost_role',
    subject: 'Fransk',
    plannedFor: '2025-11-02',
  });
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  schemaId = await insertSchema(t.ctx.db, sol);
  await insertKnownData(t.ctx.db, {
    institutionId: sol,
    schemaId,
    observerId: ids.user.leder,
    teacherIds: teachers.slice(0, 6).map((l) => ids.user[l]),
  });
}, 60_000);
afterAll(() => t?.close());

describe('what never counts toward institution data', () => {
  it('self-observations, flagged, unfinished and cancelled visits change no figure, option, CSV or kommune view', async () => {
    const before = await everything();
    // The data is real: the baseline shows figures (not only hidden cells).
    // (ADR 0009: the known data shows no subject, so the baseline is the whole institution's 6 teachers.)
    expect(before[`leder /observation/institutions/${sol}/data?`]).toContain('"teachers":6');
    await insertVisits(t.ctx.db, neverCounted());
    const after = await everything();
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length);
    for (const key of Object.keys(before)) expect(after[key], key).toBe(before[key]);
    for (const [key, body] of Object.entries(after)) {
      expect(body).not.toContain('HEMMELIG');
      expect(body).not.toContain('9999');
      // Filters are echoed; otherwise the self-observations' subject and term appear nowhere (not in options).
      if (!key.includes('Fransk')) expect(body, key).not.toContain('Fransk');
      if (!key.includes('2025-2')) expect(body, key).not.toContain('2025-2');
    }
  });
});
