import { type SQL, sql } from 'drizzle-orm';
import { inquiryCycles } from '../db/inquiry-schema.js';
import { teamMemberships, teams } from '../db/schema.js';
import { institutionIdsWithRole } from './predicates.js';
import type { Actor } from './types.js';

const none = sql`false`;

/**
 * Cycles (rows of inquiry_cycles) the actor may read: the same rule as rules-inquiry.seesCycle. Membership is read
 * from team_memberships, so a member who leaves a team loses its cycles at once.
 */
export function visibleCycles(a: Actor): SQL {
  if (!a.id) return none;
  const member = sql`exists (select 1 from ${teamMemberships} m
    where m.team_id = ${inquiryCycles.teamId} and m.user_id = ${a.id})`;
  const leads = institutionIdsWithRole(a, 'leder');
  if (!leads.length) return member;
  const shared = sql`(${inquiryCycles.sharedWithLeaders} and exists (select 1 from ${teams} t
    where t.id = ${inquiryCycles.teamId} and t.institution_id in (${sql.join(
      leads.map((i) => sql`${i}`),
      sql`, `,
    )})))`;
  return sql`(${member} or ${shared})`;
}
