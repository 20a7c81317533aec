import type { InstitutionType } from '../../../../shared/constants.js';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  type DataBreakdown,
  DEFAULT_MIN_GROUP_SIZE,
  type SchemaDefinition,
} from '../../../../shared/observation.js';
import type { DbOrTx } from '../../../db/index.js';
import { observationSchemas, observationSettings, observationVisits } from '../../../db/observation-schema.js';
import { rows } from '../../../db/rows.js';
import { institutions, kommuner } from '../../../db/schema.js';
import { countsTowardData } from '../../../policy/sql-observation.js';

/**
 * SQL of institution data (O4): the institutions in view, their schema versions, and the aggregates. Every read
 * of visits or answers filters with countsTowardData (completed, unflagged classroom visits; never
 * self-observations). No rules here: the service has authorised the scope.
 */

const v = observationVisits;

export type DataFilters = { term: string | null; subject: string | null; grade: number | null };
export type ScopeInstitution = { id: string; name: string; type: InstitutionType; minGroupSize: number };

/** A PostgreSQL array literal of uuids or integers (values we made or validated, never free text). */
export const arrayLiteral = (values: (string | number)[]) => `{${values.join(',')}}`;

/** The institution (or every institution of the kommune) with its minimum group size. */
export async function scopeInstitutions(
  db: DbOrTx,
  where: { institutionId: string } | { kommuneId: string },
): Promise<ScopeInstitution[]> {
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      type: institutions.type,
      minGroupSize: sql<number>`coalesce(${observationSettings.minGroupSize}, ${DEFAULT_MIN_GROUP_SIZE})::int`,
    })
    .from(institutions)
    .leftJoin(observationSettings, eq(observationSettings.institutionId, institutions.id))
    .where(
      'institutionId' in where
        ? eq(institutions.id, where.institutionId)
        : eq(institutions.kommuneId, where.kommuneId),
    )
    .orderBy(asc(institutions.name), asc(institutions.id));
}

export async function kommuneName(db: DbOrTx, kommuneId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: kommuner.name }).from(kommuner).where(eq(kommuner.id, kommuneId));
  return row?.name;
}

/** Every schema version of the institutions, newest first per institution (the labels come from these). */
export async function schemaVersions(
  db: DbOrTx,
  institutionIds: string[],
): Promise<{ institutionId: string; version: number; definition: SchemaDefinition }[]> {
  if (institutionIds.length === 0) return [];
  return db
    .select({
      institutionId: observationSchemas.institutionId,
      version: observationSchemas.version,
      definition: observationSchemas.definition,
    })
    .from(observationSchemas)
    .where(inArray(observationSchemas.institutionId, institutionIds))
    .orderBy(asc(observationSchemas.institutionId), desc(observationSchemas.version));
}

/** The item map as a table m(key, c): every item key in view and the index of the item it is shown as. */
export function itemTable(items: Map<string, number>): SQL {
  const keys = [...items.keys()];
  return sql`unnest(${arrayLiteral(keys)}::uuid[], ${arrayLiteral(keys.map((k) => items.get(k) as number))}::int[]) as m(key, c)`;
}

/** The counted visits of the scope that match the filters. */
export function countedVisits(institutionIds: string[], f: DataFilters): SQL {
  const clauses: SQL[] = [
    institutionIds.length === 1
      ? sql`${v.institutionId} = ${institutionIds[0]}`
      : sql`${v.institutionId} = any(${arrayLiteral(institutionIds)}::uuid[])`,
    countsTowardData,
  ];
  if (f.term !== null) clauses.push(sql`${v.term} = ${f.term}`);
  if (f.subject !== null) clauses.push(sql`${v.subject} = ${f.subject}`);
  if (f.grade !== null) clauses.push(sql`${v.grade} = ${f.grade}`);
  return and(...clauses) as SQL;
}

/** The group a visit falls in; '' for no subject or no grade. */
export function groupOf(by: DataBreakdown): SQL {
  switch (by) {
    case 'term':
      return sql`${v.term}`;
    case 'subject':
      return sql`${v.subject}`;
    case 'grade':
      return sql`coalesce(${v.grade}::text, '')`;
    case 'institution':
      return sql`${v.institutionId}::text`;
  }
}

/** An answer that holds something (a cleared answer holds nothing and counts for nothing). */
const answered = (alias: string) =>
  sql.raw(`(${alias}.value_num is not null or ${alias}.value_text is not null)`);

/**
 * The answers of the visits in the outer query (`inArea`: an extra condition on them): one index probe per visit,
 * kept apart from the outer query by `offset 0` — otherwise the planner scans every answer in the database for
 * one school's 7,000.
 */
export function answersOf(inArea: SQL): SQL {
  return sql`cross join lateral (select * from observation_answers a
    where a.visit_id = ${v.id} and ${answered('a')} ${inArea} offset 0) a`;
}

/** The key of an aggregate row: item and group, with a grand or item total (group null) kept apart from ''. */
export const rowKey = (item: number | null, group: string | null) =>
  `${item ?? ''}|${group ?? ''}|${group === null}`;

export type AggregateRow = {
  /** The item (index into the service's item list); null on group and grand totals. */
  item: number | null;
  /** The group key; null on item and grand totals. */
  group: string | null;
  teachers: number;
  visits: number;
  value: number | null;
  answers: number;
};

/**
 * Teachers, visits, mean value and answers per item × group, per item, per group and in total, in one statement
 * with one pass over the answers. `items` maps every item key in view to the index of the item it is shown as
 * (the same question can have several keys: versions, institutions); `areaKeys` narrows to a focus area. Teachers
 * are counted distinct at every level; a visit counts once per item however many pupils answered (pupil answers
 * are grouped per visit, indicator answers per teacher). Per group and in total, every answer in view counts, also
 * one recorded in the chosen focus area to a question a newer version shows under another area (as groupVisits
 * and the kommune's data cells count it). Visits per group and in total come from groupVisits.
 */
export async function aggregate(
  db: DbOrTx,
  scope: {
    institutionIds: string[];
    filters: DataFilters;
    by: DataBreakdown;
    items: Map<string, number>;
    areaKeys: string[] | null;
  },
): Promise<AggregateRow[]> {
  if (scope.items.size === 0 || scope.institutionIds.length === 0) return [];
  const inArea = scope.areaKeys
    ? sql`and a.focus_area_key = any(${arrayLiteral(scope.areaKeys)}::uuid[])`
    : sql``;
  const res = await rows<AggregateRow>(
    db,
    sql`
    with x as (
      select ${v.teacherId} as t, ${groupOf(scope.by)} as g, a.item_key as k,
        case when a.pupil > 0 then a.visit_id end as pupil_visit,
        count(*) as answers, sum(a.value_num) as s, count(a.value_num) as n
      from ${v}
      ${answersOf(inArea)}
      where ${countedVisits(scope.institutionIds, scope.filters)}
      group by 1, 2, 3, 4
    )
    select m.c as item, case when grouping(x.g) = 0 then x.g end as "group",
      count(distinct x.t)::int as teachers,
      sum(case when x.pupil_visit is null then x.answers else 1 end)::int as visits,
      (sum(x.s) / nullif(sum(x.n), 0))::float8 as value, sum(x.answers)::int as answers
    from x left join ${itemTable(scope.items)} on m.key = x.k
    group by grouping sets ((m.c, x.g), (m.c), (x.g), ())
    having grouping(m.c) = 1 or m.c is not null`,
  );
  return res;
}

/**
 * Counted visits per group and in total (group null). With a focus area chosen (`areaKeys`), only visits with an
 * answer in it (one index probe per visit); without, every counted visit.
 */
export async function groupVisits(
  db: DbOrTx,
  scope: { institutionIds: string[]; filters: DataFilters; by: DataBreakdown; areaKeys: string[] | null },
): Promise<{ group: string | null; visits: number }[]> {
  if (scope.institutionIds.length === 0 || scope.areaKeys?.length === 0) return [];
  const inArea = scope.areaKeys
    ? sql`and exists (select 1 from observation_answers a where a.visit_id = ${v.id}
            and a.focus_area_key = any(${arrayLiteral(scope.areaKeys)}::uuid[]) and ${answered('a')})`
    : sql``;
  const res = await rows<{ group: string | null; visits: number }>(
    db,
    sql`
    select case when grouping(g) = 0 then g end as "group", count(*)::int as visits
    from (
      select ${groupOf(scope.by)} as g from ${v}
      where ${countedVisits(scope.institutionIds, scope.filters)} ${inArea}
    ) counted
    group by grouping sets ((g), ())`,
  );
  return res;
}
