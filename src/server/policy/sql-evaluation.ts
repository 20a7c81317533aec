import { type SQL, sql } from 'drizzle-orm';
import { evaluationPlans as p } from '../db/evaluation-schema.js';
import { institutions, teamMemberships, teams } from '../db/schema.js';
import { forvaltningKommuneIds, institutionIdsWithRole, memberInstitutionIds } from './predicates.js';
import type { Actor } from './types.js';

const none = sql`false`;
const list = (ids: string[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

/**
 * Evaluation plans (rows of evaluation_plans) the actor may read: the same rule as
 * rules-evaluation.seesEvaluationPlan. Team membership is read from team_memberships, so a member who leaves a
 * team loses its plan at once.
 */
export function visibleEvaluationPlans(a: Actor): SQL {
  if (!a.id) return none;
  const forv = forvaltningKommuneIds(a);
  const members = memberInstitutionIds(a);
  const leads = institutionIdsWithRole(a, 'leder');
  const homeKommuner = [
    ...new Set(a.grants.filter((g) => g.institutionId && g.kommuneId).map((g) => g.kommuneId as string)),
  ];
  const parts: SQL[] = [];
  if (forv.length) parts.push(sql`(${p.scope} = 'kommune' and ${p.kommuneId} in (${list(forv)}))`);
  if (homeKommuner.length)
    parts.push(
      sql`(${p.scope} = 'kommune' and ${p.publishedAt} is not null and ${p.kommuneId} in (${list(homeKommuner)}))`,
    );
  if (members.length)
    parts.push(sql`(${p.scope} = 'institution' and ${p.institutionId} in (${list(members)}))`);
  if (forv.length)
    parts.push(sql`(${p.scope} = 'institution' and exists (select 1 from ${institutions} i
      where i.id = ${p.institutionId} and i.kommune_id in (${list(forv)})))`);
  parts.push(sql`(${p.scope} = 'team' and exists (select 1 from ${teamMemberships} m
    where m.team_id = ${p.teamId} and m.user_id = ${a.id}))`);
  if (leads.length)
    parts.push(sql`(${p.scope} = 'team' and exists (select 1 from ${teams} t
      where t.id = ${p.teamId} and t.institution_id in (${list(leads)})))`);
  return sql`(${sql.join(parts, sql` or `)})`;
}
