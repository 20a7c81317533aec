/**
 * The progression benchmark's data (issue 17): one kommune with INSTITUTIONS schools × CLASSES classes (each with
 * its class team and one teacher in it) × CHILDREN children × 4 areas × 8 periods of one school year ≈ 960,000
 * statuses at scale 1, written by a few set-based statements (generate_series; deterministic statuses with
 * movement), and the totals computed from them in one statement by the same definition as grid/totals.ts
 * (counts per status; moved up/down against the child's latest status in an earlier period of the area). Needs the
 * demo organisation first (its password hash is copied so every bench person signs in with the demo password).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../src/server/db/index.js';

export type ProgressionSize = { institutions: number; classes: number; children: number };
export const SCHOOL_YEAR = 2025;
export const AREAS = ['Læsning', 'Matematik', 'Trivsel', 'Sociale kompetencer'];
export const PERIODS = 8;

type Row = Record<string, unknown>;
const rows = async <T = Row>(db: DbOrTx, q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

export type ProgressionData = {
  kommuneId: string;
  institutionIds: string[];
  /** One class teacher per class: email, the class (group) and its institution. */
  teachers: { email: string; groupId: string; institutionId: string }[];
  leaders: { email: string; institutionId: string }[];
  forvaltning: { id: string; email: string };
  statuses: number;
  totals: number;
};

export async function generateProgression(db: DbOrTx, size: ProgressionSize): Promise<ProgressionData> {
  const hash = sql`(select password_hash from users where email = 'leder@demo.amongi.dk')`;
  const [k] = await rows<{ id: string }>(
    db,
    sql`insert into kommuner (name) values ('Bench Progressionskommune') returning id`,
  );
  const kid = k.id;
  await db.execute(sql`insert into institutions (kommune_id, name, type)
    select ${kid}::uuid, 'Bench skole ' || lpad(i::text, 3, '0'), 'skole' from generate_series(1, ${size.institutions}) i`);
  const inst = sql`(select id from institutions where kommune_id = ${kid}::uuid)`;
  await db.execute(sql`insert into teams (institution_id, name, type)
    select i.id, 'Klasse ' || g, 'aargangsteam' from institutions i cross join generate_series(1, ${size.classes}) g
    where i.kommune_id = ${kid}::uuid`);
  await db.execute(sql`insert into progression_groups (institution_id, team_id, name, school_year, grade)
    select t.institution_id, t.id, t.name, ${SCHOOL_YEAR}, (split_part(t.name, ' ', 2)::int % 10)
    from teams t where t.institution_id in ${inst}`);
  await db.execute(sql`insert into progression_areas (institution_id, name, position)
    select i.id, a.name, a.pos - 1 from institutions i
    cross join unnest(${`{${AREAS.map((a) => `"${a}"`).join(',')}}`}::text[]) with ordinality as a(name, pos)
    where i.kommune_id = ${kid}::uuid`);
  await db.execute(sql`insert into progression_periods (institution_id, name, school_year, starts_on, ends_on)
    select i.id, 'Måling ' || n, ${SCHOOL_YEAR}, date '2025-08-15' + (n - 1) * 35, date '2025-08-15' + (n - 1) * 35 + 20
    from institutions i cross join generate_series(1, ${PERIODS}) n where i.kommune_id = ${kid}::uuid`);
  await db.execute(sql`insert into progression_children (institution_id, code)
    select g.institution_id, 'K' || split_part(g.name, ' ', 2) || '-' || lpad(n::text, 2, '0')
    from progression_groups g cross join generate_series(1, ${size.children}) n where g.institution_id in ${inst}`);
  await db.execute(sql`insert into progression_placements (child_id, group_id, from_on)
    select c.id, g.id, date '2025-08-11' from progression_children c
    join progression_groups g on g.institution_id = c.institution_id
      and split_part(c.code, '-', 1) = 'K' || split_part(g.name, ' ', 2)
    where c.institution_id in ${inst}`);
  // A child's level per area drifts: a base from the child and area, and in each period a step up or down now and then.
  await db.execute(sql`insert into progression_statuses (child_id, area_id, period_id, group_id, status, version)
    select p.child_id, a.id, pe.id, p.group_id,
      (array['roed', 'gul', 'groen'])[1 + greatest(0, least(2,
        (case when abs(hashtext(p.child_id::text || a.id::text)) % 10 < 2 then 0
              when abs(hashtext(p.child_id::text || a.id::text)) % 10 < 5 then 1 else 2 end)
        + (case abs(hashtext(p.child_id::text || pe.id::text || a.name)) % 7 when 0 then 1 when 1 then -1 else 0 end)))],
      1
    from progression_placements p
    join progression_groups g on g.id = p.group_id
    join progression_areas a on a.institution_id = g.institution_id
    join progression_periods pe on pe.institution_id = g.institution_id
    where g.institution_id in ${inst}`);
  await db.execute(sql`insert into progression_totals (group_id, area_id, period_id, groen, gul, roed, moved_up, moved_down)
    select group_id, area_id, period_id,
      count(*) filter (where status = 'groen')::int, count(*) filter (where status = 'gul')::int,
      count(*) filter (where status = 'roed')::int,
      count(*) filter (where prev is not null and rank > prev)::int, count(*) filter (where prev is not null and rank < prev)::int
    from (
      select s.group_id, s.area_id, s.period_id, s.status,
        case s.status when 'roed' then 0 when 'gul' then 1 else 2 end as rank,
        lag(case s.status when 'roed' then 0 when 'gul' then 1 else 2 end)
          over (partition by s.child_id, s.area_id order by pe.starts_on, pe.id) as prev
      from progression_statuses s join progression_periods pe on pe.id = s.period_id
      where pe.institution_id in ${inst}
    ) x group by group_id, area_id, period_id`);

  // People: a teacher in each class team, a leader per school, one forvaltning.
  await db.execute(sql`insert into users (email, name, status, password_hash)
    select 'pb-' || t.id || '@bench.amongi.dk', 'Lærer ' || t.name, 'active'::user_status, ${hash}
    from teams t where t.institution_id in ${inst}`);
  await db.execute(sql`insert into role_grants (user_id, role, institution_id)
    select u.id, 'medarbejder'::role, t.institution_id from teams t
    join users u on u.email = 'pb-' || t.id || '@bench.amongi.dk' where t.institution_id in ${inst}`);
  await db.execute(sql`insert into team_memberships (team_id, user_id)
    select t.id, u.id from teams t join users u on u.email = 'pb-' || t.id || '@bench.amongi.dk'
    where t.institution_id in ${inst}`);
  await db.execute(sql`insert into users (email, name, status, password_hash)
    select 'pb-leder-' || i.id || '@bench.amongi.dk', 'Leder ' || i.name, 'active'::user_status, ${hash}
    from institutions i where i.kommune_id = ${kid}::uuid`);
  await db.execute(sql`insert into role_grants (user_id, role, institution_id)
    select u.id, 'leder'::role, i.id from institutions i
    join users u on u.email = 'pb-leder-' || i.id || '@bench.amongi.dk' where i.kommune_id = ${kid}::uuid`);
  const forvEmail = `pb-forvaltning-${kid.slice(0, 8)}@bench.amongi.dk`;
  const [forv] = await rows<{ id: string }>(
    db,
    sql`insert into users (email, name, status, password_hash)
      values (${forvEmail}, 'Bench Forvaltning', 'active'::user_status, ${hash}) returning id`,
  );
  await db.execute(
    sql`insert into role_grants (user_id, role, kommune_id) values (${forv.id}, 'forvaltning', ${kid}::uuid)`,
  );

  // Fresh statistics after the bulk load (autovacuum would take them soon after; without them the planner
  // guesses one row per filter and loops).
  await db.execute(sql`analyze`);
  const teachers = await rows<{ email: string; groupId: string; institutionId: string }>(
    db,
    sql`select 'pb-' || t.id || '@bench.amongi.dk' as email, g.id as "groupId", g.institution_id as "institutionId"
      from progression_groups g join teams t on t.id = g.team_id where g.institution_id in ${inst}
      order by g.institution_id, g.name`,
  );
  const leaders = await rows<{ email: string; institutionId: string }>(
    db,
    sql`select 'pb-leder-' || i.id || '@bench.amongi.dk' as email, i.id as "institutionId"
      from institutions i where i.kommune_id = ${kid}::uuid order by i.name`,
  );
  const [n] = await rows<{ statuses: number; totals: number }>(
    db,
    sql`select (select count(*)::int from progression_statuses s join progression_groups g on g.id = s.group_id
        where g.institution_id in ${inst}) as statuses,
      (select count(*)::int from progression_totals t join progression_groups g on g.id = t.group_id
        where g.institution_id in ${inst}) as totals`,
  );
  return {
    kommuneId: kid,
    institutionIds: leaders.map((l) => l.institutionId),
    teachers,
    leaders,
    forvaltning: { id: forv.id, email: forvEmail },
    statuses: Number(n.statuses),
    totals: Number(n.totals),
  };
}
