import { type SQL, sql } from 'drizzle-orm';
import type { AgeBand, Pillar, SearchSort } from '../../../shared/catalogue.js';
import type { Locale } from '../../../shared/constants.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../policy/index.js';
import {
  classActor,
  othersVideos,
  ownVideos,
  searchableVideos,
  visibilityClass,
} from '../../policy/sql-search.js';
import type { VideoService } from '../videos/index.js';
import type { ComputedSearch, Plan, SearchAnswer } from './answers.js';
import { cachedSummaries, cacheStats, cachesFor } from './caches.js';
import { type CursorKey, decodeCursor, encodeCursor } from './cursor.js';
import { presentFacets } from './facets.js';
import { loadMemory, memoryOn } from './memory-load.js';
import * as repo from './repo.js';
import { presentSummary, videoSummaries } from './summary.js';

/** The longest query searched; longer input is cut (a search box, not a document). */
export const MAX_QUERY_LENGTH = 500;
export const SUGGEST_LIMIT = 8;
export const RELATED_LIMIT = 6;

/** What the person typed, made safe to search for: control characters become spaces, at most 500 characters. */
export function cleanQuery(raw: string | undefined): string | null {
  if (!raw) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  const cleaned = raw.normalize('NFC').replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, ' ');
  const q = Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join('').trim();
  return q || null;
}

/** Words for prefix matching: letters and digits only, lower case, at most 8. */
export function prefixWords(raw: string | undefined): string[] {
  const q = cleanQuery(raw);
  return (q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 50)).slice(0, 8);
}

export type SearchParams = {
  q?: string;
  subject: string[];
  ageBand: AgeBand[];
  method: string[];
  pillar: Pillar[];
  sort?: SearchSort;
  /** true: my own videos in every state; false: finished videos of others I may watch; absent: all I may watch. */
  mine?: boolean;
  cursor?: string;
  limit: number;
};

export function createSearchService(ctx: AppContext, deps: { videos: VideoService }) {
  const { db } = ctx;
  const caches = cachesFor(ctx);

  const scopeFor = (actor: Actor, mine: boolean | undefined): SQL =>
    mine === true ? ownVideos(actor) : mine === false ? othersVideos(actor) : searchableVideos(actor);

  async function planFor(p: SearchParams): Promise<Plan> {
    const typed = cleanQuery(p.q);
    // Whether the text has lexemes depends on the text alone: kept longer, across classes.
    const q =
      typed && (await caches.lexemes.get(typed, () => repo.hasLexemes(db, typed), Date.now())) ? typed : null;
    const requested = p.sort ?? (q ? 'relevance' : 'newest');
    const sort: repo.EffectiveSort = requested === 'relevance' && !q ? 'newest' : requested;
    return { q, sort, after: p.cursor ? decodeCursor(p.cursor, sort) : undefined };
  }

  async function present(
    plan: Plan,
    rows: repo.SearchRow[],
    facetRows: repo.FacetRow[],
    filters: repo.SearchFilters,
    p: SearchParams,
    locale: Locale,
  ): Promise<SearchAnswer> {
    const { sort } = plan;
    const items = rows.slice(0, p.limit);
    const last = items.at(-1);
    const key = (r: repo.SearchRow): CursorKey =>
      sort === 'newest'
        ? { sort, micros: r.micros, id: r.id }
        : sort === 'tried'
          ? { sort, tried: r.triedCount, micros: r.micros, id: r.id }
          : { sort, rank: Number(r.rank), micros: r.micros, id: r.id };
    return {
      items: items.map((r) => presentSummary(ctx, r)),
      sort,
      total: facetRows.find((r) => r.facet === 'total')?.count ?? 0,
      facets: await presentFacets(db, facetRows, filters, locale),
      nextCursor: rows.length > p.limit && last ? encodeCursor(key(last)) : null,
    };
  }

  const summariesOf = cachedSummaries(ctx);

  /** One page and the facets over `scope`, presented. */
  async function compute(
    scope: SQL,
    plan: Plan,
    filters: repo.SearchFilters,
    p: SearchParams,
    locale: Locale,
  ): Promise<ComputedSearch> {
    const { q, sort, after } = plan;
    const [rows, facetRows] = await Promise.all([
      repo.searchVideos(db, { scope, q, filters, sort, after, limit: p.limit + 1 }, summariesOf),
      repo.searchFacets(db, { scope, q, filters }),
    ]);
    return { plan, rows, facetRows, answer: await present(plan, rows, facetRows, filters, p, locale) };
  }

  /**
   * Search from the memory (memory.ts): the text matched once for every reader (per text, while the memory
   * lives), then who may see what, the filters, the facet counts and the page in memory; the page's cards from
   * the summary cache. The same answer as `compute` over the class scope and the person's own finished videos.
   */
  async function fromMemory(
    actor: Actor,
    cls: string,
    plan: Plan,
    filters: repo.SearchFilters,
    p: SearchParams,
    locale: Locale,
  ): Promise<SearchAnswer> {
    const memory = await caches.memory.get('all', () => loadMemory(db));
    const { q, sort, after } = plan;
    const view = memory.classView(cls, actor);
    const own = memory.owned(actor.id);
    const text = q ? await memory.text(q, () => repo.textMatches(db, q, true), caches.texts) : null;
    const order =
      sort === 'relevance' && text ? text.relevance : sort === 'tried' ? memory.tried : memory.newest;
    const found = memory.search({
      view,
      own,
      hits: text?.hits ?? null,
      order,
      filters,
      sort,
      after,
      limit: p.limit + 1,
    });
    const summaries = new Map(
      (await summariesOf(found.page.map((f) => memory.rows[f.index].id))).map((v) => [v.id, v]),
    );
    const rows = found.page.flatMap((f) => {
      const v = summaries.get(memory.rows[f.index].id);
      return v ? [{ ...v, rank: f.rank, micros: memory.rows[f.index].micros }] : [];
    });
    return present(plan, rows, found.facets, filters, p, locale);
  }

  return {
    /**
     * Search (V3) and the video lists: one page of summaries in the chosen order, the facet counts and the
     * total, all over what the actor may see. Relevance needs a query; without one the order is newest.
     *
     * From the search memory (memory.ts, fromMemory): what the actor's visibility class sees plus their own
     * finished videos, the text matched once per text for everyone. `mine` lists are cached per person
     * (cache.ts); with AMONGI_SEARCH_MEMORY=0 every search is one statement over the same scope.
     */
    async search(actor: Actor, p: SearchParams, locale: Locale): Promise<SearchAnswer> {
      const sorted = <T extends string>(xs: T[]) => [...new Set(xs)].sort();
      const filters: repo.SearchFilters = {
        subject: sorted(p.subject),
        ageBand: sorted(p.ageBand),
        method: sorted(p.method),
        pillar: sorted(p.pillar),
      };
      const cls = visibilityClass(actor);
      const request = JSON.stringify([
        cleanQuery(p.q),
        p.sort ?? null,
        filters,
        p.cursor ?? null,
        p.limit,
        locale,
      ]);

      if (p.mine !== undefined) {
        const key = `mine:${p.mine}|${actor.id}|${cls}|${request}`;
        const hit = await caches.search.get(key, async () =>
          compute(scopeFor(actor, p.mine), await planFor(p), filters, p, locale),
        );
        return hit.answer;
      }

      // What the class sees plus the person's own finished videos (not personal shares: "Delt med mig" lists them).
      if (!memoryOn()) {
        const own = actor.id ? repo.ownFinished(actor.id) : null;
        const classScope = searchableVideos(classActor(actor));
        const scope = own ? sql`(${classScope} or ${own})` : classScope;
        return (await compute(scope, await planFor(p), filters, p, locale)).answer;
      }
      return fromMemory(actor, cls, await planFor(p), filters, p, locale);
    },

    /** How the caches are doing (hits, misses, sizes); for the benchmark. */
    cacheStats: () => cacheStats(ctx),

    /** Suggestions while typing: up to 8 titles and a few subjects/methods, from what the actor may see. */
    async suggest(actor: Actor, raw: string | undefined) {
      const words = prefixWords(raw);
      if (words.length === 0) return { titles: [], terms: [] };
      const scope = searchableVideos(actor);
      const titles = await repo.suggestTitles(db, scope, words, SUGGEST_LIMIT);
      const terms = await repo.suggestTerms(db, scope, words, 5);
      return { titles, terms };
    },

    /** Up to 6 videos like this one that the actor may see; 404 when they may not see this one. */
    async related(actor: Actor, id: string) {
      await deps.videos.load(actor, id, 'video.read');
      const rows = await repo.relatedVideos(db, searchableVideos(actor), id, RELATED_LIMIT);
      return { items: rows.map((r) => presentSummary(ctx, r)) };
    },

    /** Summaries of the given videos the actor may see, in the given order (for other modules' lists). */
    async summaries(actor: Actor, ids: string[]) {
      return (await videoSummaries(db, searchableVideos(actor), ids)).map((r) => presentSummary(ctx, r));
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
