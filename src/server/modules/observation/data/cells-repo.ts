import { type SQL, sql } from 'drizzle-orm';
import type { DataBreakdown } from '../../../../shared/observation.js';
import type { DbOrTx } from '../../../db/index.js';
import { observationVisits } from '../../../db/observation-schema.js';
import { rows } from '../../../db/rows.js';
import {
  type AggregateRow,
  answersOf,
  arrayLiteral,
  countedVisits,
  type DataFilters,
  groupOf,
  itemTable,
  rowKey,
} from './repo.js';

/**
 * The kommune view's figures from observation_data_cells (kept per institution by triggers, migration 0005),
 * without reading every answer: the same rows as repo.ts's aggregate and groupVisits. Counts, sums and visits
 * add up across institutions and item keys; distinct teachers add up only where no teacher is counted in two of
 * the summed rows — so the teachers who could be (in two institutions, or at an institution whose item keys or
 * focus area keys are shown as one) are counted again from their answers, and the difference is taken off.
 */

const v = observationVisits;
const DIM = { term: 4, subject: 2, grade: 1, institution: 0 } as const;

export type CellScope = {
  institutionIds: string[];
  filters: DataFilters;
  by: DataBreakdown;
  items: Map<string, number>;
  areaKeys: string[] | null;
};

/**
 * Which institutions' cells may count (rules.ts: cellRules), as 'institution|item', institution ids and
 * 'institution|value' lists: item rows at the filters' level and per group, group and grand totals, and the kept
 * values of the breakdown (null: by institution). Without rules every cell counts (the equivalence tests).
 */
export type CellRules = {
  itemTotals: string[];
  itemGroups: string[];
  totals: string[];
  groupTotals: string[];
  groupValues: string[] | null;
};

/** `key in values`, as a hashed lookup (a list of thousands is fine); true without a list. */
const member = (key: SQL, values: string[] | null | undefined) =>
  values ? sql`(${key}) in (select unnest(${arrayLiteral(values.map(quoted))}::text[]))` : sql`true`;
/** An array literal element: uuids, integers and the breakdown's values (a subject is free text) quoted. */
const quoted = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** The SQL conditions of the rules on institution `i`, item index `c` and group value `g`. */
function ruleSql(rules: CellRules | undefined, same: boolean, i: SQL, c: SQL, g: SQL) {
  const ic = sql`${i}::text || '|' || ${c}::text`;
  const ig = sql`${i}::text || '|' || ${g}`;
  const groupValue = same ? sql`true` : member(ig, rules?.groupValues);
  return {
    itemTotal: member(ic, rules?.itemTotals),
    itemGroup: same ? member(ic, rules?.itemTotals) : sql`${member(ic, rules?.itemGroups)} and ${groupValue}`,
    total: member(sql`${i}::text`, rules?.totals),
    groupTotal: same
      ? member(sql`${i}::text`, rules?.totals)
      : sql`${member(sql`${i}::text`, rules?.groupTotals)} and ${groupValue}`,
  };
}

/**
 * The statement over the cells of the filters. Group rows (`dims` = filters + breakdown) give the item × group
 * and group figures, total rows (`dims` = filters) the item totals and the grand total; when the breakdown adds
 * no dimension (by institution, or by a dimension filtered on) the same rows give both, by grouping sets.
 */
function fromCells(scope: CellScope, groupLevel: SQL, rules?: CellRules): SQL {
  const f = scope.filters;
  const dims =
    (f.term === null ? 0 : DIM.term) |
    (f.subject === null ? 0 : DIM.subject) |
    (f.grade === null ? 0 : DIM.grade);
  const groupDims = dims | DIM[scope.by];
  const col = scope.by === 'institution' ? sql`c.institution_id::text` : sql.raw(`c.${scope.by}`);
  const where = [
    sql`c.institution_id = any(${arrayLiteral(scope.institutionIds)}::uuid[])`,
    groupDims === dims ? sql`c.dims = ${dims}` : sql`c.dims in (${dims}, ${groupDims})`,
  ];
  if (f.term !== null) where.push(sql`c.term = ${f.term}`);
  if (f.subject !== null) where.push(sql`c.subject = ${f.subject}`);
  if (f.grade !== null) where.push(sql`c.grade = ${String(f.grade)}`);
  const same = groupDims === dims;
  const g = same
    ? sql`case when grouping(${col}) = 0 then ${col} end`
    : sql`case when c.dims = ${groupDims} then ${col} end`;
  const inCells = sql.join(where, sql` and `);
  const inArea = scope.areaKeys ? sql`and c.area_key = any(${arrayLiteral(scope.areaKeys)}::uuid[])` : sql``;
  const ok = ruleSql(rules, same, sql`c.institution_id`, sql`m.c`, col);
  const itemOk = same
    ? ok.itemTotal
    : sql`case when c.dims = ${groupDims} then ${ok.itemGroup} else ${ok.itemTotal} end`;
  const totalOk = same
    ? ok.total
    : sql`case when c.dims = ${groupDims} then ${ok.groupTotal} else ${ok.total} end`;
  return sql`
    select m.c as item, ${g} as "group", sum(c.teachers)::int as teachers, sum(c.visits)::int as visits,
      (sum(c.value_sum) / nullif(sum(c.value_count), 0))::float8 as value, sum(c.answers)::int as answers
    from observation_data_cells c join ${itemTable(scope.items)} on m.key = c.item_key
    where ${inCells} ${inArea} and ${itemOk}
    group by ${same ? sql`grouping sets ((m.c, ${col}), (m.c))` : sql`m.c, 2`}
    union all
    select null, ${g}, sum(c.teachers)::int, sum(c.visits)::int, null, sum(c.answers)::int
    from observation_data_cells c
    where ${inCells} and c.item_key is null and ${groupLevel} and ${totalOk}
    group by ${same ? sql`grouping sets ((${col}), ())` : sql`2`}`;
}

/**
 * Teachers who may stand behind two summed rows: teachers with counted visits at two or more of the institutions
 * (observation_data_teachers, kept with the cells; a superset under filters, which only costs a recount).
 */
async function overlapping(db: DbOrTx, institutionIds: string[]): Promise<string[]> {
  const res = await rows<{ id: string }>(
    db,
    sql`
    select teacher_id as id from observation_data_teachers
    where institution_id = any(${arrayLiteral(institutionIds)}::uuid[])
    group by teacher_id having count(*) > 1`,
  );
  return res.map((r) => r.id);
}

type Overcount = { item: number | null; group: string | null; teachers: number; visits: number };

/**
 * For the given teachers (and every teacher of `institutions`): how many more teachers and visits the summed cell
 * rows count than there are, per item × group, item, group and in total. A cell row is one institution × item
 * key × focus area key (item rows), one institution × focus area key (area rows) or one institution.
 */
async function overcount(
  db: DbOrTx,
  scope: CellScope,
  teacherIds: string[],
  institutionIds: string[],
  rules?: CellRules,
): Promise<Overcount[]> {
  const area = scope.areaKeys !== null;
  const inArea = area
    ? sql`and a.focus_area_key = any(${arrayLiteral(scope.areaKeys ?? [])}::uuid[])`
    : sql``;
  // Each summed cell row is a unit (school × item key × area key, school × area key, or school): count the
  // distinct units these teachers stand behind against the distinct teachers, per item × group, item, group and
  // in total. With a focus area chosen a visit can also stand behind two area rows (two area keys of one school).
  const unit = area ? sql.raw('t, i, ak') : sql.raw('t, i');
  // The same rules as the cells (a group is one value of the breakdown unless it adds no dimension).
  const f = scope.filters;
  const same = scope.by === 'institution' || (f as Record<string, unknown>)[scope.by] !== null;
  const ok = ruleSql(rules, same, sql`i`, sql`c`, sql`g`);
  const res = await rows<Overcount>(
    db,
    sql`
    with y as (
      select x.*, m.c from (
        select ${v.teacherId} as t, ${v.institutionId} as i, ${area ? sql`${v.id}` : sql`null::uuid`} as vid,
          ${groupOf(scope.by)} as g, a.item_key as k, a.focus_area_key as ak
        from ${v} ${answersOf(inArea)}
        where ${countedVisits(scope.institutionIds, scope.filters)}
          and (${v.teacherId} = any(${arrayLiteral(teacherIds)}::uuid[])
            or ${v.institutionId} = any(${arrayLiteral(institutionIds)}::uuid[]))
        group by 1, 2, 3, 4, 5, 6
      ) x left join ${itemTable(scope.items)} on m.key = x.k
    )
    select c as item, g as "group", (count(*) - count(distinct t))::int as teachers, 0 as visits
      from (select distinct t, i, k, ak, c, g from y where c is not null and ${ok.itemGroup}) z group by c, g
    union all select c, null, (count(*) - count(distinct t))::int, 0
      from (select distinct t, i, k, ak, c from y where c is not null and ${ok.itemTotal}) z group by c
    union all select null, g, (count(*) - count(distinct t))::int, 0
      from (select distinct ${unit}, g from y where ${ok.groupTotal}) z group by g
    union all select null, null, (count(*) - count(distinct t))::int, 0
      from (select distinct ${unit} from y where ${ok.total}) z
    ${
      area
        ? sql`union all select null, g, 0, (count(*) - count(distinct vid))::int
            from (select distinct vid, ak, g from y where ${ok.groupTotal}) z group by g
          union all select null, null, 0, (count(*) - count(distinct vid))::int
            from (select distinct vid, ak from y where ${ok.total}) z`
        : sql``
    }`,
  );
  return res;
}

/** The rows of repo.ts's aggregate and groupVisits for the scope, from the cells. */
export async function cellAggregate(
  db: DbOrTx,
  scope: CellScope,
  complexInstitutions: string[],
  rules?: CellRules,
): Promise<{ rows: AggregateRow[]; visits: { group: string | null; visits: number }[] }> {
  if (scope.items.size === 0 || scope.institutionIds.length === 0) return { rows: [], visits: [] };
  const groupLevel = scope.areaKeys
    ? sql`c.area_key = any(${arrayLiteral(scope.areaKeys)}::uuid[])`
    : sql`c.area_key is null`;
  const res = await rows<AggregateRow>(db, fromCells(scope, groupLevel, rules));
  const summed = res;
  const teachers = await overlapping(db, scope.institutionIds);
  const over =
    teachers.length + complexInstitutions.length > 0
      ? await overcount(db, scope, teachers, complexInstitutions, rules)
      : [];
  const overAt = new Map<string, Overcount>();
  for (const o of over) {
    const seen = overAt.get(rowKey(o.item, o.group));
    overAt.set(
      rowKey(o.item, o.group),
      seen ? { ...o, teachers: seen.teachers + o.teachers, visits: seen.visits + o.visits } : o,
    );
  }
  const exact = summed.map((r) => {
    const o = overAt.get(rowKey(r.item, r.group));
    return o ? { ...r, teachers: r.teachers - o.teachers, visits: r.visits - o.visits } : r;
  });
  return {
    rows: exact.filter((r) => r.answers > 0),
    visits: exact.filter((r) => r.item === null).map((r) => ({ group: r.group, visits: r.visits })),
  };
}
