import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { EditorialState } from '../../shared/catalogue.js';
import type { Visibility } from '../../shared/constants.js';
import { videos } from '../db/videos-schema.js';
import { forvaltningKommuneIds, isAdmin, isEditor } from './predicates.js';
import type { Actor } from './types.js';

/*
 * Who counts in the statistics (V6), decided here once: which videos' views and signals an actor's statistics
 * are made of. Private videos never count, for anyone (not even their owner). Administrators and editors see
 * every other finished video; forvaltning sees the videos of its own kommune(s) and the curated public
 * catalogue (published, public videos from anywhere: the shared benchmark). Everybody else sees none
 * (catalogue.stats refuses them anyway). The figures are aggregated and small groups suppressed by the service;
 * video titles in the top list are further limited to videos the actor may watch (policySql.visibleVideos).
 */

export type StatisticsScope = 'all' | 'kommune' | 'none';

/** Which statistics scope the actor has: every non-private video, their kommune(s) + the catalogue, or none. */
export function statisticsScope(a: Actor): StatisticsScope {
  if (isAdmin(a) || isEditor(a)) return 'all';
  return forvaltningKommuneIds(a).length ? 'kommune' : 'none';
}

/** The rule in plain TypeScript (the SQL form below must agree; tested together). */
export function countsInStatistics(
  a: Actor,
  v: { visibility: Visibility; ready: boolean; kommuneId: string; editorialState: EditorialState },
): boolean {
  if (v.visibility === 'private' || !v.ready) return false;
  const scope = statisticsScope(a);
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  return (
    forvaltningKommuneIds(a).includes(v.kommuneId) ||
    (v.visibility === 'public' && v.editorialState === 'published')
  );
}

/** SQL form of countsInStatistics, over the videos table. */
export function statisticsVideos(a: Actor): SQL {
  const base = sql`(${videos.visibility} <> 'private' and ${videos.status} = 'ready')`;
  const scope = statisticsScope(a);
  if (scope === 'all') return base;
  if (scope === 'none') return sql`false`;
  const own = inArray(videos.kommuneId, forvaltningKommuneIds(a));
  const catalogue = sql`(${videos.visibility} = 'public' and ${videos.editorialState} = 'published')`;
  return sql`(${base} and (${or(own, catalogue)}))`;
}
