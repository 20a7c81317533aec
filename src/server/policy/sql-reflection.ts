import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { EditorialState } from '../../shared/catalogue.js';
import type { Visibility } from '../../shared/constants.js';
import { videos } from '../db/videos-schema.js';
import { forvaltningKommuneIds, institutionIdsWithRole, isAdmin, isEditor } from './predicates.js';
import type { Actor } from './types.js';

/*
 * Who counts in the statistics (V6), decided here once: which videos' views and signals an actor's statistics
 * are made of. Private videos never count, for anyone (not even their owner). Administrators and editors see
 * every other finished video; forvaltning sees the videos of its own kommune(s) and the curated public
 * catalogue (published, public videos from anywhere: the shared benchmark); a leder (with no wider role) sees
 * the videos of the institution(s) they lead, and nothing else. Everybody else sees none (catalogue.stats
 * refuses them anyway). One institution asked for by id narrows any scope to that institution's videos, once
 * the service has checked 'institution.stats' on it. The figures are aggregated and small groups suppressed by the service;
 * video titles in the top list are further limited to videos the actor may watch (policySql.visibleVideos).
 */

export type StatisticsScope = 'all' | 'kommune' | 'institution' | 'none';

/**
 * Which statistics scope the actor has: every non-private video, their kommune(s) + the catalogue, the
 * institutions they lead, or none. `institutionId`: one institution the service has authorized
 * ('institution.stats').
 */
export function statisticsScope(a: Actor, institutionId?: string): StatisticsScope {
  if (institutionId) return 'institution';
  if (isAdmin(a) || isEditor(a)) return 'all';
  if (forvaltningKommuneIds(a).length) return 'kommune';
  return institutionIdsWithRole(a, 'leder').length ? 'institution' : 'none';
}

const institutionsOf = (a: Actor, institutionId?: string) =>
  institutionId ? [institutionId] : institutionIdsWithRole(a, 'leder');

/** The rule in plain TypeScript (the SQL form below must agree; tested together). */
export function countsInStatistics(
  a: Actor,
  v: {
    visibility: Visibility;
    ready: boolean;
    kommuneId: string;
    institutionId: string;
    editorialState: EditorialState;
  },
  institutionId?: string,
): boolean {
  if (v.visibility === 'private' || !v.ready) return false;
  const scope = statisticsScope(a, institutionId);
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (scope === 'institution') return institutionsOf(a, institutionId).includes(v.institutionId);
  return (
    forvaltningKommuneIds(a).includes(v.kommuneId) ||
    (v.visibility === 'public' && v.editorialState === 'published')
  );
}

/** SQL form of countsInStatistics, over the videos table. */
export function statisticsVideos(a: Actor, institutionId?: string): SQL {
  const base = sql`(${videos.visibility} <> 'private' and ${videos.status} = 'ready')`;
  const scope = statisticsScope(a, institutionId);
  if (scope === 'all') return base;
  if (scope === 'none') return sql`false`;
  if (scope === 'institution')
    return sql`(${base} and ${inArray(videos.institutionId, institutionsOf(a, institutionId))})`;
  const own = inArray(videos.kommuneId, forvaltningKommuneIds(a));
  const catalogue = sql`(${videos.visibility} = 'public' and ${videos.editorialState} = 'published')`;
  return sql`(${base} and (${or(own, catalogue)}))`;
}
