import { type SQL, sql } from 'drizzle-orm';
import { videos } from '../db/videos-schema.js';
import { ownedVideos, visibleVideos } from './sql.js';
import type { Actor } from './types.js';

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
