import type { Actor } from '../../policy/index.js';
import { classSeesVideo } from '../../policy/sql-search.js';
import type { CursorKey } from './cursor.js';
import type { EffectiveSort, FacetRow, IndexedVideo, SearchFilters } from './repo.js';

/**
 * Search's memory (issue 21 item 5): what a search filters, counts and sorts, held in the process for every
 * finished video — who may see it (owner, institution, kommune, team, visibility, editorial state) and its facet
 * values — so that a search costs one text match shared by every reader and every facet choice, instead of a
 * statement per visibility class that counts facets over every visible match (≈ 20 ms of SQL at 10,000 videos,
 * bench/README).
 *
 * Correctness: who may see a video is the policy's own rule (classSeesVideo, proven equal to the SQL scope by
 * sql-search's agreement test) plus the reader's own finished videos — exactly the cached SQL path's scope. The
 * memory is computed afresh after every change that can narrow or change what a video shows: it lives in the
 * app's TtlCache under the same generation as the other search caches, bumped by `video.access.changed`,
 * `catalogue.changed` and `search.changed` in every process (NOTIFY on PostgreSQL) and by a lost LISTEN.
 */

/** The text match of one query: rank by row position (NaN: no match). */
export type TextHits = Float64Array;
/** A text's hits and its matching rows in relevance order. */
type TextMatch = { hits: TextHits; relevance: number[] };
type Facet = 'subject' | 'ageBand' | 'method' | 'pillar';
const FACETS: Facet[] = ['subject', 'ageBand', 'method', 'pillar'];

/** Facet values as small numbers (value → code, code → value), so that counting is array arithmetic. */
class Codes {
  readonly values: string[] = [];
  readonly #code = new Map<string, number>();
  code(v: string): number {
    let c = this.#code.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.#code.set(v, c);
    }
    return c;
  }
  /** Which codes a filter chooses (null: no filter); values never seen choose nothing. */
  chosen(vs: readonly string[]): Uint8Array | null {
    if (vs.length === 0) return null;
    const out = new Uint8Array(this.values.length);
    for (const v of vs) {
      const c = this.#code.get(v);
      if (c !== undefined) out[c] = 1;
    }
    return out;
  }
}

export class SearchMemory {
  readonly rows: IndexedVideo[];
  /** Row positions, newest first (time, then id, descending) and most tried first. */
  readonly newest: number[];
  readonly tried: number[];
  readonly #time: Float64Array;
  readonly #codes: Record<Facet, Codes> = {
    subject: new Codes(),
    ageBand: new Codes(),
    method: new Codes(),
    pillar: new Codes(),
  };
  /** Per row the codes of its values: subject and age band one or none (-1), methods and pillars a list. */
  readonly #subject: Int32Array;
  readonly #ageBand: Int32Array;
  /** Methods and pillars of every row in one array each: row i's are at [start[i], start[i + 1]). */
  readonly #methods: { start: Int32Array; codes: Int32Array };
  readonly #pillars: { start: Int32Array; codes: Int32Array };
  /** Row positions by owner (the reader's own finished videos are added to what their class sees). */
  readonly #owned = new Map<string, number[]>();
  readonly #position = new Map<string, number>();
  /**
   * Per row the code of what decides who sees it (visibility, institution, kommune, team, editorial state), and
   * one row per code: the policy is asked once per code and class, not once per video.
   */
  readonly #access: Int32Array;
  readonly #accessRows: number[] = [];
  /** Which rows a visibility class sees, per class key (bounded: cleared when it grows past 2,000 classes). */
  readonly #classes = new Map<string, Uint8Array>();
  /** Text matches per query text, while this memory lives (bounded like the classes). */
  readonly #texts = new Map<string, Promise<TextMatch>>();

  constructor(
    videos: IndexedVideo[],
    readonly labels: Map<string, string>,
  ) {
    this.rows = videos;
    const n = videos.length;
    this.#time = Float64Array.from(videos, (v) => Number(v.micros));
    const c = this.#codes;
    this.#subject = Int32Array.from(videos, (v) => (v.subjectId === null ? -1 : c.subject.code(v.subjectId)));
    this.#ageBand = Int32Array.from(videos, (v) => (v.ageBand === null ? -1 : c.ageBand.code(v.ageBand)));
    this.#methods = lists(videos, (v) => v.methods.map((m) => c.method.code(m)));
    this.#pillars = lists(videos, (v) => v.pillars.map((p) => c.pillar.code(p)));
    for (let i = 0; i < n; i++) {
      this.#position.set(videos[i].id, i);
      const owned = this.#owned.get(videos[i].ownerId);
      if (owned) owned.push(i);
      else this.#owned.set(videos[i].ownerId, [i]);
    }
    const access = new Map<string, number>();
    this.#access = Int32Array.from(videos, (v, i) => {
      const k = `${v.visibility}|${v.institutionId}|${v.kommuneId}|${v.teamId ?? ''}|${v.editorialState}`;
      let code = access.get(k);
      if (code === undefined) {
        code = this.#accessRows.length;
        this.#accessRows.push(i);
        access.set(k, code);
      }
      return code;
    });
    const all = () => Array.from({ length: n }, (_, i) => i);
    this.newest = all().sort((a, b) => this.#compare(b, a, 'newest'));
    this.tried = all().sort((a, b) => this.#compare(b, a, 'tried'));
  }

  /**
   * Compares two rows in a sort's key (ascending; callers reverse it): [rank or tried,] time, id — ids as
   * lower-case hex text, which orders like PostgreSQL's uuid.
   */
  #compare(a: number, b: number, sort: EffectiveSort, hits?: TextHits): number {
    if (sort === 'relevance' && hits && hits[a] !== hits[b]) return hits[a] - hits[b];
    if (sort === 'tried' && this.rows[a].triedCount !== this.rows[b].triedCount)
      return this.rows[a].triedCount - this.rows[b].triedCount;
    if (this.#time[a] !== this.#time[b]) return this.#time[a] - this.#time[b];
    const x = this.rows[a].id;
    const y = this.rows[b].id;
    return x === y ? 0 : x > y ? 1 : -1;
  }

  /**
   * The rows matching a query text (`match`: the database's text match, id → rank), computed once per text and
   * memory: the match depends on the search documents alone, whose every change makes a new memory.
   */
  text(
    q: string,
    match: () => Promise<Map<string, number>>,
    counts?: { hits: number; misses: number },
  ): Promise<TextMatch> {
    const seen = this.#texts.get(q);
    if (seen) {
      if (counts) counts.hits++;
      return seen;
    }
    if (counts) counts.misses++;
    const made = match().then((m) => {
      const hits = this.hits(m);
      return { hits, relevance: this.byRelevance(hits) };
    });
    if (this.#texts.size >= 2_000) this.#texts.clear();
    this.#texts.set(q, made);
    made.catch(() => {
      if (this.#texts.get(q) === made) this.#texts.delete(q);
    });
    return made;
  }

  /** Rank by row position from a text match (id → rank); videos not in the memory are left out. */
  hits(matches: Map<string, number>): TextHits {
    const hits = new Float64Array(this.rows.length).fill(Number.NaN);
    for (const [id, rank] of matches) {
      const i = this.#position.get(id);
      if (i !== undefined) hits[i] = rank;
    }
    return hits;
  }

  /** Row positions sorted by relevance (rank, time, id; descending) among the hits. */
  byRelevance(hits: TextHits): number[] {
    const out: number[] = [];
    for (let i = 0; i < hits.length; i++) if (!Number.isNaN(hits[i])) out.push(i);
    return out.sort((a, b) => this.#compare(b, a, 'relevance', hits));
  }

  /** What the actor's class sees (classSeesVideo over every row), computed once per class and memory. */
  classView(classKey: string, actor: Actor): Uint8Array {
    let seen = this.#classes.get(classKey);
    if (!seen) {
      const sees = classSeesVideo(actor);
      const byCode = Uint8Array.from(this.#accessRows, (i) => (sees(this.rows[i]) ? 1 : 0));
      seen = Uint8Array.from(this.#access, (code) => byCode[code]);
      if (this.#classes.size >= 2_000) this.#classes.clear();
      this.#classes.set(classKey, seen);
    }
    return seen;
  }

  /**
   * One page (up to `limit` row positions after the cursor, in order) and the facet counts, over the rows the
   * reader may see (`visible`) that match the text (`hits`, or every row without a text). Each facet's counts
   * apply every filter except its own, as repo.searchFacets does.
   */
  /** The rows a person owns (their finished videos), for `search`'s `own`. */
  owned(personId: string): Set<number> | null {
    const rows = personId ? this.#owned.get(personId) : undefined;
    return rows ? new Set(rows) : null;
  }

  search(o: {
    /** What the reader's class sees (classView) and the rows they own besides (owned). */
    view: Uint8Array;
    own: Set<number> | null;
    hits: TextHits | null;
    order: number[];
    filters: SearchFilters;
    sort: EffectiveSort;
    after?: CursorKey;
    limit: number;
  }): { page: { index: number; rank: number }[]; facets: FacetRow[] } {
    const { hits, view, own, order, limit } = o;
    const c = this.#codes;
    const fS = c.subject.chosen(o.filters.subject);
    const fA = c.ageBand.chosen(o.filters.ageBand);
    const fM = c.method.chosen(o.filters.method);
    const fP = c.pillar.chosen(o.filters.pillar);
    const count: Record<Facet, Int32Array> = {
      subject: new Int32Array(c.subject.values.length),
      ageBand: new Int32Array(c.ageBand.values.length),
      method: new Int32Array(c.method.values.length),
      pillar: new Int32Array(c.pillar.values.length),
    };
    const subjects = this.#subject;
    const ages = this.#ageBand;
    const { start: mStart, codes: mCodes } = this.#methods;
    const { start: pStart, codes: pCodes } = this.#pillars;
    const cMethod = count.method;
    const cPillar = count.pillar;
    const isAfter = this.#afterCursor(o.after, o.sort, hits);
    const page: { index: number; rank: number }[] = [];
    let total = 0;
    for (let n = 0; n < order.length; n++) {
      const i = order[n];
      if (hits !== null && Number.isNaN(hits[i])) continue;
      if (view[i] !== 1 && (own === null || !own.has(i))) continue;
      const s = subjects[i];
      const a = ages[i];
      const fs = fS === null || (s >= 0 && fS[s] === 1);
      const fa = fA === null || (a >= 0 && fA[a] === 1);
      let fm = fM === null;
      for (let k = mStart[i]; !fm && k < mStart[i + 1]; k++) fm = fM?.[mCodes[k]] === 1;
      let fp = fP === null;
      for (let k = pStart[i]; !fp && k < pStart[i + 1]; k++) fp = fP?.[pCodes[k]] === 1;
      if (fa && fm && fp && s >= 0) count.subject[s]++;
      if (fs && fm && fp && a >= 0) count.ageBand[a]++;
      if (fs && fa && fp) for (let k = mStart[i]; k < mStart[i + 1]; k++) cMethod[mCodes[k]]++;
      if (fs && fa && fm) for (let k = pStart[i]; k < pStart[i + 1]; k++) cPillar[pCodes[k]]++;
      if (!(fs && fa && fm && fp)) continue;
      total++;
      if (page.length >= limit || !isAfter(i)) continue;
      page.push({ index: i, rank: hits !== null && o.sort === 'relevance' ? hits[i] : 0 });
    }
    const facets: FacetRow[] = [];
    for (const facet of FACETS)
      count[facet].forEach((n, k) => {
        if (n === 0) return;
        const value = c[facet].values[k];
        const label = facet === 'subject' || facet === 'method' ? (this.labels.get(value) ?? null) : null;
        facets.push({ facet, value, count: n, label });
      });
    facets.push({ facet: 'total', value: null, count: total, label: null });
    return { page, facets };
  }

  /** Whether a row comes after the cursor in the sort (strictly below its key, as the SQL keyset). */
  #afterCursor(after: CursorKey | undefined, sort: EffectiveSort, hits: TextHits | null) {
    if (!after) return () => true;
    const key = cursorKey(after);
    return (i: number) => {
      const r = this.rows[i];
      const mine: (number | string)[] =
        sort === 'newest'
          ? [this.#time[i], r.id]
          : sort === 'tried'
            ? [r.triedCount, this.#time[i], r.id]
            : [hits ? hits[i] : 0, this.#time[i], r.id];
      return compareKeys(mine, key) < 0;
    };
  }
}

/** Lists of codes per row, packed: row i's are codes[start[i] .. start[i + 1]). */
function lists(videos: IndexedVideo[], of: (v: IndexedVideo) => number[]) {
  const start = new Int32Array(videos.length + 1);
  const all: number[] = [];
  videos.forEach((v, i) => {
    start[i] = all.length;
    all.push(...of(v));
  });
  start[videos.length] = all.length;
  return { start, codes: Int32Array.from(all) };
}

/** A cursor's key in the memory's terms (see SearchMemory.#key). */
function cursorKey(a: CursorKey): (number | string)[] {
  const time = Number(a.micros);
  if (a.sort === 'newest') return [time, a.id];
  if (a.sort === 'tried') return [a.tried, time, a.id];
  return [a.rank, time, a.id];
}

/** Compares two sort keys element by element (ids as lower-case hex text compare like PostgreSQL's uuid). */
function compareKeys(x: (number | string)[], y: (number | string)[]): number {
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k] > y[k] ? 1 : -1;
  return 0;
}
