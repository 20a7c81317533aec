import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { EventBus } from '../../events/index.js';
import { cacheGeneration } from '../search-documents/index.js';
import type { ComputedSearch, HomePage, HomeShared } from './answers.js';
import { CACHE_TTL_MS, TtlCache } from './cache.js';
import type { SearchMemory } from './memory.js';
import { MEMORY_TTL_MS } from './memory-load.js';
import { type SummaryRow, videoSummaries } from './summary.js';

// The caches of one app (the rules that keep them correct and private: cache.ts).

/**
 * The generation of one app's caches: this process's counter (search-documents' cacheGeneration, bumped by
 * writers without a context) plus one bumped by the app's events (after which search and the home page compute
 * afresh) and by a lost LISTEN connection. Each app has its own, so two apps in one test process see each
 * other's changes only through the events, as two processes would.
 */
function eventGeneration(events: EventBus): () => number {
  let own = 0;
  const bump = () => {
    own++;
  };
  events.subscribe('video.access.changed', bump);
  events.subscribe('catalogue.changed', bump);
  events.subscribe('search.changed', bump);
  events.onReset(bump);
  return () => cacheGeneration() + own;
}

/** Counts of the memories' text matches, shaped like a cache's stats (it keeps nothing itself). */
export class TextCounts {
  hits = 0;
  misses = 0;
  readonly size = 0;
  readonly max = 0;
  stats() {
    return { hits: this.hits, misses: this.misses, refreshes: 0, size: this.size, max: this.max };
  }
}

/** The caches of one app (tests run several apps in one process; each has its own). Sizes are entry caps. */
function createCaches(gen: () => number) {
  return {
    /** Search answers per person for mine=true/false (the other searches: `memory`). */
    search: new TtlCache<ComputedSearch>(500, CACHE_TTL_MS, gen),
    /**
     * The search memory (memory.ts): every finished video's visibility and facet values, and the text matches
     * asked for while it lives. One entry; made afresh after any change (the generation) and at least every 30 s.
     */
    memory: new TtlCache<SearchMemory>(1, MEMORY_TTL_MS, gen),
    /** Hits and misses of the memories' text matches (kept per memory, counted here across them). */
    texts: new TextCounts(),
    /**
     * Video summaries by id: what a card shows does not depend on who looks. Only ever asked for ids that a
     * query in the viewer's scope has just chosen.
     */
    summaries: new TtlCache<SummaryRow | null>(5_000, CACHE_TTL_MS, gen),
    /** Whether a search text has any lexemes (text alone decides; a minute). */
    lexemes: new TtlCache<boolean>(2_000, 60_000, gen),
    /** Whether a person owns finished videos their class would not show, per person and class. */
    ownsExtras: new TtlCache<boolean>(5_000, CACHE_TTL_MS, gen),
    /** Home page parts shared by a class: newest, popular among all, collections. */
    homeShared: new TtlCache<HomeShared>(200, CACHE_TTL_MS, gen),
    /** The whole home page per person. */
    home: new TtlCache<HomePage>(2_000, CACHE_TTL_MS, gen),
  };
}
export type SearchCaches = ReturnType<typeof createCaches>;

const perApp = new WeakMap<AppContext, SearchCaches>();

export function cachesFor(ctx: AppContext): SearchCaches {
  let c = perApp.get(ctx);
  if (!c) {
    c = createCaches(eventGeneration(ctx.events));
    perApp.set(ctx, c);
  }
  return c;
}

export function cacheStats(ctx: AppContext) {
  const c = cachesFor(ctx);
  return Object.fromEntries(Object.entries(c).map(([name, cache]) => [name, cache.stats()]));
}

/**
 * Summaries by id through the app's summary cache (above): from the cache where it has them, one query for
 * the rest. What a card shows does not depend on who looks, but this does not check the viewer's scope: give it
 * only ids that a query in the viewer's scope has just chosen.
 */
export function cachedSummaries(ctx: AppContext) {
  const caches = cachesFor(ctx);
  return async (ids: string[]): Promise<SummaryRow[]> => {
    const missing: string[] = [];
    let batch: Promise<Map<string, SummaryRow>> | undefined;
    const load = () => {
      // Started after every id below has asked (a microtask later), so one query reads all the missing ones.
      batch ??= Promise.resolve().then(
        async () => new Map((await videoSummaries(ctx.db, sql`true`, missing)).map((r) => [r.id, r])),
      );
      return batch;
    };
    const rows = await Promise.all(
      ids.map((id) =>
        caches.summaries.get(id, async () => {
          missing.push(id);
          return (await load()).get(id) ?? null;
        }),
      ),
    );
    return rows.filter((r): r is SummaryRow => r !== null);
  };
}
