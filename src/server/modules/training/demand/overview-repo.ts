import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/index.js';
import { rows } from '../../../db/rows.js';
import type { Actor } from '../../../policy/index.js';
import { visibleCourses } from '../../../policy/sql-training.js';
import { ACTIVE, current } from './repo.js';

/** The training overview's numbers (V7). Demand counts are everyone's (numbers only); courses as the actor sees them. */

export type DemandRow = {
  id: string;
  label: string;
  count: number;
  institutions: number;
  courseId: string | null;
  courseState: string | null;
  courseTitle: string | null;
};

/**
 * Methods by demand (most requests first, then by label): those with requests that count, or with an active
 * course the actor may see. At most `limit`.
 */
export async function methodsByDemand(db: DbOrTx, actor: Actor, limit: number): Promise<DemandRow[]> {
  return rows<DemandRow>(
    db,
    sql`select t.id, t.label, coalesce(d.n, 0)::int as count, coalesce(d.institutions, 0)::int as institutions,
               training_courses.id as "courseId", training_courses.state as "courseState",
               training_courses.title as "courseTitle"
        from taxonomy_terms t
        left join (select r.method_id, count(*) as n, count(distinct r.institution_id) as institutions
                   from training_requests r where ${current('r')} group by r.method_id) d on d.method_id = t.id
        left join training_courses on training_courses.method_id = t.id and training_courses.state in ${ACTIVE}
                                  and ${visibleCourses(actor)}
        where t.kind = 'method' and (d.n > 0 or training_courses.id is not null)
        order by coalesce(d.n, 0) desc, t.label, t.id
        limit ${limit}`,
  );
}

/** How many courses the actor may see, per state. */
export async function coursesByState(db: DbOrTx, actor: Actor) {
  const found = await rows<{ state: string; n: number }>(
    db,
    sql`select training_courses.state, count(*)::int as n from training_courses
        where ${visibleCourses(actor)} group by training_courses.state`,
  );
  return new Map(found.map((r) => [r.state, r.n]));
}

/**
 * Over the completed and documented courses the actor may see: their requesters, and how many of them enrolled;
 * and how many requests count now (everyone's, a number like the demand counts) — so that "0 of 0 trained" is
 * never all the page says while people are asking.
 */
export async function trained(db: DbOrTx, actor: Actor) {
  const [[row], [now]] = await Promise.all([
    rows<{ requesters: number; trained: number }>(
      db,
      sql`select count(*)::int as requesters, count(e.user_id)::int as trained
          from training_courses
          join training_requests q on q.course_id = training_courses.id
          left join training_enrolments e on e.course_id = training_courses.id and e.user_id = q.user_id
                                         and e.status = 'enrolled'
          where training_courses.state in ('completed', 'documented') and ${visibleCourses(actor)}`,
    ),
    rows<{ asking: number }>(
      db,
      sql`select count(*)::int as asking from training_requests r where ${current('r')}`,
    ),
  ]);
  return { requesters: row?.requesters ?? 0, trained: row?.trained ?? 0, asking: now?.asking ?? 0 };
}
