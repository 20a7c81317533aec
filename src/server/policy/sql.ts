import { inArray, or, type SQL, sql } from 'drizzle-orm';
import { institutions, kommuner, roleGrants, users } from '../db/schema.js';
import { forvaltningKommuneIds, isAdmin, memberInstitutionIds } from './rules.js';
import type { Actor } from './types.js';

const none = sql`false`;
const all = sql`true`;

/** SQL form of rules.seesInstitution, over the institutions table. */
export function visibleInstitutions(a: Actor): SQL {
  if (isAdmin(a)) return all;
  const inst = memberInstitutionIds(a);
  const komm = forvaltningKommuneIds(a);
  const parts: SQL[] = [];
  if (inst.length) parts.push(inArray(institutions.id, inst));
  if (komm.length) parts.push(inArray(institutions.kommuneId, komm));
  return parts.length ? (or(...parts) as SQL) : none;
}

/** SQL form of rules.seesKommune, over the kommuner table. */
export function visibleKommuner(a: Actor): SQL {
  if (isAdmin(a)) return all;
  const ids = [...new Set(a.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))];
  return ids.length ? inArray(kommuner.id, ids) : none;
}

/** SQL form of rules.seesPerson, over the users table. */
export function visiblePeople(a: Actor): SQL {
  if (isAdmin(a)) return all;
  const inst = memberInstitutionIds(a);
  const komm = forvaltningKommuneIds(a);
  const clauses: SQL[] = [sql`${users.id} = ${a.id}`];
  if (inst.length)
    clauses.push(
      sql`exists (select 1 from ${roleGrants} rg where rg.user_id = ${users.id} and ${inArray(sql`rg.institution_id`, inst)})`,
    );
  if (komm.length)
    clauses.push(
      sql`exists (select 1 from ${roleGrants} rg join ${institutions} i on i.id = rg.institution_id
                  where rg.user_id = ${users.id} and ${inArray(sql`i.kommune_id`, komm)})`,
    );
  return or(...clauses) as SQL;
}
