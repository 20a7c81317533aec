import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoSignals, videoViews } from '../../db/community-schema.js';
import { insertVideo, termId } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { addTeachers } from '../../testing/teachers.js';
import { danishMidnight } from './statistics-period.js';
import { MIN_GROUP_SIZE } from './suppression.js';

/**
 * Periods cannot be subtracted (issue 13 point 3, ADR 0009). On 1 April 2025, Danish time, exactly one person
 * (P) acts: at 00:30, which is still 31 March in UTC. Around it, other people act in January (one person: a month
 * with too few), February, March, April and May. Every period between the dates below is asked for, with and
 * without a subject filter; then for every two answers, every figure both show: if one's events contain the
 * other's, the people behind the difference are none or at least the minimum. Periods whose dates fall in the
 * same months give identical answers, so a day's shift shows nothing. The people behind each figure are known
 * here from the generated events (each figure is checked against them, so the model is the data).
 */

type Kind = 'views' | 'tried' | 'worked';
type Event = { person: string; video: string; subject: string; band: string; month: string; kind: Kind };

const DATES = [
  '2025-01-01',
  '2025-01-31',
  '2025-02-01',
  '2025-03-01',
  '2025-03-30',
  '2025-03-31',
  '2025-04-01',
  '2025-04-02',
  '2025-04-30',
  '2025-05-01',
  '2025-05-31',
];
/** Who acts when (Danish date and time), on which video (index), and whether it worked. */
const ACTS: { day: string; time: string; video: number; worked: boolean; p?: true }[] = [
  { day: '2025-01-20', time: '10:00', video: 0, worked: true },
  ...['2025-02-03', '2025-02-11', '2025-02-19', '2025-02-27'].map((day, i) => ({
    day,
    time: '09:00',
    video: i % 2,
    worked: i < 3,
  })),
  ...['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-28', '2025-03-31', '2025-03-31'].map((day, i) => ({
    day,
    time: i === 5 ? '23:30' : '12:00',
    video: i % 3,
    worked: i % 2 === 0,
  })),
  { day: '2025-04-01', time: '00:30', video: 1, worked: true, p: true },
  ...['2025-04-02', '2025-04-03', '2025-04-15', '2025-04-29', '2025-04-30'].map((day, i) => ({
    day,
    time: '14:00',
    video: i % 2,
    worked: i !== 2,
  })),
  ...['2025-05-05', '2025-05-12', '2025-05-20'].map((day) => ({
    day,
    time: '08:00',
    video: 0,
    worked: true,
  })),
];

let t: TestApp;
let admin: TestClient;
let dansk = '';
const events: Event[] = [];
let p = '';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  const ids = await demoIds(db);
  dansk = await termId(db, 'subject', 'Dansk');
  const specs = [
    { subject: 'Dansk', ageBand: 'kl0-3' as const },
    { subject: 'Matematik', ageBand: 'kl4-6' as const },
    { subject: 'Dansk', ageBand: 'kl4-6' as const },
  ];
  const videos: { id: string; subject: string; band: string }[] = [];
  for (const [i, s] of specs.entries()) {
    const id = await insertVideo(db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      title: `Periodevideo ${i}`,
      visibility: 'kommune',
      ...s,
    });
    videos.push({ id, subject: await termId(db, 'subject', s.subject), band: s.ageBand });
  }
  const people = await addTeachers(db, ids.institution.Solsikkeskolen, 'period', ACTS.length);
  for (const [i, a] of ACTS.entries()) {
    const person = people[i].id;
    if (a.p) p = person;
    const [h, m] = a.time.split(':').map(Number);
    const at = new Date(danishMidnight(a.day).getTime() + (h * 60 + m) * 60_000);
    const v = videos[a.video];
    await db.insert(videoSignals).values({ videoId: v.id, userId: person, worked: a.worked, triedAt: at });
    await db.insert(videoViews).values({ videoId: v.id, userId: person, completed: true, startedAt: at });
    const base = { person, video: v.id, subject: v.subject, band: v.band, month: a.day.slice(0, 7) };
    events.push({ ...base, kind: 'views' }, { ...base, kind: 'tried' });
    if (a.worked) events.push({ ...base, kind: 'worked' });
  }
  admin = await t.as('administrator');
}, 60_000);
afterAll(() => t?.close());

type Row = { key: string | null; views: number | null; tried: number | null; worked: number | null };
type Answer = {
  period: { from: string; to: string };
  totals: Row;
  bySubject: Row[];
  byAgeBand: Row[];
  topTried: { id: string; tried: number; worked: number | null }[];
};
const get = async (q: Record<string, string>) => {
  const res = await admin.get(`/api/v1/statistics?${new URLSearchParams(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Answer;
};

/** The months of a period (YYYY-MM-DD to YYYY-MM-DD), as YYYY-MM. */
function monthsOf(from: string, to: string) {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from); i <= index(to); i++)
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

describe('statistics periods: whole months, and no two periods can be subtracted', () => {
  it('the period used is whole months in Danish time, whatever dates are asked for', async () => {
    expect((await get({ from: '2025-03-17', to: '2025-04-02' })).period).toEqual({
      from: '2025-03-01',
      to: '2025-04-30',
    });
    expect((await get({ from: '2024-02-10', to: '2024-02-10' })).period).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    // P's action at 00:30 on 1 April (22:30 on 31 March in UTC) belongs to April.
    const april = await get({ from: '2025-04-01', to: '2025-04-01' });
    expect(april.period).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(april.totals).toMatchObject({ tried: 6, views: 6 });
    expect((await get({ from: '2025-03-31', to: '2025-03-31' })).totals).toMatchObject({ tried: 6 });
    // The default: the last 12 whole months, this one included.
    const { period } = await get({});
    expect(period.from).toMatch(/^\d{4}-\d\d-01$/);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    expect(period.to.slice(0, 7)).toBe(today.slice(0, 7));
    expect(monthsOf(period.from, period.to)).toHaveLength(12);
    const next = new Date(`${period.to}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(next.getUTCDate()).toBe(1);
    // The CSV says the same period.
    const csv = (await admin.get('/api/v1/statistics.csv?from=2025-03-17&to=2025-04-02')).body;
    expect(csv).toContain('I alt;2025-03-01 – 2025-04-30;');
  });

  it('every pair of periods around the day one person acted: nothing isolates fewer than the minimum', async () => {
    type Figure = { id: string; kind: Kind; value: number; es: Event[]; from: string };
    const answers: { q: Record<string, string>; a: Answer; figures: Figure[] }[] = [];
    for (const subject of [undefined, dansk])
      for (const [i, from] of DATES.entries())
        for (const to of DATES.slice(i)) {
          const q = { from, to, ...(subject ? { subject } : {}) };
          const a = await get(q);
          const months = new Set(monthsOf(a.period.from, a.period.to));
          expect(a.period.from <= from && to <= a.period.to, JSON.stringify(q)).toBe(true);
          const figures: Figure[] = [];
          const add = (id: string, kind: Kind, value: number | null, match: (e: Event) => boolean) => {
            if (value === null) return;
            const es = events.filter(
              (e) =>
                e.kind === kind && months.has(e.month) && (!subject || e.subject === subject) && match(e),
            );
            // Each figure is what the data says for the whole months used.
            expect(es.length, `${JSON.stringify(q)} ${id} ${kind}`).toBe(value);
            figures.push({ id: `${id}|${kind}`, kind, value, es, from: JSON.stringify(q) });
          };
          for (const kind of ['views', 'tried', 'worked'] as const) {
            add('total', kind, a.totals[kind], () => true);
            for (const r of a.bySubject) add(`subject ${r.key}`, kind, r[kind], (e) => e.subject === r.key);
            for (const r of a.byAgeBand) add(`band ${r.key}`, kind, r[kind], (e) => e.band === r.key);
          }
          for (const v of a.topTried) {
            add(`top ${v.id}`, 'tried', v.tried, (e) => e.video === v.id);
            add(`top ${v.id}`, 'worked', v.worked, (e) => e.video === v.id);
          }
          answers.push({ q, a, figures });
        }
    expect(answers).toHaveLength(2 * ((DATES.length * (DATES.length + 1)) / 2));
    // P's action is in some shown figure (so the check below is about it, not about nothing).
    const all = answers.flatMap((x) => x.figures);
    expect(all.some((f) => f.es.some((e) => e.person === p))).toBe(true);

    const sameMonths: string[] = [];
    for (const x of answers)
      for (const y of answers) {
        // Dates in the same months: the very same answer (a day more or less shows nothing).
        const same = x.a.period.from === y.a.period.from && x.a.period.to === y.a.period.to;
        if (x !== y && same && x.q.subject === y.q.subject && JSON.stringify(x.a) !== JSON.stringify(y.a))
          sameMonths.push(`${x.q.from}–${x.q.to} ≠ ${y.q.from}–${y.q.to}`);
      }
    // Every distinct shown figure (by measure and the events behind it), then every nested pair of them.
    const distinct = new Map<string, Figure & { set: Set<Event> }>();
    for (const f of all) {
      const key = `${f.kind}|${f.es.map((e) => events.indexOf(e)).join(',')}`;
      if (!distinct.has(key)) distinct.set(key, { ...f, set: new Set(f.es) });
    }
    const leaks: string[] = [];
    for (const f of distinct.values())
      for (const g of distinct.values()) {
        if (f.kind !== g.kind || g.es.length >= f.es.length || !g.es.every((e) => f.set.has(e))) continue;
        const people = new Set(f.es.filter((e) => !g.set.has(e)).map((e) => e.person));
        if (people.size > 0 && people.size < MIN_GROUP_SIZE)
          leaks.push(`${f.from} ${f.id} − ${g.from} ${g.id}: ${people.has(p) ? 'P' : 'someone'}`);
      }
    expect(distinct.size).toBeGreaterThan(20);
    expect(sameMonths.slice(0, 5)).toEqual([]);
    expect(leaks.slice(0, 10)).toEqual([]);
  }, 300_000);

  it('a month with too few people hides the figure of every period that includes it', async () => {
    // January: one person. Alone and with February, tried is withheld; from February on it shows.
    expect((await get({ from: '2025-01-01', to: '2025-01-31' })).totals).toMatchObject({ tried: null });
    expect((await get({ from: '2025-01-15', to: '2025-02-15' })).totals).toMatchObject({ tried: null });
    expect((await get({ from: '2025-02-01', to: '2025-02-28' })).totals).toMatchObject({ tried: 4 });
    expect((await get({ from: '2025-02-01', to: '2025-05-31' })).totals).toMatchObject({ tried: 19 });
  });
});
