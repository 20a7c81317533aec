import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collections,
  collectionVideos,
  communities,
  communityMembers,
  communityVideos,
  videoSignals,
  videoViews,
} from '../../db/community-schema.js';
import { insertVideo } from '../../testing/catalogue.js';
import { demoIds } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/harness.js';

type Item = { id: string; title: string };
type Home = {
  newest: Item[];
  popularInMyCommunities: Item[];
  popularSource: 'communities' | 'everyone';
  memberOfCommunities: boolean;
  collections: { id: string; title: string; description: string; videos: Item[] }[];
  tried: Item[];
};

describe('home page API', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const v: Record<string, string> = {};
  const home = async (account: string) => {
    const res = await (await t.as(account)).get('/api/v1/home');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Home;
  };
  const idsOf = (items: Item[]) => items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ids = await demoIds(db);
    const sol = { ownerId: ids.user.leder, institutionId: ids.institution.Solsikkeskolen };
    const other = {
      ownerId: ids.user.medarbejder2,
      institutionId: ids.institution['Børnehuset Mælkebøtten'],
    };
    const day = 24 * 3600 * 1000;
    const soon = Date.now() + 365 * day; // newer than any demo video
    v.newer = await insertVideo(db, { ...sol, title: 'Hjemme nyeste', readyAt: new Date(soon) });
    v.older = await insertVideo(db, { ...sol, title: 'Hjemme ældre', readyAt: new Date(soon - day) });
    v.shared = await insertVideo(db, { ...other, title: 'Hjemme i fællesskabet', visibility: 'kommune' });
    v.viewed = await insertVideo(db, { ...sol, title: 'Hjemme mest set' });
    v.private = await insertVideo(db, {
      ...other,
      title: 'Hjemme privat',
      visibility: 'private',
      readyAt: new Date(soon + day),
    });
    v.unfinished = await insertVideo(db, { ...sol, title: 'Hjemme uafsluttet', status: 'processing' });

    // Views and tries: "viewed" is the most popular overall; the private one has more but is not visible.
    const views = (videoId: string, n: number, at = new Date()) =>
      Array.from({ length: n }, () => ({ videoId, startedAt: at }));
    await db
      .insert(videoViews)
      .values([
        ...views(v.viewed, 6),
        ...views(v.shared, 2),
        ...views(v.private, 50),
        ...views(v.older, 40, new Date(Date.now() - 60 * day)),
      ]);
    await db.insert(videoSignals).values({ videoId: v.newer, userId: ids.user.medarbejder });

    // A community with one visible and one private video; medarbejder joins it in a test below.
    const [c] = await db.insert(communities).values({ name: 'Hjemmefællesskabet' }).returning();
    await db.insert(communityVideos).values([
      { communityId: c.id, videoId: v.shared },
      { communityId: c.id, videoId: v.private },
    ]);
    v.community = c.id;

    // Collections: one with visible and hidden videos, one with only hidden ones (left out), one empty.
    const [col1, col2] = await db
      .insert(collections)
      .values([
        { title: 'Godt i gang', description: 'Til nye lærere', position: 1 },
        { title: 'Kun skjulte', position: 2 },
        { title: 'Tom samling', position: 0 },
      ])
      .returning();
    await db.insert(collectionVideos).values([
      { collectionId: col1.id, videoId: v.older, position: 2 },
      { collectionId: col1.id, videoId: v.private, position: 1 },
      { collectionId: col1.id, videoId: v.newer, position: 3 },
      { collectionId: col1.id, videoId: v.unfinished, position: 0 },
      { collectionId: col2.id, videoId: v.private, position: 0 },
    ]);
    v.col1 = col1.id;
  });
  afterAll(() => t.close());

  it('shows the newest, popular overall when I am in no community, the collections and what I tried', async () => {
    const h = await home('medarbejder');
    expect(idsOf(h.newest).slice(0, 2)).toEqual([v.newer, v.older]);
    expect(h.popularSource).toBe('everyone');
    expect(h.memberOfCommunities).toBe(false);
    expect(idsOf(h.popularInMyCommunities)[0]).toBe(v.viewed);
    expect(h.collections).toEqual([
      {
        id: v.col1,
        title: 'Godt i gang',
        description: 'Til nye lærere',
        videos: [expect.objectContaining({ id: v.older }), expect.objectContaining({ id: v.newer })],
      },
    ]);
    expect(idsOf(h.tried)).toEqual([v.newer]);
    const all = JSON.stringify(h);
    expect(all).not.toContain(v.private);
    expect(all).not.toContain(v.unfinished);
  });

  it('shows what is popular in my communities once I have joined one, never what I may not see', async () => {
    const before = await home('medarbejder'); // cached for a few seconds: joining must show at once
    expect(before.memberOfCommunities).toBe(false);
    const me = await t.as('medarbejder');
    expect((await me.post(`/api/v1/communities/${v.community}/join`, {})).statusCode).toBe(200);
    const h = await home('medarbejder');
    expect(h.popularSource).toBe('communities');
    expect(h.memberOfCommunities).toBe(true);
    expect(idsOf(h.popularInMyCommunities)).toEqual([v.shared]);
    expect(JSON.stringify(h)).not.toContain(v.private);
  });

  it('falls back to everyone when my communities have nothing I may see, and an invitation is no membership', async () => {
    const db = t.database.db;
    await db.insert(communityMembers).values({
      communityId: v.community,
      userId: ids.user.leder2,
      joinedAt: null,
      invitedBy: ids.user.leder,
    });
    // leder2 is only invited: no community of their own yet.
    const invited = await home('leder2');
    expect(invited.popularSource).toBe('everyone');
    expect(invited.memberOfCommunities).toBe(false);
    // Popular overall is also per viewer: the owner of the private video sees it first; nobody else sees it.
    const owner = await home('medarbejder2');
    expect(owner.popularSource).toBe('everyone');
    expect(idsOf(owner.popularInMyCommunities)[0]).toBe(v.private);
  });

  it('shows someone not signed in the public videos only, none of these (issue 15)', async () => {
    const res = await t.client().get('/api/v1/home');
    expect(res.statusCode).toBe(200);
    const h = res.json() as Home;
    const shown = [...h.newest, ...h.popularInMyCommunities, ...h.collections.flatMap((c) => c.videos)];
    for (const id of Object.values(v)) expect(idsOf(shown)).not.toContain(id);
    expect(h.tried).toEqual([]);
    expect(h.memberOfCommunities).toBe(false);
  });
});
