import type { DbOrTx } from '../../db/index.js';
import { SearchMemory } from './memory.js';
import { allTermLabels, indexedVideos } from './repo.js';

/**
 * Search's memory is on unless AMONGI_SEARCH_MEMORY=0: then every search is one statement over the reader's
 * scope, nothing remembered (the catalogue benchmark measures both; the tests compare them).
 */
export const memoryOn = () => process.env.AMONGI_SEARCH_MEMORY !== '0';

/** How long a memory is used at most (a safety net: every change that matters makes a new one at once). */
export const MEMORY_TTL_MS = 30_000;

/** Reads every finished video's narrow row and the taxonomy labels into a new memory. */
export async function loadMemory(db: DbOrTx): Promise<SearchMemory> {
  const [videos, labels] = await Promise.all([indexedVideos(db), allTermLabels(db)]);
  return new SearchMemory(videos, labels);
}
