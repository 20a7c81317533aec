import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';

/**
 * The search documents (`videos.search_document`, V3), kept by every module that changes their text (videos,
 * captions, uploads, the catalogue and its taxonomy) in the same transaction as the change. Its own module so
 * that those writers need not depend on search (which depends on them); search reads the documents and the
 * generation below.
 */

let generation = 0;

/**
 * Bumps the search caches' generation in this process only (search/cache.ts reads it). Services publish
 * `search.changed` (or a more precise event) instead, which reaches every process; this stays for writers
 * without a context (search documents at seed).
 */
export function searchCacheChanged(): void {
  generation++;
}

/** This process's generation of the search documents (see searchCacheChanged). */
export const cacheGeneration = () => generation;

/**
 * Rebuilds `videos.search_document` for the given videos in one statement: the weighted Danish
 * full-text document behind search (V3). Title weighs A, tags (method labels and the subject label)
 * B, description C and caption text with chapter titles D. Call it in the same transaction as any change to that text.
 */
export async function refreshSearchDocuments(db: DbOrTx, videoIds: string[]): Promise<void> {
  const ids = [...new Set(videoIds)];
  if (ids.length === 0) return;
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(update(sql`v.id in (${idList})`));
  // Also bumped after the commit by the services that change videos; this one covers direct writers.
  searchCacheChanged();
}

/** Builds the document of every video that has none (videos from before search existed); run at start-up. */
export async function refreshMissingSearchDocuments(db: DbOrTx): Promise<void> {
  await db.execute(update(sql`v.search_document is null`));
}

function update(where: SQL): SQL {
  return sql`
    update videos v set search_document =
      setweight(to_tsvector('danish', coalesce(v.title, '')), 'A') ||
      setweight(to_tsvector('danish', coalesce((
        select string_agg(t.label, ' ') from taxonomy_terms t
        where t.id = v.subject_id
           or t.id in (select vm.term_id from video_methods vm where vm.video_id = v.id)
      ), '')), 'B') ||
      setweight(to_tsvector('danish', coalesce(v.description, '')), 'C') ||
      setweight(to_tsvector('danish', coalesce((
        select string_agg(c.text, ' ') from video_captions c where c.video_id = v.id
      ), '') || ' ' || coalesce((
        select string_agg(ch.title, ' ')
        from video_chapters vc, jsonb_to_recordset(vc.chapters) as ch(title text) where vc.video_id = v.id
      ), '')), 'D')
    where ${where}`;
}
