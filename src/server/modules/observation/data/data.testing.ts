import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  type IndicatorType,
  type SchemaDefinition,
  termOf,
  type VisitFlag,
  type VisitKind,
  type VisitStatus,
} from '../../../../shared/observation.js';
import type { DbOrTx } from '../../../db/index.js';
import {
  type DemoAnswer,
  type DemoVisit,
  insertSchema as insertDemoSchema,
  insertVisits as insertDemoVisits,
} from '../../../demo/observation-rows.js';
import { rows } from '../../../db/rows.js';

/**
 * Observation data for tests and the benchmark, written straight into the tables (no API, so it does
 * not depend on the visit and schema services): schema versions, visits of any kind and state, and answers.
 */

/** A small schema with fixed keys: every item type, and a pupil-interview item. */
export const TEST_KEYS = {
  areaA: '00000000-0000-4000-8000-00000000a000',
  scale: '00000000-0000-4000-8000-00000000a001',
  yesno: '00000000-0000-4000-8000-00000000a002',
  count: '00000000-0000-4000-8000-00000000a003',
  text: '00000000-0000-4000-8000-00000000a004',
  pupilScale: '00000000-0000-4000-8000-00000000a005',
  areaB: '00000000-0000-4000-8000-00000000b000',
  calm: '00000000-0000-4000-8000-00000000b001',
} as const;

export const TEST_DEFINITION: SchemaDefinition = {
  pupilCount: 3,
  focusAreas: [
    {
      key: TEST_KEYS.areaA,
      title: 'Tydelige mål',
      description: '',
      indicators: [
        {
          key: TEST_KEYS.scale,
          text: 'Målet er tydeligt',
          type: 'scale',
          scale: { min: 1, max: 7, minLabel: 'Ses ikke', maxLabel: 'Tydeligt' },
        },
        { key: TEST_KEYS.yesno, text: 'Målet står på tavlen', type: 'yesno', scale: null },
        { key: TEST_KEYS.count, text: 'Minutter før eleverne er i gang', type: 'count', scale: null },
        { key: TEST_KEYS.text, text: 'Hvad gjorde målet tydeligt?', type: 'text', scale: null },
      ],
      pupilItems: [
        {
          key: TEST_KEYS.pupilScale,
          text: 'Ved du, hvad du skal lære?',
          type: 'scale',
          scale: { min: 1, max: 5, minLabel: 'Nej', maxLabel: 'Ja' },
        },
      ],
    },
    {
      key: TEST_KEYS.areaB,
      title: 'Læringsmiljø',
      description: '',
      indicators: [
        {
          key: TEST_KEYS.calm,
          text: 'Der er ro til arbejdet',
          type: 'scale',
          scale: { min: 1, max: 7, minLabel: 'Uro', maxLabel: 'Ro' },
        },
      ],
      pupilItems: [],
    },
  ],
};

/** Inserts a schema version (the test schema unless given); its id. The demo's insert with a test default. */
export const insertSchema = (
  db: DbOrTx,
  institutionId: string,
  definition: SchemaDefinition = TEST_DEFINITION,
  opts: { version?: number; createdBy?: string | null } = {},
) => insertDemoSchema(db, institutionId, definition, opts);

/** A visit for insertVisits: the demo's, its schema defaulting to the test schema. */
export type TestVisit = Omit<DemoVisit, 'definition'> & { definition?: SchemaDefinition };

/** Inserts visits with their answers (the demo's insert); their ids in order. */
export const insertVisits = (db: DbOrTx, visits: TestVisit[]) =>
  insertDemoVisits(
    db,
    visits.map((v) => ({ ...v, definition: v.definition ?? TEST_DEFINITION })),
  );

/** The bench schema: `indicators` questions in areas of 6, all types, the same texts at every institution. */
export function benchDefinition(indicators: number): SchemaDefinition {
  const types: IndicatorType[] = ['scale', 'scale', 'yesno', 'scale', 'count', 'text'];
  const areas = Math.ceil(indicators / 6);
  return {
    pupilCount: 3,
    focusAreas: Array.from({ length: areas }, (_, a) => ({
      key: randomUUID(),
      title: `Fokusområde ${a + 1}`,
      description: '',
      indicators: Array.from({ length: Math.min(6, indicators - a * 6) }, (_, i) => {
        const type = types[i % types.length];
        return {
          key: randomUUID(),
          text: `Indikator ${a + 1}.${i + 1}`,
          type,
          scale: type === 'scale' ? { min: 1, max: 7, minLabel: 'Lidt', maxLabel: 'Meget' } : null,
        };
      }),
      pupilItems: [],
    })),
  };
}

export const BENCH_SUBJECTS = [
  'Dansk',
  'Matematik',
  'Engelsk',
  'Natur/teknologi',
  'Historie',
  'Idræt',
  'Musik',
];

/**
 * One institution-year at scale, in bulk SQL: a kommune with `institutions` schools, each with `teachers`
 * teachers observed `visits` times over two terms against a schema of `indicators` questions (its own keys, the
 * same texts), every indicator answered; one teacher in fifty also visited twice at another school; plus a
 * self-observation for every fourth teacher (never counted).
 */
export async function generateInstitutionYear(
  db: DbOrTx,
  size: { institutions: number; teachers: number; visits: number; indicators: number; year?: number },
): Promise<{ kommuneId: string; institutionIds: string[]; visits: number; answers: number }> {
  const year = size.year ?? 2026;
  const tag = randomUUID().slice(0, 8);
  const exec = <T>(q: ReturnType<typeof sql>) => rows<T>(db, q);
  const [kommune] = await exec<{ id: string }>(
    sql`insert into kommuner (name) values (${`Benchkommune ${tag}`}) returning id`,
  );
  const insts = await exec<{ id: string }>(sql`
    insert into institutions (kommune_id, name, type)
    select ${kommune.id}, 'Benchskole ' || lpad(n::text, 3, '0'), 'skole'::institution_type from generate_series(1, ${size.institutions}) n
    returning id`);
  const institutionIds = insts.map((i) => i.id);
  // Teachers and one leader (the observer) per institution; no passwords (nobody signs in as them).
  await db.execute(sql`
    with i as (select id, row_number() over (order by name) as n from institutions where kommune_id = ${kommune.id}),
    p as (
      insert into users (email, name, status)
      select 'obs-' || ${tag} || '-' || i.n || '-' || t || '@bench.amongi.dk', 'Lærer ' || i.n || '-' || t, 'active'::user_status
      from i, generate_series(0, ${size.teachers}) t
      returning id, email)
    insert into role_grants (user_id, role, institution_id)
    select p.id, case when split_part(split_part(p.email, '@', 1), '-', 4) = '0' then 'leder' else 'medarbejder' end::role,
      (select i.id from i where i.n::text = split_part(p.email, '-', 3))
    from p`);
  for (const id of institutionIds)
    await insertSchema(db, id, benchDefinition(size.indicators), { version: 1 });
  // Visits: teacher t of an institution, visit k: term by k, subject and grade by teacher.
  await db.execute(sql`
    insert into observation_visits (institution_id, kind, status, schema_id, teacher_id, observer_id, planned_by,
      planned_for, term, subject, grade, started_at, completed_at, duration_seconds)
    select g.institution_id, 'visit', 'completed', s.id, g.user_id, l.user_id, l.user_id, d.day,
      case when extract(month from d.day) >= 8 then ${`${year}-2`} else ${`${year}-1`} end,
      (${`{${BENCH_SUBJECTS.join(',')}}`}::text[])[1 + (hashtext(g.user_id::text) & 65535) % ${sql.raw(String(BENCH_SUBJECTS.length))}],
      (hashtext(g.user_id::text || 'g') & 65535) % 10, d.day::timestamptz, d.day::timestamptz + interval '45 minutes', 2700
    from role_grants g
    join observation_schemas s on s.institution_id = g.institution_id
    join role_grants l on l.institution_id = g.institution_id and l.role = 'leder'
    cross join generate_series(1, ${sql.raw(String(size.visits))}) k
    cross join lateral (select (${`${year}-01-10`}::date + ((k * 53 + (hashtext(g.user_id::text) & 31)) % 330))::date as day) d
    where g.institution_id = any(${`{${institutionIds.join(',')}}`}::uuid[]) and g.role = 'medarbejder'`);
  // One teacher in fifty also teaches at the next school and is visited there twice (the kommune view must count
  // them once: cells-repo.ts recounts them).
  await db.execute(sql`
    with i as (select id, row_number() over (order by id) as n, count(*) over () as total
               from institutions where kommune_id = ${kommune.id})
    insert into observation_visits (institution_id, kind, status, schema_id, teacher_id, observer_id, planned_by,
      planned_for, term, subject, grade, started_at, completed_at, duration_seconds)
    select there.id, 'visit', 'completed', s.id, g.user_id, l.user_id, l.user_id, d.day,
      case when extract(month from d.day) >= 8 then ${`${year}-2`} else ${`${year}-1`} end, 'Musik', 5,
      d.day::timestamptz, d.day::timestamptz + interval '45 minutes', 2700
    from role_grants g
    join i here on here.id = g.institution_id
    join i there on there.n = here.n % here.total + 1
    join observation_schemas s on s.institution_id = there.id
    join role_grants l on l.institution_id = there.id and l.role = 'leder'
    cross join (values (${`${year}-03-16`}::date), (${`${year}-10-05`}::date)) d (day)
    where g.role = 'medarbejder' and (hashtext(g.user_id::text || 'x') & 65535) % 50 = 0`);
  // Self-observations (kind self) of every fourth teacher, with answers: they must never count.
  await db.execute(sql`
    insert into observation_visits (institution_id, kind, status, schema_id, teacher_id, observer_id, planned_by,
      planned_for, term, subject, grade, completed_at)
    select g.institution_id, 'self', 'completed', s.id, g.user_id, g.user_id, g.user_id, ${`${year}-03-02`}::date,
      ${`${year}-1`}, 'Dansk', 3, now()
    from role_grants g join observation_schemas s on s.institution_id = g.institution_id
    where g.institution_id = any(${`{${institutionIds.join(',')}}`}::uuid[]) and g.role = 'medarbejder'
      and (hashtext(g.user_id::text) & 3) = 0`);
  await db.execute(sql`
    insert into observation_answers (visit_id, item_key, pupil, focus_area_key, value_num, value_text, answered_at)
    select v.id, (i->>'key')::uuid, 0, (a->>'key')::uuid,
      case i->>'type'
        when 'scale' then 1 + floor(random() * 7)
        when 'yesno' then (random() < 0.6)::int
        when 'count' then floor(random() * 15)
      end,
      case when i->>'type' = 'text' then 'Eleverne arbejdede roligt i makkerpar.' end,
      v.completed_at
    from observation_visits v
    join observation_schemas s on s.id = v.schema_id
    cross join lateral jsonb_array_elements(s.definition->'focusAreas') a
    cross join lateral jsonb_array_elements(a->'indicators') i
    where v.institution_id = any(${`{${institutionIds.join(',')}}`}::uuid[])`);
  const [counts] = await exec<{ visits: number; answers: number }>(sql`
    select (select count(*)::int from observation_visits where kind = 'visit'
              and institution_id = any(${`{${institutionIds.join(',')}}`}::uuid[])) as visits,
           (select count(*)::int from observation_answers a join observation_visits v on v.id = a.visit_id
              where v.kind = 'visit' and v.institution_id = any(${`{${institutionIds.join(',')}}`}::uuid[])) as answers`);
  await db.execute(sql`analyze observation_visits`);
  await db.execute(sql`analyze observation_answers`);
  return { kommuneId: kommune.id, institutionIds, ...counts };
}

/** TEST_DEFINITION with fresh keys (another institution's copy of the same questions). */
export function copyOfTestDefinition(): {
  definition: SchemaDefinition;
  keys: Record<keyof typeof TEST_KEYS, string>;
} {
  const fresh = Object.fromEntries(Object.keys(TEST_KEYS).map((k) => [k, randomUUID()])) as Record<
    keyof typeof TEST_KEYS,
    string
  >;
  const byOld = new Map(
    Object.entries(TEST_KEYS).map(([name, key]) => [key as string, fresh[name as keyof typeof TEST_KEYS]]),
  );
  const definition = JSON.parse(JSON.stringify(TEST_DEFINITION), (k, value) =>
    k === 'key' ? byOld.get(value) : value,
  ) as SchemaDefinition;
  return { definition, keys: fresh };
}

/**
 * The known data set of the data tests, at one institution against TEST_DEFINITION: five teachers of Dansk
 * (grade 3, forår 2026) with scale 3…7 (mean 5), yes/no yes for three (0.6), count 2…10 (mean 6), a text answer
 * each, three pupils each answering 1, 2, 3 (mean 2); the calm indicator answered for only the first four; and a
 * sixth teacher alone in Tysk (grade 5) with scale 7.
 */
export async function insertKnownData(
  db: DbOrTx,
  at: { institutionId: string; schemaId: string; observerId: string; teacherIds: string[] },
  keys: Record<keyof typeof TEST_KEYS, string> = TEST_KEYS,
  definition: SchemaDefinition = TEST_DEFINITION,
) {
  const [t1, t2, t3, t4, t5, t6] = at.teacherIds;
  const base = {
    institutionId: at.institutionId,
    schemaId: at.schemaId,
    observerId: at.observerId,
    definition,
  };
  const dansk = [t1, t2, t3, t4, t5].map((teacherId, i) => ({
    ...base,
    teacherId,
    plannedFor: `2026-03-${10 + i}`,
    subject: 'Dansk',
    grade: 3,
    answers: [
      { key: keys.scale, value: 3 + i },
      { key: keys.yesno, value: [true, false, true, true, false][i] },
      { key: keys.count, value: 2 + 2 * i },
      { key: keys.text, value: `Eleverne kendte målet (${i + 1})` },
      { key: keys.pupilScale, pupil: 1, value: 1 },
      { key: keys.pupilScale, pupil: 2, value: 2 },
      { key: keys.pupilScale, pupil: 3, value: 3 },
      ...(i < 4 ? [{ key: keys.calm, value: 6 }] : []),
    ],
  }));
  const tysk = {
    ...base,
    teacherId: t6,
    plannedFor: '2026-04-20',
    subject: 'Tysk',
    grade: 5,
    answers: [{ key: keys.scale, value: 7 }],
  };
  return insertVisits(db, [...dansk, tysk]);
}

/** `n` teachers (users without a password or membership: data counts visits, not who may sign in); their ids. */
export async function insertTeachers(db: DbOrTx, prefix: string, n: number): Promise<string[]> {
  const res = await rows<{ id: string }>(
    db,
    sql`
    insert into users (email, name, status)
    select ${prefix} || '-' || k || '@test.amongi.dk', 'Lærer ' || ${prefix} || ' ' || k, 'active'::user_status
    from generate_series(1, ${n}) k
    returning id`,
  );
  return res.map((r) => r.id);
}
