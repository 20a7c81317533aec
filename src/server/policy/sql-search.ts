import { type SQL, sql } from 'drizzle-orm';
import { videos } from '../db/videos-schema.js';
import { seesVideo } from './predicates.js';
import { ownedVideos, visibleVideos } from './sql.js';
import type { Actor, VideoResource } from './types.js';

/**
 * What search, suggestions, related videos and the home page may show (V3): the SQL form of video.read
 * (policySql.visibleVideos), narrowed to finished videos — even the searcher's own unfinished uploads are
 * left out here; they are listed under "Mine videoer" (ownedVideos).
 */
export const searchableVideos = (a: Actor): SQL => sql`(${visibleVideos(a)} and ${videos.status} = 'ready')`;

/** The searcher's own videos in every state ("Mine videoer"). */
export const ownVideos = (a: Actor): SQL => ownedVideos(a);

/** Finished videos the searcher may watch that are not their own ("Videoer du kan se"). */
export const othersVideos = (a: Actor): SQL => sql`(${searchableVideos(a)} and not ${ownedVideos(a)})`;

/**
 * The search caches' key for what searchableVideos lets the actor see apart from their own videos: every grant
 * (role, institution, kommune) and every team, sorted and without repeats. The cache shares one answer between
 * all actors of a class, so the class must hold everything visibleVideos reads except the actor's id — the
 * agreement test (sql-search.int.test.ts) proves that two actors of one class get one scope.
 */
export function visibilityClass(a: Actor): string {
  const grants = [...new Set(a.grants.map((g) => `${g.role}/${g.institutionId ?? ''}/${g.kommuneId ?? ''}`))];
  const teams = [...new Set(a.teamIds ?? [])];
  return JSON.stringify([grants.sort(), teams.sort()]);
}

/** The actor's class without their own videos: the same grants and teams, no id. */
export const classActor = (a: Actor): Actor => ({ id: '', grants: a.grants, teamIds: a.teamIds });

/**
 * In memory, what searchableVideos(classActor(a)) lets the class see of a finished video: the policy's own
 * seesVideo for the class actor (no id, so no own videos and no personal shares). Search's memory (search/memory.ts)
 * filters with it; the agreement test (sql-search.int.test.ts) proves it picks the same videos as the SQL form.
 */
export const classSeesVideo = (a: Actor) => {
  const cls = classActor(a);
  return (v: Omit<VideoResource, 'type' | 'id' | 'ready' | 'grantees'>): boolean =>
    seesVideo(cls, { ...v, ready: true });
};
