import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';
import { addTeachers } from '../../testing/teachers.js';
import { cachesFor } from './caches.js';

type Item = { id: string };
type Answer = {
  items: Item[];
  total: number;
  facets: Record<'subject' | 'ageBand' | 'method' | 'pillar', { value: string; count: number }[]>;
};
type Home = { newest: Item[]; tried: Item[]; popularInMyCommunities: Item[] };

/**
 * The search and home caches (cache.ts) against the rules they must keep: an answer computed for one
 * visibility class never reaches another, a person's own videos outside their class reach only them, a video
 * narrowed to private leaves every other answer at once, and what is personal stays with the person.
 */
describe('search and home page caches', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const v: Record<string, string> = {};
  const as: Record<string, TestClient> = {};
  const WORD = 'zebrafisk';

  const search = async (who: string, query = `q=${WORD}`) => {
    const res = await as[who].get(`/api/v1/videos?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const home = async (who: string) => {
    const res = await as[who].get('/api/v1/home');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Home;
  };
  const found = (a: { items: Item[] }) => a.items.map((i) => i.id).sort();
  const expectIds = (a: { items: Item[] }, keys: string[]) =>
    expect(found(a)).toEqual(keys.map((k) => v[k]).sort());

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids = await demoIds(db);
    const sol = ids.institution.Solsikkeskolen;
    // Two teachers with exactly the same grants and no teams: one visibility class.
    const [a, b] = await addTeachers(db, sol, 'cacheklasse', 2);
    const future = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000);
    const at = (ownerId: string, institutionId = sol) => ({ ownerId, institutionId });
    v.inst = await insertVideo(db, {
      ...at(a.id),
      title: 'Zebrafisk i klassen',
      subject: 'Cachefag',
      readyAt: future(400),
    });
    v.privA = await insertVideo(db, {
      ...at(a.id),
      title: 'Zebrafisk privat hos A',
      subject: 'Cachefag Privat',
      visibility: 'private',
      readyAt: future(401),
    });
    v.team = await insertVideo(db, {
      ...at(ids.user.leder),
      title: 'Zebrafisk i matematikteamet',
      visibility: 'team',
      teamId: ids.team.Matematikteamet,
    });
    v.other = await insertVideo(db, {
      ...at(ids.user.medarbejder2, ids.institution['Børnehuset Mælkebøtten']),
      title: 'Zebrafisk i børnehuset',
    });
    v.pub = await insertVideo(db, {
      ...at(ids.user.leder),
      title: 'Offentlig cachevideo',
      visibility: 'public',
    });
    for (const name of ['medarbejder', 'medarbejder2', 'ressourceperson', 'leder'])
      as[name] = await t.as(name);
    as.a = await t.as(a.email);
    as.b = await t.as(b.email);
  });
  afterAll(() => t.close());

  it('never hands what one visibility class sees to another', async () => {
    // Each asks twice: the second answer comes from the cache and must be the same as the first.
    for (let round = 0; round < 2; round++) {
      expectIds(await search('medarbejder'), ['inst', 'team']); // Solsikkeskolen + Matematikteamet
      expectIds(await search('ressourceperson'), ['inst', 'team']);
      expectIds(await search('leder'), ['inst', 'team']); // owns the team video, though not in the team
      expectIds(await search('b'), ['inst']); // same school, no team
      expectIds(await search('medarbejder2'), ['other']);
    }
    // One memory and one text match served all ten searches (the second round entirely from memory).
    expect(cachesFor(t.ctx).memory.stats().hits).toBeGreaterThanOrEqual(9);
    expect(cachesFor(t.ctx).texts.stats()).toMatchObject({ misses: 1, hits: 9 });
    const b = await search('b');
    expect(b.total).toBe(1);
    expect(JSON.stringify(b)).not.toContain(v.team);
    expect(JSON.stringify(b)).not.toContain(v.other);
  });

  it('shows the owner their own private video, in results and counts, and nobody else of their class', async () => {
    const mine = await search('a');
    expectIds(mine, ['inst', 'privA']);
    expect(mine.total).toBe(2);
    expect(mine.facets.subject.map((f) => f.count).reduce((x, y) => x + y, 0)).toBe(2);
    // The class answer B gets is the one A's was built on: A's private video is not in it.
    const theirs = await search('b');
    expectIds(theirs, ['inst']);
    expect(theirs.total).toBe(1);
    expect(JSON.stringify(theirs)).not.toContain(v.privA);
    expect(JSON.stringify(theirs)).not.toContain('Cachefag Privat');
    // Pages merge in the same order: newest first, A's private video (newer) before the shared one.
    const paged = await search('a', `q=${WORD}&sort=newest&limit=1`);
    expect(found(paged)).toEqual([v.privA]);
    // When none of A's own videos match, A gets the class answer itself.
    expect(await search('a', 'q=offentlig')).toEqual(await search('b', 'q=offentlig'));
    expectIds(await search('a', 'q=offentlig'), ['pub']);
    // And the home page.
    expect((await home('a')).newest[0].id).toBe(v.privA);
    expect(JSON.stringify(await home('b'))).not.toContain(v.privA);
  });

  it('drops a video narrowed to private from every other search and home page at once', async () => {
    expectIds(await search('b'), ['inst']);
    expect((await home('b')).newest.map((i) => i.id)).toContain(v.inst);
    expect((await home('medarbejder')).newest.map((i) => i.id)).toContain(v.inst);
    const narrowed = await as.a.patch(`/api/v1/videos/${v.inst}`, { visibility: 'private' });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    // No waiting for the cache to expire.
    expectIds(await search('b'), []);
    expectIds(await search('medarbejder'), ['team']);
    expect(JSON.stringify(await home('b'))).not.toContain(v.inst);
    expect(JSON.stringify(await home('medarbejder'))).not.toContain(v.inst);
    // The owner still finds it.
    expectIds(await search('a'), ['inst', 'privA']);
  });

  it('shows a changed title at once (the summaries are cached too)', async () => {
    const before = await search('b', 'q=offentlig');
    expect(before.items.map((i) => (i as Item & { title: string }).title)).toEqual(['Offentlig cachevideo']);
    await as.leder.request('PUT', `/api/v1/videos/${v.pub}/consent`, { pupilsAppear: false });
    const renamed = await as.leder.patch(`/api/v1/videos/${v.pub}`, {
      title: 'Offentlig cachevideo, omdøbt',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = await search('b', 'q=offentlig');
    expect(after.items.map((i) => (i as Item & { title: string }).title)).toEqual([
      'Offentlig cachevideo, omdøbt',
    ]);
  });

  it('keeps what is personal on the home page per person', async () => {
    expect((await home('a')).tried).toEqual([]);
    expect((await home('b')).tried).toEqual([]);
    const signal = await as.a.put(`/api/v1/videos/${v.pub}/signal`, { tried: true, worked: false });
    expect(signal.statusCode, signal.body).toBe(200);
    expect((await home('a')).tried.map((i) => i.id)).toEqual([v.pub]);
    expect((await home('b')).tried).toEqual([]);
    expect((await home('b')).tried).toEqual([]); // and again, from the cache
  });

  it('stays within its size caps', () => {
    for (const cache of Object.values(cachesFor(t.ctx))) expect(cache.size).toBeLessThanOrEqual(cache.max);
  });
});
