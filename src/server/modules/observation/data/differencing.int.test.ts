import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../../testing/harness.js';
import {
  copyOfTestDefinition,
  insertSchema,
  insertTeachers,
  insertVisits,
  TEST_DEFINITION,
  TEST_KEYS,
  type TestVisit,
} from './data.testing.js';
import type { DataCell, ObservationData } from '../types.js';

/**
 * Differencing across requests (issue 13, ADR 0009). On two generated schools of one kommune, every request the
 * data API accepts over the data's terms, subjects and grades (each filter unset or set to a value, with every
 * focus area and breakdown; institution views as leader and forvaltning, kommune view as forvaltning) is made,
 * and every shown figure is matched with the answers behind it (computed here from the generated visits). Then no
 * subtraction of shown figures of one measure recovers fewer than the minimum number of teachers: not a parent
 * minus a nested child, and not a parent minus all of its shown children along a dimension (siblings taken from
 * separate requests).
 */

const MIN = 5;
const TERMS = ['2026-1', '2026-2'];
const SUBJECTS = ['Dansk', 'Matematik', 'Tysk', ''];
const GRADES = [3, 5, null];

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
let sol: string;
let kilde: string;

/** One answer or one visit as the ground truth knows it. */
type Fact = { id: string; teacher: string; inst: string; term: string; subject: string; grade: string };
/** Measure name → every fact behind it ('total|area' for visits, the question text for answers). */
const facts = new Map<string, Fact[]>();
/** Focus area key → title, and each school's own area keys. */
const areaTitle = new Map<string, string>();
const areasOf = new Map<string, [string, string]>();
const add = (measure: string, f: Fact) => facts.set(measure, [...(facts.get(measure) ?? []), f]);

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** 30 teachers per school, 1–3 visits each in random terms, subjects and grades; some questions skipped. */
async function generate(inst: string, prefix: string, seed: number) {
  const next = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const teachers = await insertTeachers(t.ctx.db, prefix, 30);
  const copy = inst === sol ? { definition: TEST_DEFINITION, keys: TEST_KEYS } : copyOfTestDefinition();
  const schemaId = await insertSchema(t.ctx.db, inst, copy.definition);
  const textOf = new Map<string, { text: string; area: string }>();
  for (const a of copy.definition.focusAreas) areaTitle.set(a.key, a.title);
  areasOf.set(inst, [copy.keys.areaA, copy.keys.areaB]);
  for (const a of copy.definition.focusAreas)
    for (const i of [...a.indicators, ...a.pupilItems]) textOf.set(i.key, { text: i.text, area: a.title });
  const visits: TestVisit[] = [];
  for (const teacher of teachers) {
    // Most teachers keep to one subject and grade, as teachers do.
    // Dansk and Matematik common, Tysk and no subject rare.
    const subject = pick([...SUBJECTS, 'Dansk', 'Matematik', 'Dansk', 'Matematik']);
    const grade = pick(GRADES);
    for (let k = 0; k < 1 + Math.floor(next() * 3); k++) {
      const term = pick(TERMS);
      const answers: NonNullable<TestVisit['answers']> = [
        { key: copy.keys.scale, value: 1 + Math.floor(next() * 7) },
      ];
      if (next() < 0.85) answers.push({ key: copy.keys.yesno, value: next() < 0.5 });
      if (next() < 0.9) answers.push({ key: copy.keys.count, value: Math.floor(next() * 12) });
      if (next() < 0.5) answers.push({ key: copy.keys.calm, value: 1 + Math.floor(next() * 7) });
      visits.push({
        institutionId: inst,
        schemaId,
        definition: copy.definition,
        teacherId: teacher,
        observerId: ids.user.leder,
        plannedFor: term === '2026-1' ? `2026-0${3 + k}-1${k}` : `2026-1${k}-0${2 + k}`,
        subject: next() < 0.85 ? subject : pick(SUBJECTS),
        grade: next() < 0.85 ? grade : pick(GRADES),
        answers,
      });
    }
  }
  const made = await insertVisits(t.ctx.db, visits);
  visits.forEach((v, n) => {
    const term = v.plannedFor.slice(5, 7) < '08' ? '2026-1' : '2026-2';
    const base = {
      teacher: v.teacherId,
      inst,
      term,
      subject: v.subject ?? '',
      grade: v.grade === null || v.grade === undefined ? '' : String(v.grade),
    };
    add('total|', { ...base, id: made[n] });
    const areas = new Set<string>();
    for (const a of v.answers ?? []) {
      const item = textOf.get(a.key);
      if (!item) continue;
      add(item.text, { ...base, id: `${made[n]}|${a.key}` });
      areas.add(item.area);
    }
    for (const area of areas) add(`total|${area}`, { ...base, id: made[n] });
  });
}

/** A shown figure: its measure, what it fixes, and the numbers. */
type Shown = {
  measure: string;
  fixed: Record<string, string>;
  insts: string[];
  cell: DataCell;
  from: string;
};

function shownFigures(d: ObservationData, insts: string[], from: string): Shown[] {
  const out: Shown[] = [];
  const base: Record<string, string> = {};
  if (d.filters.term !== null) base.term = d.filters.term;
  if (d.filters.subject !== null) base.subject = d.filters.subject;
  if (d.filters.grade !== null) base.grade = String(d.filters.grade);
  const area = d.filters.focusArea ? (areaTitle.get(d.filters.focusArea) ?? '?') : '';
  const fixedOf = (g: string) => (d.by === 'institution' ? base : { ...base, [d.by]: g });
  const instsOf = (g: string | null) => (g !== null && d.by === 'institution' ? [g] : insts);
  const push = (measure: string, cell: DataCell, g: string | null) => {
    if (!cell.suppressed)
      out.push({ measure, fixed: g === null ? base : fixedOf(g), insts: instsOf(g), cell, from });
  };
  push(`total|${area}`, d.total, null);
  for (const g of d.groups) push(`total|${area}`, g.total, g.key);
  for (const i of d.areas.flatMap((a) => a.indicators)) {
    push(i.text, i.total, null);
    for (const [n, c] of i.cells.entries()) push(i.text, c, d.groups[n].key);
  }
  return out;
}

function subsets(xs: string[]): string[][] {
  const out: string[][] = [[]];
  for (const x of xs) for (const s of [...out]) out.push([...s, x]);
  return out;
}
const teachersOf = (fs: Fact[]) => new Set(fs.map((f) => f.teacher)).size;

/** The facts behind a shown figure: the institutions whose facts give exactly its numbers (largest first). */
function behind(s: Shown): Fact[] | null {
  const all = (facts.get(s.measure) ?? []).filter((f) =>
    Object.entries(s.fixed).every(([k, v]) => f[k as 'term' | 'subject' | 'grade'] === v),
  );
  const candidates = subsets(s.insts).sort((a, b) => b.length - a.length);
  for (const set of candidates) {
    const mine = all.filter((f) => set.includes(f.inst));
    const visits = new Set(mine.map((f) => f.id.split('|')[0])).size;
    if (teachersOf(mine) === s.cell.teachers && visits === s.cell.visits) return mine;
  }
  return null;
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.ctx.db);
  sol = ids.institution.Solsikkeskolen;
  kilde = ids.institution.Kildeskolen;
  await generate(sol, 'diff-sol', 7);
  await generate(kilde, 'diff-kilde', 11);
}, 60_000);
afterAll(() => t?.close());

describe('no two requests can be subtracted to reveal a teacher', () => {
  it('tries every filter, focus area and breakdown, institution and kommune, leader and forvaltning', async () => {
    const fjordby = ids.kommune['Fjordby Kommune'];
    const leder = await t.as('leder');
    const forvaltning = await t.as('forvaltning');
    const queries = (bys: string[], areas: [string, string]) => {
      const out: string[] = [];
      for (const term of [null, ...TERMS])
        for (const subject of [null, ...SUBJECTS.filter((s) => s !== '')])
          for (const grade of [null, ...GRADES.filter((g) => g !== null)])
            for (const focusArea of [null, ...areas])
              for (const by of bys) {
                const q = new URLSearchParams({ by });
                if (term) q.set('term', term);
                if (subject) q.set('subject', subject);
                if (grade !== null) q.set('grade', String(grade));
                if (focusArea && by !== 'institution') q.set('focusArea', focusArea);
                out.push(q.toString());
              }
      return [...new Set(out)];
    };
    const figures: Shown[] = [];
    const get = async (client: typeof leder, url: string, insts: string[]) => {
      const res = await client.request('GET', `/api/v1${url}`);
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      figures.push(...shownFigures(res.json() as ObservationData, insts, url));
      return res.body;
    };
    const own = (inst: string) => areasOf.get(inst) as [string, string];
    for (const q of queries(['term', 'subject', 'grade'], own(sol))) {
      const a = await get(forvaltning, `/observation/institutions/${sol}/data?${q}`, [sol]);
      // A leader gets exactly what the forvaltning gets.
      expect(await get(leder, `/observation/institutions/${sol}/data?${q}`, [sol])).toBe(a);
    }
    for (const q of queries(['term', 'subject', 'grade'], own(kilde)))
      await get(forvaltning, `/observation/institutions/${kilde}/data?${q}`, [kilde]);
    // The kommune view names a focus area by any of its keys (both schools' areas have one title).
    for (const q of queries(['institution', 'term', 'subject', 'grade'], own(sol)))
      await get(forvaltning, `/observation/kommuner/${fjordby}/data?${q}`, [sol, kilde]);
    expect(figures.length).toBeGreaterThan(100);
    // Not vacuous: figures with a term, a subject and a grade fixed are shown, at a school and in the kommune.
    for (const dim of ['term', 'subject', 'grade'])
      expect(figures.filter((f) => dim in f.fixed).length, dim).toBeGreaterThan(5);
    expect(
      figures.filter((f) => f.insts.length === 2 && Object.keys(f.fixed).length > 0).length,
    ).toBeGreaterThan(5);

    // Every shown figure is the sum of some institutions' answers (and at least MIN teachers).
    const sets = new Map<
      string,
      Map<string, { facts: Fact[]; fixed: Record<string, string>; from: string }>
    >();
    for (const s of figures) {
      const mine = behind(s);
      expect(
        mine,
        `${s.from}: ${s.measure} ${JSON.stringify(s.fixed)} ${JSON.stringify(s.cell)}`,
      ).not.toBeNull();
      if (!mine || mine.length === 0) continue;
      expect(teachersOf(mine)).toBeGreaterThanOrEqual(MIN);
      const key = mine
        .map((f) => f.id)
        .sort()
        .join(',');
      const bySet = sets.get(s.measure) ?? new Map();
      bySet.set(key, { facts: mine, fixed: s.fixed, from: s.from });
      sets.set(s.measure, bySet);
    }
    const leaks: string[] = [];
    const check = (what: string, rest: Fact[]) => {
      const n = teachersOf(rest);
      if (n > 0 && n < MIN) leaks.push(`${what}: ${n} teacher(s)`);
    };
    for (const [measure, bySet] of sets) {
      const shown = [...bySet.values()].map((s) => ({ ...s, ids: new Set(s.facts.map((f) => f.id)) }));
      for (const p of shown) {
        const children = shown.filter(
          (c) => c !== p && c.ids.size < p.ids.size && [...c.ids].every((id) => p.ids.has(id)),
        );
        // Parent minus a nested child (from any two requests).
        for (const c of children)
          check(
            `${measure}: ${p.from} − ${c.from}`,
            p.facts.filter((f) => !c.ids.has(f.id)),
          );
        // Parent minus every shown child along one dimension (siblings from separate requests).
        for (const dim of ['term', 'subject', 'grade', 'inst'] as const) {
          const along = children.filter((c) => {
            const values = new Set(c.facts.map((f) => f[dim]));
            return values.size === 1 && new Set(p.facts.map((f) => f[dim])).size > 1;
          });
          const byValue = new Map<string, (typeof along)[number]>();
          for (const c of along) {
            const v = c.facts[0][dim];
            const seen = byValue.get(v);
            if (!seen || c.ids.size > seen.ids.size) byValue.set(v, c);
          }
          if (byValue.size < 2) continue;
          const covered = new Set([...byValue.values()].flatMap((c) => [...c.ids]));
          check(
            `${measure}: ${p.from} − all shown by ${dim}`,
            p.facts.filter((f) => !covered.has(f.id)),
          );
        }
      }
    }
    expect(leaks.slice(0, 10)).toEqual([]);
  }, 600_000);
});
