import { describe, expect, it } from 'vitest';
import { classActor, visibilityClass } from '../../policy/sql-search.js';
import { searchCacheChanged } from '../search-documents/index.js';
import { TtlCache } from './cache.js';
import { SearchMemory } from './memory.js';
import type { IndexedVideo } from './repo.js';

const flush = () => new Promise((r) => setImmediate(r));

describe('TtlCache', () => {
  it('keeps at most `max` entries, dropping the least recently used', async () => {
    const c = new TtlCache<number>(3, 1000);
    const now = 1_000_000;
    for (const k of ['a', 'b', 'c']) await c.get(k, async () => 1, now);
    await c.get('a', async () => 2, now); // a is used again: b is now the oldest
    await c.get('d', async () => 1, now);
    expect(c.size).toBe(3);
    expect(await c.get('a', async () => 99, now)).toBe(1);
    expect(await c.get('b', async () => 99, now)).toBe(99); // evicted, computed again
  });

  it('computes again after the time to live and after a change', async () => {
    const c = new TtlCache<number>(10, 1000);
    let n = 0;
    const next = async () => ++n;
    expect(await c.get('k', next, 0)).toBe(1);
    expect(await c.get('k', next, 500)).toBe(1);
    expect(await c.get('k', next, 1000)).toBe(2);
    searchCacheChanged();
    expect(await c.get('k', next, 1001)).toBe(3);
    expect(c.stats()).toMatchObject({ hits: 1, misses: 3 });
  });

  it('never serves what was computed before a change that happened while computing', async () => {
    const c = new TtlCache<string>(10, 1000);
    let release = () => {};
    const slow = c.get('k', () => new Promise<string>((r) => (release = () => r('old'))), 0);
    searchCacheChanged(); // committed while the old answer was being read
    release();
    expect(await slow).toBe('old');
    expect(await c.get('k', async () => 'new', 1)).toBe('new');
  });

  it('computes a key in use again shortly before it expires, serving the old value meanwhile', async () => {
    const c = new TtlCache<number>(10, 1000);
    let n = 0;
    const next = async () => ++n;
    expect(await c.get('k', next, 0)).toBe(1);
    expect(await c.get('k', next, 100)).toBe(1);
    expect(await c.get('k', next, 830)).toBe(1); // late, but asked for only three times: no refresh
    expect(await c.get('k', next, 850)).toBe(1); // the fourth time: served; a refresh starts
    await flush();
    expect(await c.get('k', next, 900)).toBe(2); // the refreshed value, aged from 850
    expect(await c.get('k', next, 1600)).toBe(2);
    expect(c.stats()).toMatchObject({ misses: 1, refreshes: 1 });
    // A change during a refresh: what it read is never served.
    for (const at of [1000, 1100, 1200]) await c.get('k', next, at);
    let release = () => {};
    await c.get('k', () => new Promise<number>((r) => (release = () => r(99))), 1700);
    searchCacheChanged();
    release();
    await flush();
    expect(await c.get('k', async () => 3, 1750)).toBe(3);
  });

  it('shares one computation between concurrent callers and forgets failures', async () => {
    const c = new TtlCache<number>(10, 1000);
    let calls = 0;
    const compute = async () => {
      calls++;
      return 7;
    };
    await Promise.all([c.get('k', compute, 0), c.get('k', compute, 0), c.get('k', compute, 0)]);
    expect(calls).toBe(1);
    await expect(c.get('bad', () => Promise.reject(new Error('x')), 0)).rejects.toThrow('x');
    await Promise.resolve();
    expect(await c.get('bad', async () => 1, 0)).toBe(1);
  });
});

describe('visibilityClass', () => {
  const g = (role: 'medarbejder' | 'leder', institutionId: string, kommuneId = 'k1') => ({
    role,
    institutionId,
    kommuneId,
  });
  it('is the same for the same grants and teams in any order, whoever holds them', () => {
    const x = { id: 'x', grants: [g('medarbejder', 'i1'), g('leder', 'i2')], teamIds: ['t2', 't1'] };
    const y = { id: 'y', grants: [g('leder', 'i2'), g('medarbejder', 'i1')], teamIds: ['t1', 't2'] };
    expect(visibilityClass(x)).toBe(visibilityClass(y));
  });
  it('differs by any grant or team', () => {
    const base = { id: 'x', grants: [g('medarbejder', 'i1')], teamIds: ['t1'] };
    const key = visibilityClass(base);
    expect(visibilityClass({ ...base, teamIds: [] })).not.toBe(key);
    expect(visibilityClass({ ...base, teamIds: undefined })).not.toBe(key);
    expect(visibilityClass({ ...base, grants: [g('leder', 'i1')] })).not.toBe(key);
    expect(visibilityClass({ ...base, grants: [g('medarbejder', 'i2')] })).not.toBe(key);
    expect(visibilityClass({ ...base, grants: [g('medarbejder', 'i1', 'k2')] })).not.toBe(key);
  });
  it('the class actor has no id, so no own videos', () => {
    expect(classActor({ id: 'x', grants: [], teamIds: ['t'] })).toEqual({
      id: '',
      grants: [],
      teamIds: ['t'],
    });
  });
});

describe('the search memory: order, cursor and facets as the SQL gives them', () => {
  const v = (id: string, micros: string, o: Partial<IndexedVideo> = {}): IndexedVideo => ({
    id,
    ownerId: 'o',
    institutionId: 'i',
    kommuneId: 'k',
    teamId: null,
    visibility: 'public',
    editorialState: 'none',
    subjectId: 's1',
    ageBand: '0-2',
    pillars: [],
    methods: [],
    triedCount: 0,
    micros,
    ...o,
  });
  const memory = new SearchMemory(
    [
      v('b', '300', { triedCount: 2, subjectId: 's2', methods: ['m1'] }),
      v('a', '100', { triedCount: 9, pillars: ['dialog'] }),
      v('c', '300', { triedCount: 2, methods: ['m1', 'm2'] }),
      // Microseconds compare as numbers, not as text.
      v('d', '99', { ageBand: null, subjectId: null }),
    ],
    new Map([['s1', 'Dansk']]),
  );
  const none = { subject: [], ageBand: [], method: [], pillar: [] };
  const ids = (page: { index: number }[]) => page.map((p) => memory.rows[p.index].id);
  const run = (o: Partial<Parameters<SearchMemory['search']>[0]> = {}) =>
    memory.search({
      view: new Uint8Array(4).fill(1),
      own: null,
      hits: null,
      order: memory.newest,
      filters: none,
      sort: 'newest',
      limit: 10,
      ...o,
    });

  it('keeps the total order of each sort: key, then time, then id, and pages after a cursor', () => {
    expect(ids(run().page)).toEqual(['c', 'b', 'a', 'd']);
    expect(ids(run({ order: memory.tried, sort: 'tried' }).page)).toEqual(['a', 'c', 'b', 'd']);
    const hits = memory.hits(
      new Map([
        ['a', 0.9],
        ['b', 0.5],
        ['c', 0.5],
      ]),
    );
    expect(ids(run({ hits, order: memory.byRelevance(hits), sort: 'relevance' }).page)).toEqual([
      'a',
      'c',
      'b',
    ]);
    const after = { sort: 'newest' as const, micros: '300', id: 'c' };
    expect(ids(run({ after, limit: 2 }).page)).toEqual(['b', 'a']);
    // Counts are over every match, not the page.
    expect(run({ after, limit: 2 }).facets.find((f) => f.facet === 'total')?.count).toBe(4);
  });
  it('counts each facet with every filter but its own, and only what the reader may see', () => {
    const facets = run({
      filters: { ...none, subject: ['s1'] },
      view: Uint8Array.from(memory.rows, (r) => (r.id === 'a' ? 0 : 1)),
    }).facets;
    const count = (facet: string, value: string | null) =>
      facets.find((f) => f.facet === facet && f.value === value)?.count ?? 0;
    expect(count('total', null)).toBe(1); // c (a is not visible, b is s2, d has no subject)
    expect(count('subject', 's1')).toBe(1);
    expect(count('subject', 's2')).toBe(1); // the subject facet ignores the subject filter
    expect(count('method', 'm1')).toBe(1);
    expect(facets.find((f) => f.facet === 'subject' && f.value === 's1')?.label).toBe('Dansk');
    // The reader's own row comes back through `own` though the class does not see it, and nothing else does.
    const mine = run({ view: new Uint8Array(4), own: memory.owned('o') });
    expect(ids(mine.page)).toEqual(['c', 'b', 'a', 'd']);
    expect(memory.owned('someone else')).toBeNull();
    expect(ids(run({ view: new Uint8Array(4) }).page)).toEqual([]);
  });
});
