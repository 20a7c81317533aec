import { type SQL, sql } from 'drizzle-orm';
import { progressionDelegations, progressionGroups } from '../db/progression-schema.js';
import { institutions, teamMemberships } from '../db/schema.js';
import { forvaltningKommuneIds, institutionIdsWithRole, memberInstitutionIds } from './predicates.js';
import type { Actor } from './types.js';

const none = sql`false`;
const list = (ids: string[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

/**
 * Groups (rows of progression_groups) whose per-child data the actor may read: the same rule as
 * rules-progression.seesProgressionGroup — members of the class team (read from team_memberships, so a member who
 * leaves loses the group at once), the institution's leders, and its ressourcepersoner delegated to the group.
 */
export function progressionGroupsReadable(a: Actor): SQL {
  if (!a.id) return none;
  const parts: SQL[] = [
    sql`exists (select 1 from ${teamMemberships} m
      where m.team_id = ${progressionGroups.teamId} and m.user_id = ${a.id})`,
  ];
  const leads = institutionIdsWithRole(a, 'leder');
  if (leads.length) parts.push(sql`${progressionGroups.institutionId} in (${list(leads)})`);
  const resource = institutionIdsWithRole(a, 'ressourceperson');
  if (resource.length)
    parts.push(sql`(${progressionGroups.institutionId} in (${list(resource)}) and exists (
      select 1 from ${progressionDelegations} d where d.group_id = ${progressionGroups.id} and d.user_id = ${a.id}))`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Institutions (rows of institutions) whose progression summary the actor may read: the same rule as
 * rules-progression.readsProgressionSummary — the institution's staff (any institution role) and its kommune's
 * forvaltning.
 */
export function progressionSummaryInstitutions(a: Actor): SQL {
  if (!a.id) return none;
  const parts: SQL[] = [];
  const inst = memberInstitutionIds(a);
  if (inst.length) parts.push(sql`${institutions.id} in (${list(inst)})`);
  const komm = forvaltningKommuneIds(a);
  if (komm.length) parts.push(sql`${institutions.kommuneId} in (${list(komm)})`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : none;
}
