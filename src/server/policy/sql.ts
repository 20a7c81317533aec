import { inArray, or, type SQL, sql } from 'drizzle-orm';
import { institutions, kommuner, roleGrants, users } from '../db/schema.js';
import { videos } from '../db/videos-schema.js';
import { forvaltningKommuneIds, isAdmin, isEditor, memberInstitutionIds } from './predicates.js';
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
  const clauses: SQL[] = [a.id ? sql`${users.id} = ${a.id}` : none];
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

/** The videos an unexpired personal share (issue 19, video_grants) lets `grantee` watch. */
const activeGrants = (grantee: SQL) =>
  sql`select g.video_id from video_grants g where g.grantee_id = ${grantee} and (g.expires_at is null or g.expires_at > now())`;

/** SQL form of rules.seesVideo, over the videos table. */
export function visibleVideos(a: Actor): SQL {
  const own = a.id ? sql`${videos.ownerId} = ${a.id}` : none;
  const shared = [sql`${videos.visibility} = 'public'`];
  if (isAdmin(a)) shared.push(sql`${videos.visibility} <> 'private'`);
  else if (isEditor(a))
    shared.push(sql`(${videos.visibility} <> 'private' and ${videos.editorialState} <> 'none')`);
  const teamIds = a.teamIds ?? [];
  if (teamIds.length)
    shared.push(sql`(${videos.visibility} = 'team' and ${inArray(videos.teamId, teamIds)})`);
  const inst = memberInstitutionIds(a);
  if (inst.length)
    shared.push(sql`(${videos.visibility} = 'institution' and ${inArray(videos.institutionId, inst)})`);
  const komm = [...new Set(a.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))];
  if (komm.length)
    shared.push(sql`(${videos.visibility} = 'kommune' and ${inArray(videos.kommuneId, komm)})`);
  // A personal share (issue 19): an unexpired grant to the actor, whatever the visibility.
  if (a.id) shared.push(sql`${videos.id} in (${activeGrants(sql`${a.id}`)})`);
  return sql`(${own} or (${videos.status} = 'ready' and (${or(...shared)})))`;
}

/** The actor's own videos, whatever their state (the owner's "Mine videoer"). */
export const ownedVideos = (a: Actor): SQL => (a.id ? sql`${videos.ownerId} = ${a.id}` : none);
