import { cacheGeneration } from '../search-documents/index.js';

/**
 * Short-lived, bounded, in-process caches for search and the home page (issue 4's benchmarks): one search
 * costs ≈ 8 ms of SQL and the home page five queries, far above the budget per request at the throughput
 * wanted. Three rules keep it correct and private:
 *
 * - **Keyed by visibility class.** What search may show depends only on the actor's grants (role, kommune,
 *   institution) and teams (policy/sql.visibleVideos) — plus their own videos. Shared entries are computed for
 *   the class actor (`classActor`: the same grants and teams, no id, so no own videos) and keyed by the full,
 *   normalised grants and team ids (`visibilityClass`, a policy rule: policy/sql-search.ts, with its agreement
 *   test), never by something coarser. The actor's own videos
 *   that the class would not show (private, or shared with a team they left) are added per person: see
 *   service.ts (search merges them in, the home page keys by person when there are any).
 * - **Per person what is personal.** "What I tried", my communities: cached per person id only.
 * - **Generation.** Every entry remembers the generation it was computed in; the events `video.access.changed`,
 *   `catalogue.changed` and `search.changed` (published after any committed change that can narrow or change
 *   what a video shows: visibility, consent, editorial state, delete, readiness, title and metadata, taxonomy,
 *   counts) bump it, so the next request computes afresh at once. An entry begun before the change carries the
 *   old generation and is never served after it. On PostgreSQL the events reach every other process through
 *   NOTIFY (milliseconds); when a process loses its LISTEN connection the generation is bumped too.
 *
 * Concurrent requests for the same key share one computation (no stampede on a miss).
 *
 * Search itself now reads the search memory (memory.ts) kept by the same generation and class rule; these caches
 * keep the `mine` lists, the cards, the lexeme checks and the home page.
 *
 * This file holds the cache itself and the visibility class; the caches of one app are in caches.ts.
 */

export const CACHE_TTL_MS = 5_000;

type Entry<V> = { gen: number; at: number; value: Promise<V>; uses: number; refreshing?: boolean };

/**
 * Past this share of its time to live, a hit on a key in demand (asked for at least REFRESH_USES times in this
 * entry's life) is served and the entry computed again in the background. Keys asked for rarely simply expire:
 * refreshing them would cost the database more than the waits it saves.
 */
const REFRESH_AT = 0.8;
const REFRESH_USES = 4;

/**
 * A least-recently-used map of promises with a time to live, a size cap and the generation check. A key asked
 * for often is computed again shortly before it expires (refresh ahead), so that its askers do not all wait at
 * once when it does; the refreshed entry counts its age from when the refresh began, and carries the
 * generation of that moment like any other.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  hits = 0;
  misses = 0;
  refreshes = 0;

  constructor(
    readonly max: number,
    readonly ttlMs = CACHE_TTL_MS,
    private readonly generationNow: () => number = cacheGeneration,
  ) {}

  get size() {
    return this.#entries.size;
  }

  /** The cached value for `key`, or `compute()`'s (kept for later callers, dropped again if it fails). */
  get(key: string, compute: () => Promise<V>, now = Date.now()): Promise<V> {
    const gen = this.generationNow();
    const hit = this.#entries.get(key);
    if (hit && hit.gen === gen && now - hit.at < this.ttlMs) {
      this.hits++;
      this.#entries.delete(key);
      this.#entries.set(key, hit); // most recently used last
      hit.uses++;
      if (now - hit.at >= this.ttlMs * REFRESH_AT && hit.uses >= REFRESH_USES && !hit.refreshing)
        this.#refresh(key, hit, compute, now);
      return hit.value;
    }
    this.misses++;
    return this.#store(key, { gen, at: now, value: compute(), uses: 1 }).value;
  }

  #store(key: string, entry: Entry<V>) {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.max) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return entry;
  }

  #refresh(key: string, old: Entry<V>, compute: () => Promise<V>, now: number) {
    old.refreshing = true;
    this.refreshes++;
    const gen = this.generationNow();
    compute().then(
      (v) => {
        // Only in place of the entry it refreshes (not of a newer one, nor after eviction).
        if (this.#entries.get(key) === old)
          this.#store(key, { gen, at: now, value: Promise.resolve(v), uses: 1 });
      },
      () => {
        old.refreshing = false;
      },
    );
  }

  stats() {
    return {
      hits: this.hits,
      misses: this.misses,
      refreshes: this.refreshes,
      size: this.size,
      max: this.max,
    };
  }
}
