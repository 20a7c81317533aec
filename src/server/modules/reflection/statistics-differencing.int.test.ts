import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, type AgeBand } from '../../../shared/catalogue.js';
import { videoSignals, videoViews } from '../../db/community-schema.js';
import { insertVideo, termId } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';
import { addTeachers } from '../../testing/teachers.js';
import { MIN_GROUP_SIZE } from './suppression.js';

/**
 * Differencing across requests in the reflection statistics (issue 13, ADR 0009): on generated videos, views and
 * "tried/worked" signals, every subject × age band filter is asked for (one period), and no shown figure minus a
 * nested one, nor a total minus all of its shown rows along subject or age band (from separate requests), comes
 * from 1 or 2 people. The people behind each figure are computed here from the generated data.
 */

const SUBJECTS = ['Dansk', 'Matematik', 'Idræt', 'Musik'];
const BANDS: AgeBand[] = ['kl0-3', 'kl4-6', 'kl7-10'];

let t: TestApp;
type Event = {
  id: string;
  person: string;
  subject: string;
  band: string;
  kind: 'views' | 'tried' | 'worked';
};
const events: Event[] = [];
const subjectIds = new Map<string, string>();

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  const ids = await demoIds(db);
  const next = random(5);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const people = (await addTeachers(db, ids.institution.Solsikkeskolen, 'stat-diff', 14)).map((p) => p.id);
  for (const s of SUBJECTS) subjectIds.set(s, await termId(db, 'subject', s));
  for (let v = 0; v < 10; v++) {
    const subject = pick(SUBJECTS);
    const band = pick(BANDS);
    const id = await insertVideo(db, {
      ownerId: ids.user.medarbejder,
      institutionId: ids.institution.Solsikkeskolen,
      title: `Video ${v}`,
      visibility: 'kommune',
      subject,
      ageBand: band,
    });
    const base = { subject: subjectIds.get(subject) as string, band };
    for (const person of people) {
      if (next() < 0.35) {
        const worked = next() < 0.6;
        await db.insert(videoSignals).values({ videoId: id, userId: person, worked });
        events.push({ ...base, id: `${id}|${person}|t`, person, kind: 'tried' });
        if (worked) events.push({ ...base, id: `${id}|${person}|w`, person, kind: 'worked' });
      }
      if (next() < 0.3) {
        await db.insert(videoViews).values({ videoId: id, userId: person, completed: next() < 0.5 });
        events.push({ ...base, id: `${id}|${person}|v`, person, kind: 'views' });
      }
    }
  }
}, 60_000);
afterAll(() => t?.close());

type Row = { key: string | null; views: number | null; tried: number | null; worked: number | null };

describe('statistics: no two requests can be subtracted to reveal a person', () => {
  it('tries every subject and age band filter', async () => {
    const admin = await t.as('administrator');
    const shown: {
      kind: Event['kind'];
      fixed: { subject?: string; band?: string };
      value: number;
      from: string;
    }[] = [];
    for (const subject of [undefined, ...subjectIds.values()])
      for (const band of [undefined, ...AGE_BANDS]) {
        const q = new URLSearchParams();
        if (subject) q.set('subject', subject);
        if (band) q.set('ageBand', band);
        const res = await admin.get(`/api/v1/statistics?${q}`);
        expect(res.statusCode, res.body).toBe(200);
        const s = res.json() as { totals: Row; bySubject: Row[]; byAgeBand: Row[] };
        const base = { ...(subject ? { subject } : {}), ...(band ? { band } : {}) };
        const add = (r: Row, fixed: { subject?: string; band?: string }) => {
          for (const kind of ['views', 'tried', 'worked'] as const) {
            const value = r[kind];
            if (value !== null) shown.push({ kind, fixed, value, from: `?${q}` });
          }
        };
        add(s.totals, base);
        for (const r of s.bySubject) add(r, { ...base, subject: r.key ?? '' });
        for (const r of s.byAgeBand) add(r, { ...base, band: r.key ?? '' });
      }
    const behind = (f: (typeof shown)[number]) =>
      events.filter(
        (e) =>
          e.kind === f.kind &&
          (f.fixed.subject === undefined || e.subject === f.fixed.subject) &&
          (f.fixed.band === undefined || e.band === f.fixed.band),
      );
    const peopleOf = (es: Event[]) => new Set(es.map((e) => e.person)).size;
    const leaks: string[] = [];
    const check = (what: string, rest: Event[]) => {
      const n = peopleOf(rest);
      if (n > 0 && n < MIN_GROUP_SIZE) leaks.push(`${what}: ${n}`);
    };
    const figures = shown.map((f) => {
      const es = behind(f);
      // The figure is what the data says (a count of signals or views).
      expect(es.length, `${f.from} ${f.kind} ${JSON.stringify(f.fixed)}`).toBe(f.value);
      return { ...f, es, ids: new Set(es.map((e) => e.id)) };
    });
    expect(figures.filter((f) => Object.keys(f.fixed).length > 0 && f.value > 0).length).toBeGreaterThan(5);
    for (const p of figures) {
      const children = figures.filter(
        (c) => c.kind === p.kind && c.ids.size < p.ids.size && [...c.ids].every((id) => p.ids.has(id)),
      );
      for (const c of children)
        check(
          `${p.kind} ${p.from} − ${c.from}`,
          p.es.filter((e) => !c.ids.has(e.id)),
        );
      for (const dim of ['subject', 'band'] as const) {
        const along = children.filter(
          (c) => new Set(c.es.map((e) => e[dim])).size === 1 && new Set(p.es.map((e) => e[dim])).size > 1,
        );
        const covered = new Set(along.flatMap((c) => [...c.ids]));
        if (along.length > 1)
          check(
            `${p.kind} ${p.from} − all by ${dim}`,
            p.es.filter((e) => !covered.has(e.id)),
          );
      }
    }
    expect(leaks.slice(0, 10)).toEqual([]);
  }, 300_000);
});
