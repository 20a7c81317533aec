import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import {
  progressionGroups,
  progressionPeriods,
  progressionStatuses,
  progressionTotals,
} from '../../../db/progression-schema.js';
import { rows } from '../../../db/rows.js';

/*
 * progression_totals: per group, area and period the children per status and how many moved up or down since
 * their previous status in the area (the child's latest status in an earlier period, whichever group it was
 * entered in). Summaries read only these. They are recomputed from the statuses — never incremented — in the
 * transaction that changes a status, under a lock on every group whose figures it touches, so two people writing
 * different children of a group at once never lose a count. Figures that retention has made final (purged_at) are
 * never recomputed.
 */

const rank = (col: SQL) => sql`(case ${col} when 'roed' then 0 when 'gul' then 1 else 2 end)`;

/**
 * Locks the groups' rows in id order (every status writer does this before writing: no lost totals, and no
 * deadlock between writers that lock the same groups). Already-held locks are fine.
 */
export async function lockGroups(tx: DbOrTx, groupIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(groupIds)].sort();
  if (!ids.length) return;
  await rows(
    tx,
    sql`select ${progressionGroups.id} from ${progressionGroups}
        where ${progressionGroups.id} in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) order by ${progressionGroups.id} for update`,
  );
}

/** Recomputes one (group, area, period)'s figures from the statuses (a row of zeros when none are left). */
async function recomputeOne(tx: DbOrTx, groupId: string, areaId: string, periodId: string): Promise<void> {
  await tx.execute(sql`
    insert into ${progressionTotals} as t (group_id, area_id, period_id, groen, gul, roed, moved_up, moved_down)
    select ${groupId}::uuid, ${areaId}::uuid, ${periodId}::uuid,
      count(*) filter (where s.status = 'groen')::int,
      count(*) filter (where s.status = 'gul')::int,
      count(*) filter (where s.status = 'roed')::int,
      count(*) filter (where prev.status is not null and ${rank(sql`s.status`)} > ${rank(sql`prev.status`)})::int,
      count(*) filter (where prev.status is not null and ${rank(sql`s.status`)} < ${rank(sql`prev.status`)})::int
    from ${progressionStatuses} s
    join ${progressionPeriods} p on p.id = s.period_id
    left join lateral (
      select ps.status from ${progressionStatuses} ps
      join ${progressionPeriods} pp on pp.id = ps.period_id
      where ps.child_id = s.child_id and ps.area_id = s.area_id and (pp.starts_on, pp.id) < (p.starts_on, p.id)
      order by pp.starts_on desc, pp.id desc
      limit 1
    ) prev on true
    where s.group_id = ${groupId} and s.area_id = ${areaId} and s.period_id = ${periodId}
    on conflict (group_id, area_id, period_id) do update set
      groen = excluded.groen, gul = excluded.gul, roed = excluded.roed,
      moved_up = excluded.moved_up, moved_down = excluded.moved_down
    where t.purged_at is null`);
}

/**
 * The cells whose movement follows a child's status in (area, period): each child's next status in the area, in
 * any later period and group. `childIds` narrows to those children; else every child with a status in the group's
 * (area, period).
 */
export async function nextCells(
  tx: DbOrTx,
  q: { areaId: string; periodId: string; groupId?: string; childIds?: string[] },
): Promise<{ groupId: string; periodId: string }[]> {
  const children = q.childIds
    ? q.childIds.length
      ? sql`select distinct x::uuid as child_id from unnest(array[${sql.join(
          q.childIds.map((i) => sql`${i}`),
          sql`, `,
        )}]::text[]) as x`
      : sql`select null::uuid as child_id where false`
    : sql`select child_id from ${progressionStatuses}
        where group_id = ${q.groupId ?? null} and area_id = ${q.areaId} and period_id = ${q.periodId}`;
  return rows<{ groupId: string; periodId: string }>(
    tx,
    sql`select distinct n.group_id as "groupId", n.period_id as "periodId"
      from (${children}) c
      join ${progressionPeriods} p on p.id = ${q.periodId}
      join lateral (
        select ns.group_id, ns.period_id from ${progressionStatuses} ns
        join ${progressionPeriods} np on np.id = ns.period_id
        where ns.child_id = c.child_id and ns.area_id = ${q.areaId} and (np.starts_on, np.id) > (p.starts_on, p.id)
        order by np.starts_on, np.id
        limit 1
      ) n on true`,
  );
}

/**
 * Recomputes the group's figures for (area, period), and those of the cells whose movement depends on them (each
 * affected child's next status in the area, whichever group). `childIds`: only these children's statuses in
 * (area, period) changed (set, changed or removed: their next cells are recomputed even when they have no status
 * here any more); without it, every child with a status in the group's (area, period) counts as changed. Call it
 * with the group locked (`lockGroups`); the groups of the dependent cells are locked here (in id order) before they
 * are recomputed — a writer that knows them (grid/statuses.ts) locks them all at once beforehand.
 */
export async function recomputeTotals(
  tx: DbOrTx,
  groupId: string,
  areaId: string,
  periodId: string,
  opts: { childIds?: string[] } = {},
): Promise<void> {
  await recomputeOne(tx, groupId, areaId, periodId);
  const dependents = opts.childIds
    ? await nextCells(tx, { areaId, periodId, childIds: opts.childIds })
    : await nextCells(tx, { areaId, periodId, groupId });
  const unique = [...new Map(dependents.map((d) => [`${d.groupId}/${d.periodId}`, d])).values()];
  await lockGroups(
    tx,
    unique.map((d) => d.groupId),
  );
  for (const d of unique) await recomputeOne(tx, d.groupId, areaId, d.periodId);
}
