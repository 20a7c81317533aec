import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataBreakdown, SchemaDefinition } from '../../../../shared/observation.js';
import type { DbOrTx } from '../../../db/index.js';
import { createTestApp, type TestApp } from '../../../testing/harness.js';
import { cellAggregate } from './cells-repo.js';
import { buildCatalog, institutionsWithSharedUnits } from './items.js';
import * as repo from './repo.js';
import { copyOfTestDefinition, insertSchema, insertVisits, type TestVisit } from './data.testing.js';

/**
 * The kommune view reads observation_data_cells instead of the answers. These tests hold the two to each other:
 * for every breakdown, filter and focus area, the cells give exactly the rows the answers give — on data made to
 * trip a sum (a teacher at two schools, a question changed and changed back, an item moved to another area, two
 * areas with one title, pupil and text answers, cleared answers, visits with no answers, and visits that never
 * count) — and the triggers keep the cells equal to a recomputation after every kind of change.
 */

let t: TestApp;
let db: DbOrTx;
let institutionIds: string[];
let teachers: string[];

const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)) as unknown as { rows: T[] };

/** A small deterministic random source (the same data on every run). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Institution A's versions: v2 rewords the scale item, v3 words it back (a third key with v1's text), moves
 * the count item to area B and adds an area with area A's title holding a copy of the yes/no question. */
function versionsOfA(): SchemaDefinition[] {
  const v1 = copyOfTestDefinition().definition;
  const v2: SchemaDefinition = structuredClone(v1);
  v2.focusAreas[0].indicators[0] = {
    ...v2.focusAreas[0].indicators[0],
    key: crypto.randomUUID(),
    text: 'Målet er skrevet op',
  };
  const v3: SchemaDefinition = structuredClone(v1);
  v3.focusAreas[0].indicators[0] = { ...v1.focusAreas[0].indicators[0], key: crypto.randomUUID() };
  const [count] = v3.focusAreas[0].indicators.splice(2, 1);
  v3.focusAreas[1].indicators.push(count);
  v3.focusAreas.push({
    key: crypto.randomUUID(),
    title: v1.focusAreas[0].title,
    description: '',
    indicators: [{ ...v1.focusAreas[0].indicators[1], key: crypto.randomUUID() }],
    pupilItems: [],
  });
  return [v1, v2, v3];
}

function answersFor(definition: SchemaDefinition, next: () => number): TestVisit['answers'] {
  const out: NonNullable<TestVisit['answers']> = [];
  for (const area of definition.focusAreas) {
    for (const i of area.indicators) {
      if (next() < 0.2) continue;
      const cleared = next() < 0.05;
      const value =
        i.type === 'text'
          ? `Note ${Math.floor(next() * 100)}`
          : i.type === 'yesno'
            ? next() < 0.5
            : i.type === 'count'
              ? Math.floor(next() * 12)
              : 1 + Math.floor(next() * 7);
      out.push({ key: i.key, value: cleared ? null : value });
    }
    for (const i of area.pupilItems)
      for (let pupil = 1; pupil <= 1 + Math.floor(next() * 3); pupil++)
        out.push({ key: i.key, pupil, value: 1 + Math.floor(next() * 5) });
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.ctx.db;
  const [kommune] = (
    await rows<{ id: string }>(sql`insert into kommuner (name) values ('Cellekommune') returning id`)
  ).rows;
  institutionIds = (
    await rows<{ id: string }>(sql`insert into institutions (kommune_id, name, type)
      select ${kommune.id}, 'Celleskole ' || n, 'skole'::institution_type from generate_series(1, 3) n
      returning id`)
  ).rows.map((r) => r.id);
  teachers = (
    await rows<{ id: string }>(sql`insert into users (email, name, status)
      select 'celle-' || n || '@test.amongi.dk', 'Celle ' || n, 'active'::user_status from generate_series(1, 14) n
      returning id`)
  ).rows.map((r) => r.id);
  const [a, b, c] = institutionIds;
  const schemas: { institutionId: string; schemaId: string; definition: SchemaDefinition }[] = [];
  for (const definition of versionsOfA())
    schemas.push({ institutionId: a, schemaId: await insertSchema(db, a, definition), definition });
  for (const inst of [b, c]) {
    const { definition } = copyOfTestDefinition();
    schemas.push({ institutionId: inst, schemaId: await insertSchema(db, inst, definition), definition });
  }
  const next = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  // Teachers 0–3 work at A and B, 4–5 at B and C, the rest at one school.
  const homes = teachers.map((_, i) => (i < 4 ? [a, b] : i < 6 ? [b, c] : [[a, b, c][i % 3]]));
  const visits: TestVisit[] = [];
  teachers.forEach((teacherId, i) => {
    for (let k = 0; k < 6; k++) {
      const home = pick(homes[i]);
      const schema = pick(schemas.filter((s) => s.institutionId === home));
      const odd = next();
      visits.push({
        institutionId: schema.institutionId,
        schemaId: schema.schemaId,
        definition: schema.definition,
        teacherId,
        observerId: teachers[(i + 1) % teachers.length],
        kind: odd < 0.06 ? 'self' : 'visit',
        status: odd > 0.94 ? 'cancelled' : odd > 0.9 ? 'in_progress' : 'completed',
        flag: odd > 0.86 && odd <= 0.9 ? 'observer_lost_role' : null,
        plannedFor: pick(['2025-10-06', '2026-02-09', '2026-05-11']),
        subject: pick(['Dansk', 'Dansk', 'Matematik', '']),
        grade: pick([3, 3, 5, null]),
        answers: next() < 0.08 ? [] : answersFor(schema.definition, next),
      });
    }
  });
  await insertVisits(db, visits);
}, 120_000);
afterAll(() => t?.close());

type Figures = Awaited<ReturnType<typeof cellAggregate>>;
/**
 * Rows in one order; on group and grand totals only teachers and answers are used (visits: groupVisits), and a
 * row with no answers is the same as none.
 */
const normal = (f: Figures) => ({
  rows: f.rows
    .filter((r) => (r.answers ?? 0) > 0)
    .map((r) =>
      r.item === null
        ? { ...r, value: null, visits: 0 }
        : { ...r, value: r.value === null ? null : Math.round(r.value * 1e9) / 1e9 },
    )
    .sort((x, y) => `${x.item}|${x.group}`.localeCompare(`${y.item}|${y.group}`)),
  visits: f.visits.filter((r) => r.visits > 0).sort((x, y) => `${x.group}`.localeCompare(`${y.group}`)),
});

async function both(filters: repo.DataFilters, by: DataBreakdown, focusArea: string | null) {
  const versions = await repo.schemaVersions(db, institutionIds);
  const catalog = buildCatalog(versions, institutionIds, focusArea);
  const scope = { institutionIds, filters, by, items: catalog.keys, areaKeys: catalog.areaKeys };
  const shared = institutionsWithSharedUnits(versions, catalog.keys, catalog.areaKeys);
  const fromAnswers = { rows: await repo.aggregate(db, scope), visits: await repo.groupVisits(db, scope) };
  return {
    fromAnswers: normal(fromAnswers),
    fromCells: normal(await cellAggregate(db, scope, shared)),
    unshared: normal(await cellAggregate(db, scope, [])),
    shared,
  };
}

const FILTERS: repo.DataFilters[] = [
  { term: null, subject: null, grade: null },
  { term: '2026-1', subject: null, grade: null },
  { term: null, subject: 'Dansk', grade: null },
  { term: null, subject: '', grade: 3 },
  { term: '2025-2', subject: 'Matematik', grade: 5 },
];

describe('kommune data from the cells', () => {
  it('gives exactly the rows of the answers, for every breakdown, filter and focus area', async () => {
    const versions = await repo.schemaVersions(db, institutionIds);
    const areas = buildCatalog(versions, institutionIds, null).areas.map((x) => x.key);
    expect(areas.length).toBe(2);
    let compared = 0;
    let recounted = 0;
    for (const focusArea of [null, ...areas])
      for (const by of ['institution', 'term', 'subject', 'grade'] as const)
        for (const filters of FILTERS) {
          const r = await both(filters, by, focusArea);
          expect(r.fromCells, JSON.stringify({ focusArea, by, filters })).toEqual(r.fromAnswers);
          compared += r.fromAnswers.rows.length;
          if (JSON.stringify(r.unshared) !== JSON.stringify(r.fromAnswers)) recounted++;
        }
    expect(compared).toBeGreaterThan(500);
    // Without recounting institution A's teachers the sums would be wrong somewhere: the data trips them.
    expect(recounted).toBeGreaterThan(0);
  });

  it('knows the institution whose keys are shown as one', async () => {
    const versions = await repo.schemaVersions(db, institutionIds);
    const catalog = buildCatalog(versions, institutionIds, null);
    expect(institutionsWithSharedUnits(versions, catalog.keys, null)).toEqual([institutionIds[0]]);
  });

  it('counts a teacher at two schools once across the kommune', async () => {
    const { fromCells } = await both({ term: null, subject: null, grade: null }, 'institution', null);
    const total = fromCells.rows.find((r) => r.item === null && r.group === null);
    const perSchool = fromCells.rows
      .filter((r) => r.item === null && r.group !== null)
      .reduce((n, r) => n + r.teachers, 0);
    expect(total?.teachers).toBeLessThan(perSchool);
    const [{ n }] = (
      await rows<{ n: number }>(sql`select count(distinct v.teacher_id)::int as n from observation_visits v
        where v.institution_id = any(${`{${institutionIds.join(',')}}`}::uuid[])
          and v.kind = 'visit' and v.status = 'completed' and v.flag is null
          and exists (select 1 from observation_answers a where a.visit_id = v.id
            and (a.value_num is not null or a.value_text is not null))`)
    ).rows;
    expect(total?.teachers).toBe(n);
  });
});

describe('the triggers keep the cells up to date', () => {
  const snapshot = async () => [
    ...(
      await rows<Record<string, unknown>>(sql`select * from observation_data_cells
        order by institution_id, dims, term, subject, grade, item_key nulls first, area_key nulls first`)
    ).rows,
    ...(
      await rows<Record<string, unknown>>(sql`select * from observation_data_teachers
        order by institution_id, teacher_id`)
    ).rows,
  ];
  /** The cells as they are, and as a recomputation of every institution makes them: the same. */
  const expectFresh = async (change: string) => {
    const kept = await snapshot();
    await db.execute(sql`select observation_refresh_cells(array(select id from institutions))`);
    expect(kept, change).toEqual(await snapshot());
  };
  it('after excluding, keeping, cancelling, completing, moving, editing, clearing and deleting', async () => {
    await expectFresh('at the start');
    // A counted visit at A with answers to every kind of question, changed step by step.
    const [{ id }] = (
      await rows<{ id: string }>(sql`select v.id from observation_visits v
        where v.institution_id = ${institutionIds[0]} and v.kind = 'visit' and v.status = 'completed'
          and v.flag is null and v.teacher_id <> ${teachers[0]}
          and (select count(*) from observation_answers a where a.visit_id = v.id and a.value_num is not null) > 3
        limit 1`)
    ).rows;
    const changes: [string, ReturnType<typeof sql>][] = [
      ['excluded', sql`update observation_visits set flag = 'observer_lost_role' where id = ${id}`],
      ['kept', sql`update observation_visits set flag = null where id = ${id}`],
      ['cancelled', sql`update observation_visits set status = 'cancelled' where id = ${id}`],
      ['completed', sql`update observation_visits set status = 'completed' where id = ${id}`],
      [
        'moved',
        sql`update observation_visits set term = '2024-2', subject = 'Tysk', grade = 9 where id = ${id}`,
      ],
      [
        'an answer changed',
        sql`update observation_answers set value_num = value_num + 1 where visit_id = ${id} and value_num is not null`,
      ],
      [
        'answers added',
        sql`insert into observation_answers (visit_id, item_key, pupil, focus_area_key, value_num, answered_at)
        select visit_id, item_key, 4, focus_area_key, 1, now() from observation_answers where visit_id = ${id} and pupil = 1`,
      ],
      [
        'answers cleared',
        sql`update observation_answers set value_num = null, value_text = null where visit_id = ${id} and pupil = 0`,
      ],
      ['answers deleted', sql`delete from observation_answers where visit_id = ${id} and pupil > 0`],
      ['the visit deleted', sql`delete from observation_visits where id = ${id}`],
      ['a teacher deleted', sql`delete from users where id = ${teachers[0]}`],
      [
        'a reflection written (nothing to recompute)',
        sql`update observation_visits set reflection = 'Godt' where institution_id = ${institutionIds[1]}`,
      ],
    ];
    for (const [change, statement] of changes) {
      const before = await snapshot();
      await db.execute(statement);
      await expectFresh(change);
      if (!change.startsWith('a reflection')) expect(await snapshot(), change).not.toEqual(before);
    }
  });

  it('two transactions changing one institution at once leave it as a recomputation would', async () => {
    const visits = (
      await rows<{ id: string }>(sql`select v.id from observation_visits v
        where v.institution_id = ${institutionIds[1]} and v.kind = 'visit' and v.status = 'completed'
          and v.flag is null and exists (select 1 from observation_answers a where a.visit_id = v.id and a.pupil = 1)
        limit 2`)
    ).rows;
    expect(visits).toHaveLength(2);
    // Each adds a fourth pupil's answers and holds its transaction open for a moment, so they overlap.
    await Promise.all(
      visits.map(({ id }) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into observation_answers (visit_id, item_key, pupil, focus_area_key, value_num, answered_at)
            select visit_id, item_key, 4, focus_area_key, 5, now() from observation_answers where visit_id = ${id} and pupil = 1`);
          await tx.execute(sql`select pg_sleep(0.2)`);
        }),
      ),
    );
    const [{ n }] = (
      await rows<{ n: number }>(sql`select answers as n from observation_data_cells
        where institution_id = ${institutionIds[1]} and dims = 0 and item_key is null and area_key is null`)
    ).rows;
    const [{ m }] = (
      await rows<{ m: number }>(sql`select count(*)::int as m from observation_answers a
        join observation_visits v on v.id = a.visit_id
        where v.institution_id = ${institutionIds[1]} and v.kind = 'visit' and v.status = 'completed'
          and v.flag is null and (a.value_num is not null or a.value_text is not null)`)
    ).rows;
    expect(n).toBe(m);
    await expectFresh('after two overlapping transactions');
  });

  it('holds no cell for what never counts', async () => {
    const [{ n }] = (
      await rows<{ n: number }>(sql`select count(*)::int as n from observation_data_cells c
        where c.institution_id = any(${`{${institutionIds.join(',')}}`}::uuid[]) and c.dims = 0
          and c.item_key is null and c.area_key is null`)
    ).rows;
    expect(n).toBe(3);
    const counted = (
      await rows<{ visits: number }>(sql`select visits from observation_data_cells
        where institution_id = ${institutionIds[2]} and dims = 0 and item_key is null and area_key is null`)
    ).rows[0].visits;
    const [{ m }] = (
      await rows<{ m: number }>(sql`select count(*)::int as m from observation_visits
        where institution_id = ${institutionIds[2]} and kind = 'visit' and status = 'completed' and flag is null`)
    ).rows;
    const [{ all }] = (
      await rows<{ all: number }>(sql`select count(*)::int as all from observation_visits
        where institution_id = ${institutionIds[2]}`)
    ).rows;
    expect(counted).toBe(m);
    expect(all).toBeGreaterThan(m);
  });
});
