import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { observationVisitGuests, observationVisits } from '../db/observation-schema.js';
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
