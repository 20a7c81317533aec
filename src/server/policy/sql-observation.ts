import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { observationObservers, observationVisitGuests, observationVisits } from '../db/observation-schema.js';
import { roleGrants } from '../db/schema.js';
import { institutionIdsWithRole } from './predicates.js';
import type { Actor } from './types.js';

const v = observationVisits;

/** SQL form of rules-observation.seesVisit, over the observation_visits table. */
export function visibleVisits(a: Actor): SQL {
  if (!a.id) return sql`false`;
  const clauses: SQL[] = [
    sql`${v.teacherId} = ${a.id}`,
    sql`${v.observerId} = ${a.id}`,
    sql`(${v.kind} = 'self' and exists (select 1 from ${observationVisitGuests} g
           where g.visit_id = ${v.id} and g.user_id = ${a.id}))`,
  ];
  const leads = institutionIdsWithRole(a, 'leder');
  if (leads.length) clauses.push(sql`(${v.kind} = 'visit' and ${inArray(v.institutionId, leads)})`);
  return or(...clauses) as SQL;
}

/**
 * The one definition of what counts toward institution data (O4): completed classroom visits that wait for no
 * leader's decision. Self-observations never do. Every aggregate, count and export filters with this.
 */
export const countsTowardData: SQL = and(
  eq(v.kind, 'visit'),
  eq(v.status, 'completed'),
  isNull(v.flag),
) as SQL;

/**
 * SQL form of rules-observation.mayObserve for one person at one institution, with the delegation read from
 * observation_observers: leads the institution, or was delegated visits there and still holds a role there.
 * For planning a visit with an observer the request did not load as an actor.
 */
export function observesAt(userId: string, institutionId: string): SQL {
  const holds = (role?: 'leder') => sql`exists (select 1 from ${roleGrants} rg where rg.user_id = ${userId}
    and rg.institution_id = ${institutionId}${role ? sql` and rg.role = ${role}` : sql``})`;
  return sql`(${holds('leder')} or (exists (select 1 from ${observationObservers} o where o.user_id = ${userId}
    and o.institution_id = ${institutionId}) and ${holds()}))`;
}

/*
 * countsTowardData has one copy outside this file: the data-cell triggers in drizzle/0005_data_cells.sql
 * (`kind = 'visit' AND status = 'completed' AND flag IS NULL`), which keep observation_data_cells. The agreement
 * test (sql-observation.int.test.ts) walks a visit through every kind, status and flag and holds the cells' count
 * to a count with countsTowardData. Change both together.
 */
