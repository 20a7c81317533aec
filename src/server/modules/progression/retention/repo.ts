import { type SQL, sql } from 'drizzle-orm';
import { PROGRESSION_LIMITS } from '../../../../shared/progression.js';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';

/**
 * The retention purge's statements (SQL only). A school year (its first calendar year `y`) ends on 31 July of
 * y + 1; its per-child rows go `retention_months` (the institution's setting, else the default) after that: from
 * 1 August of y + 1 plus that many months, by the Danish calendar day `today`.
 */

const expiredYear = (schoolYear: SQL, institutionId: SQL, today: string) => sql`${today}::date >=
  (make_date(${schoolYear}::int + 1, 8, 1) + make_interval(months => coalesce(
    (select s.retention_months from progression_settings s where s.institution_id = ${institutionId}),
    ${PROGRESSION_LIMITS.retentionMonths.default})::int))::date`;

const expiredPeriods = (today: string) => sql`select p.id from progression_periods p
  where ${expiredYear(sql`p.school_year`, sql`p.institution_id`, today)}`;
const expiredGroups = (today: string) => sql`select g.id from progression_groups g
  where ${expiredYear(sql`g.school_year`, sql`g.institution_id`, today)}`;

async function count(db: DbOrTx, q: SQL): Promise<number> {
  const r = await rows<{ n: number }>(
    db,
    sql`with done as (${q} returning 1) select count(*)::int as n from done`,
  );
  return Number(r[0]?.n ?? 0);
}

/** One purge at a time across processes: false when another holds it (it does the same work). */
export async function tryLock(db: DbOrTx): Promise<boolean> {
  const r = await rows<{ ok: boolean }>(
    db,
    sql`select pg_try_advisory_xact_lock(hashtext('progression.retention')) as ok`,
  );
  return !!r[0]?.ok;
}

export const deleteStatuses = (db: DbOrTx, today: string) =>
  count(db, sql`delete from progression_statuses where period_id in (${expiredPeriods(today)})`);

export const deletePlacements = (db: DbOrTx, today: string) =>
  count(db, sql`delete from progression_placements where group_id in (${expiredGroups(today)})`);

/** Children with no status and no placement left (their last rows were purged). */
export const deleteOrphanChildren = (db: DbOrTx) =>
  count(
    db,
    sql`delete from progression_children c
      where not exists (select 1 from progression_statuses s where s.child_id = c.id)
        and not exists (select 1 from progression_placements p where p.child_id = c.id)`,
  );

/** The children's lines of the expired groups' conference snapshots (the counts stay). */
export const stripSnapshots = (db: DbOrTx, today: string) =>
  count(
    db,
    sql`update progression_conferences set snapshot = jsonb_set(snapshot, '{children}', '[]'::jsonb)
      where group_id in (${expiredGroups(today)}) and jsonb_array_length(snapshot -> 'children') > 0`,
  );

/** Marks the expired periods' totals final. */
export const markTotals = (db: DbOrTx, today: string, at: Date) =>
  count(
    db,
    sql`update progression_totals set purged_at = ${at.toISOString()}::timestamptz
      where purged_at is null and period_id in (${expiredPeriods(today)})`,
  );
