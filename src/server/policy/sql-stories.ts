import { inArray, or, type SQL, sql } from 'drizzle-orm';
import { practiceStories } from '../db/inquiry-schema.js';
import { teamMemberships } from '../db/schema.js';
import { isAdmin, isEditor, memberInstitutionIds } from './predicates.js';
import type { Actor } from './types.js';

/**
 * Practice stories (rows of practice_stories) the actor may read: the same rule as rules-inquiry.seesStory.
 * Membership is read from team_memberships, so a member who leaves the team loses its unpublished stories at once.
 */
export function visibleStories(a: Actor): SQL {
  const published = sql`${practiceStories.state} = 'published'`;
  if (!a.id) return sql`(${published} and ${practiceStories.visibility} = 'public')`;
  // Uncorrelated (one hashed lookup of the person's teams): the planner costs a correlated exists once per row,
  // which over 20,000 stories pushed search plans past jit_above_cost and spent ~150 ms compiling each (bench/README).
  const member = sql`${practiceStories.teamId} in (select m.team_id from ${teamMemberships} m
    where m.user_id = ${a.id})`;
  if (isAdmin(a) || isEditor(a))
    return sql`(${member} or ${practiceStories.state} in ('in_review', 'published'))`;
  const open: SQL[] = [sql`${practiceStories.visibility} in ('all', 'public')`];
  const inst = memberInstitutionIds(a);
  if (inst.length)
    open.push(
      sql`(${practiceStories.visibility} = 'institution' and ${inArray(practiceStories.institutionId, inst)})`,
    );
  const komm = [...new Set(a.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))];
  if (komm.length)
    open.push(
      sql`(${practiceStories.visibility} = 'kommune' and ${inArray(practiceStories.kommuneId, komm)})`,
    );
  return sql`(${member} or (${published} and (${or(...open)})))`;
}

/**
 * Published stories the actor may read, from what the actor carries alone — signed in or not, grants and the
 * session's teams (the same team list rules-inquiry.inTeam reads) — never their id: so one answer serves every
 * actor of a visibility class (sql-search.visibilityClass, with signed-in or not). The same rule as seesStory
 * over published stories; the story search caches by it.
 */
export function searchableStories(a: Actor): SQL {
  const published = sql`${practiceStories.state} = 'published'`;
  if (!a.id) return sql`(${published} and ${practiceStories.visibility} = 'public')`;
  if (isAdmin(a) || isEditor(a)) return published;
  const open: SQL[] = [sql`${practiceStories.visibility} in ('all', 'public')`];
  const teamIds = [...new Set(a.teamIds ?? [])];
  if (teamIds.length) open.push(inArray(practiceStories.teamId, teamIds));
  const inst = memberInstitutionIds(a);
  if (inst.length)
    open.push(
      sql`(${practiceStories.visibility} = 'institution' and ${inArray(practiceStories.institutionId, inst)})`,
    );
  const komm = [...new Set(a.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))];
  if (komm.length)
    open.push(
      sql`(${practiceStories.visibility} = 'kommune' and ${inArray(practiceStories.kommuneId, komm)})`,
    );
  return sql`(${published} and (${or(...open)}))`;
}

/** One part of what searchableStories allows: a set of published stories chosen by the story's columns alone. */
export type StorySlice = { key: string; where: SQL };

/**
 * searchableStories cut into disjoint parts, for story search's memory: `shared` parts are sets that depend on
 * the story alone (public; all signed in; one kommune's; every published one for curators), so one remembered
 * answer per part and query serves every reader whose class includes that part — and only them: a reader is
 * given a part only when their class sees all of it. `own` is the rest of what this reader sees (their
 * institutions' stories and their teams' stories outside the shared parts), small, keyed by the institutions,
 * kommuner and teams it is made of (readers with the same ones see the same rest).
 * Together exactly searchableStories, each story in one part (the agreement test proves it for every actor).
 */
export function storySlices(a: Actor): { shared: StorySlice[]; own: StorySlice | null } {
  const published = sql`${practiceStories.state} = 'published'`;
  const visibility = (v: string) => sql`${practiceStories.visibility} = ${v}`;
  const pub = { key: 'public', where: sql`(${published} and ${visibility('public')})` };
  if (!a.id) return { shared: [pub], own: null };
  if (isAdmin(a) || isEditor(a)) return { shared: [{ key: 'published', where: published }], own: null };
  const komm = [...new Set(a.grants.map((g) => g.kommuneId).filter((k): k is string => !!k))].sort();
  const shared = [
    pub,
    { key: 'all', where: sql`(${published} and ${visibility('all')})` },
    ...komm.map((k) => ({
      key: `kommune:${k}`,
      where: sql`(${published} and ${visibility('kommune')} and ${practiceStories.kommuneId} = ${k})`,
    })),
  ];
  const rest: SQL[] = [];
  const inst = memberInstitutionIds(a);
  if (inst.length)
    rest.push(sql`(${visibility('institution')} and ${inArray(practiceStories.institutionId, inst)})`);
  const teamIds = [...new Set(a.teamIds ?? [])];
  if (teamIds.length) rest.push(inArray(practiceStories.teamId, teamIds));
  if (!rest.length) return { shared, own: null };
  const inShared = komm.length
    ? sql`(${practiceStories.visibility} in ('public', 'all') or (${visibility('kommune')} and ${inArray(practiceStories.kommuneId, komm)}))`
    : sql`${practiceStories.visibility} in ('public', 'all')`;
  // Keyed by all it depends on — institutions, kommuner, teams — never the person.
  const key = JSON.stringify(['own', [...inst].sort(), komm, teamIds.sort()]);
  return { shared, own: { key, where: sql`(${published} and (${or(...rest)}) and not ${inShared})` } };
}

/**
 * The shared parts of storySlices for everyone but curators, all at once (one pass computes them together):
 * `where` is the union of the public, all and every kommune's parts, and `part` gives each story its part's key.
 * A reader is then given only the parts storySlices names for them (the agreement test: each key's stories
 * here are exactly that slice's).
 */
export function openStoryParts(): { where: SQL; part: SQL } {
  return {
    where: sql`(${practiceStories.state} = 'published' and ${practiceStories.visibility} in ('public', 'all', 'kommune'))`,
    part: sql`(case when ${practiceStories.visibility} = 'kommune' then 'kommune:' || ${practiceStories.kommuneId}::text else ${practiceStories.visibility} end)`,
  };
}
